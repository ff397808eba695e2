package org.tidemark.layers.wfs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the {@code next}/{@code previous} URIs of a paged response (WFS 2.0 §7.7.4.4) as KVP GET requests
 * equivalent to the original request (also for POST requests: their filters travel as FILTER text).
 */
final class PageLinks {
    private PageLinks() {}

    static String of(WfsContext ctx, GetFeatureRequest r, long startIndex, long count) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SERVICE", "WFS");
        p.put("VERSION", r.version().text);
        p.put("REQUEST", r.valueReference() != null ? "GetPropertyValue" : "GetFeature");
        List<QuerySpec> qs = r.queries();
        QuerySpec first = qs.get(0);
        if (first.typeNames().isEmpty()) {
            p.put("RESOURCEID", String.join(",", first.resourceIds()));
        } else {
            p.put("TYPENAMES", qs.size() == 1 ? String.join(",", first.typeNames())
                    : qs.stream().map(q -> "(" + String.join(",", q.typeNames()) + ")").collect(Collectors.joining()));
            if (!first.resourceIds().isEmpty()) p.put("RESOURCEID", String.join(",", first.resourceIds()));
        }
        if (qs.stream().anyMatch(q -> q.filterXml() != null)) {
            p.put("FILTER", qs.size() == 1 ? first.filterXml()
                    : qs.stream().map(q -> "(" + (q.filterXml() == null ? "" : q.filterXml()) + ")").collect(Collectors.joining()));
        }
        if (first.cql() != null) p.put("CQL_FILTER", first.cql());
        if (first.bbox() != null) p.put("BBOX", first.bbox());
        if (first.propertyNames() != null) p.put("PROPERTYNAME", String.join(",", first.propertyNames()));
        if (first.sortBy() != null) p.put("SORTBY", first.sortBy());
        if (first.srsName() != null) p.put("SRSNAME", first.srsName());
        if (r.valueReference() != null) p.put("VALUEREFERENCE", r.valueReference());
        p.put("OUTPUTFORMAT", r.format().mime);
        p.put("STARTINDEX", Long.toString(startIndex));
        if (count >= 0) p.put("COUNT", Long.toString(count));
        return ctx.baseUrl() + "/wfs?" + p.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }
}
