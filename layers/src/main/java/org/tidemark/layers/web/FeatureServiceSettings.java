package org.tidemark.layers.web;

import java.util.Objects;
import org.tidemark.core.feature.LocalizedText;

/**
 * The settings of the feature services (WFS and OGC API – Features). The app binds them from
 * {@code tidemark.services.*}; the defaults here make the module work with no configuration.
 *
 * @param title            the service title (capabilities, landing page)
 * @param abstractText     the service abstract
 * @param provider         the provider name shown in capabilities
 * @param publicBaseUrl    the externally visible base URL (e.g. {@code https://gis.example.cn/tidemark}), or
 *                         null to derive it from each request
 * @param schemaBaseUrl    where the OGC schemas are advertised ({@code http://schemas.opengis.net} by default;
 *                         conformance runs point it at a loopback copy)
 * @param namespaceUri     the XML namespace of the published feature types
 * @param namespacePrefix  its prefix
 * @param defaultPageSize  OGC API {@code limit} default
 * @param maxPageSize      OGC API {@code limit} maximum, and the WFS {@code CountDefault} when no COUNT is given
 * @param maxPostBytes     the largest accepted POST body
 */
public record FeatureServiceSettings(LocalizedText title, LocalizedText abstractText, String provider,
                                     String publicBaseUrl, String schemaBaseUrl, String namespaceUri,
                                     String namespacePrefix, int defaultPageSize, int maxPageSize,
                                     long maxPostBytes) {

    public static final String DEFAULT_SCHEMA_BASE = "http://schemas.opengis.net";

    public FeatureServiceSettings {
        if (title == null) title = LocalizedText.of("潮汐标记要素服务", "Tidemark feature services");
        if (abstractText == null) {
            abstractText = LocalizedText.of("象山县各部门共享图层的要素服务（WFS 与 OGC API – Features）。",
                    "Feature services for the layers Xiangshan county departments share (WFS and OGC API – Features).");
        }
        if (provider == null || provider.isBlank()) provider = "Tidemark";
        if (publicBaseUrl != null && publicBaseUrl.isBlank()) publicBaseUrl = null;
        if (publicBaseUrl != null && publicBaseUrl.endsWith("/")) publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
        if (schemaBaseUrl == null || schemaBaseUrl.isBlank()) schemaBaseUrl = DEFAULT_SCHEMA_BASE;
        if (schemaBaseUrl.endsWith("/")) schemaBaseUrl = schemaBaseUrl.substring(0, schemaBaseUrl.length() - 1);
        if (namespaceUri == null || namespaceUri.isBlank()) namespaceUri = "http://tidemark.org/xiangshan";
        if (namespacePrefix == null || namespacePrefix.isBlank()) namespacePrefix = "tm";
        if (defaultPageSize <= 0) defaultPageSize = 10;
        if (maxPageSize <= 0) maxPageSize = 10_000;
        if (defaultPageSize > maxPageSize) defaultPageSize = maxPageSize;
        if (maxPostBytes <= 0) maxPostBytes = 4L * 1024 * 1024;
        Objects.requireNonNull(title);
    }

    /** All defaults. */
    public static FeatureServiceSettings defaults() {
        return new FeatureServiceSettings(null, null, null, null, null, null, null, 0, 0, 0);
    }

    public FeatureServiceSettings withSchemaBaseUrl(String url) {
        return new FeatureServiceSettings(title, abstractText, provider, publicBaseUrl, url, namespaceUri,
                namespacePrefix, defaultPageSize, maxPageSize, maxPostBytes);
    }

    public FeatureServiceSettings withPageSizes(int def, int max) {
        return new FeatureServiceSettings(title, abstractText, provider, publicBaseUrl, schemaBaseUrl, namespaceUri,
                namespacePrefix, def, max, maxPostBytes);
    }
}
