package org.tidemark.layers.wms;

import org.tidemark.core.feature.LocalizedText;

/**
 * WMS settings (the app binds them from {@code tidemark.wms.*}; the defaults are here).
 *
 * @param maxWidth          largest WIDTH accepted (WMS 1.3.0 §7.3.3.8; advertised as MaxWidth)
 * @param maxHeight         largest HEIGHT accepted (advertised as MaxHeight)
 * @param maxLayers         largest number of LAYERS in one GetMap (advertised as LayerLimit)
 * @param maxFeatureCount   the largest FEATURE_COUNT honoured in GetFeatureInfo
 * @param pixelTolerance    GetFeatureInfo search radius in pixels, so points and lines can be hit
 * @param maxSldBytes       the largest SLD_BODY accepted
 * @param title             the service title
 * @param serviceAbstract   the service abstract
 * @param cacheBytes        memory for recently rendered GetMap responses (0 disables the cache)
 * @param cacheSeconds      how long a cached map may be served; entries also expire when a layer's
 *                          {@code FeatureSource.version()} or the caller's access decision changes
 */
public record WmsSettings(int maxWidth, int maxHeight, int maxLayers, int maxFeatureCount, int pixelTolerance,
                          int maxSldBytes, LocalizedText title, LocalizedText serviceAbstract, long cacheBytes,
                          int cacheSeconds) {
    public WmsSettings {
        if (maxWidth <= 0) maxWidth = 4096;
        if (maxHeight <= 0) maxHeight = 4096;
        if (maxLayers <= 0) maxLayers = 50;
        if (maxFeatureCount <= 0) maxFeatureCount = 50;
        if (pixelTolerance < 0) pixelTolerance = 5;
        if (maxSldBytes <= 0) maxSldBytes = 256 * 1024;
        if (cacheBytes < 0) cacheBytes = 0;
        if (cacheSeconds <= 0) cacheSeconds = 30;
        if (title == null) title = LocalizedText.of("象山县综合地图服务", "Xiangshan County Web Map Service");
        if (serviceAbstract == null) {
            serviceAbstract = LocalizedText.of("各部门共享图层的 WMS 服务（CGCS2000）", "Department layers shared as WMS (CGCS2000)");
        }
    }

    /** Settings with the default map cache (32 MB, 30 s). */
    public WmsSettings(int maxWidth, int maxHeight, int maxLayers, int maxFeatureCount, int pixelTolerance,
                       int maxSldBytes, LocalizedText title, LocalizedText serviceAbstract) {
        this(maxWidth, maxHeight, maxLayers, maxFeatureCount, pixelTolerance, maxSldBytes, title, serviceAbstract,
                32L << 20, 30);
    }

    public static WmsSettings defaults() { return new WmsSettings(4096, 4096, 50, 50, 5, 256 * 1024, null, null); }

    public WmsSettings withCache(long bytes, int seconds) {
        return new WmsSettings(maxWidth, maxHeight, maxLayers, maxFeatureCount, pixelTolerance, maxSldBytes, title,
                serviceAbstract, bytes, seconds);
    }
}
