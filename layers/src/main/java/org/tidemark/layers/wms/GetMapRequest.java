package org.tidemark.layers.wms;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.style.SldReader;
import org.tidemark.core.style.StyleException;
import org.tidemark.core.style.StyledLayerDescriptor;

/**
 * A parsed GetMap (WMS 1.3.0 §7.3.2 Table 8; 1.1.1 §7.2.3): every parameter validated, the BBOX turned
 * into an east/north envelope by the CRS's axis order.
 *
 * @param bbox    east/north envelope in the map CRS; {@code empty} when minima exceed maxima in a way the
 *                spec allows to yield an empty map (never an error for wrongly ordered lat/lon boxes)
 * @param cql     one CQL2 text filter per layer, or an empty list
 * @param sld     the styles given by SLD_BODY, or null
 */
record GetMapRequest(WmsVersion version, List<String> layers, List<String> styles, StyledLayerDescriptor sld,
                     MapCrs crs, Envelope bbox, int width, int height, ImageFormat format, boolean transparent,
                     Color bgcolor, String time, List<String> cql, ExceptionFormat exceptions) {

    static GetMapRequest parse(WmsParams p, WmsSettings settings, boolean forFeatureInfo) {
        WmsVersion v = WmsVersion.negotiate(p.get("VERSION", p.get("WMTVER")));
        ExceptionFormat exceptions = ExceptionFormat.parse(p.get("EXCEPTIONS"));
        StyledLayerDescriptor sld = null;
        String sldBody = p.get("SLD_BODY");
        if (sldBody != null && !sldBody.isEmpty()) {
            if (sldBody.length() > settings.maxSldBytes()) throw GeoServiceException.invalid("SLD_BODY", "SLD_BODY is larger than " + settings.maxSldBytes() + " bytes");
            try {
                sld = SldReader.read(sldBody);
            } catch (StyleException e) {
                throw GeoServiceException.invalid("SLD_BODY", "Invalid SLD: " + e.getMessage());
            }
        } else if (p.has("SLD")) {
            throw GeoServiceException.notSupported("SLD", "Remote SLD documents are not fetched; send the document as SLD_BODY");
        }
        List<String> layers = split(p.get("LAYERS"));
        if (layers.isEmpty() && sld != null) layers = sld.layers().stream().map(StyledLayerDescriptor.NamedLayer::name).filter(n -> !n.isEmpty()).toList();
        if (layers.isEmpty()) throw GeoServiceException.missing("LAYERS");
        if (layers.size() > settings.maxLayers()) throw GeoServiceException.invalid("LAYERS", "At most " + settings.maxLayers() + " layers per request");
        List<String> styles = split(p.get("STYLES"));
        if (styles.isEmpty()) styles = java.util.Collections.nCopies(layers.size(), "");
        else if (styles.size() != layers.size()) throw WmsErrors.styleNotDefined("STYLES must list one style per layer (" + layers.size() + ")");
        String crsText = p.get(v.crsParam());
        if (crsText == null || crsText.isEmpty()) crsText = p.get(v.is13() ? "SRS" : "CRS");
        if (crsText == null || crsText.isEmpty()) throw GeoServiceException.missing(v.crsParam());
        MapCrs crs = MapCrs.parse(crsText, v);
        Envelope bbox = bbox(p.required("BBOX"), crs);
        int width = p.integer("WIDTH");
        int height = p.integer("HEIGHT");
        if (width <= 0 || height <= 0) throw GeoServiceException.invalid(width <= 0 ? "WIDTH" : "HEIGHT", "WIDTH and HEIGHT must be positive");
        if (width > settings.maxWidth() || height > settings.maxHeight()) {
            throw GeoServiceException.invalid(width > settings.maxWidth() ? "WIDTH" : "HEIGHT",
                    "Image size " + width + "x" + height + " exceeds the limit " + settings.maxWidth() + "x" + settings.maxHeight());
        }
        String formatText = p.get("FORMAT");
        ImageFormat format = forFeatureInfo && (formatText == null || formatText.isEmpty()) ? ImageFormat.PNG
                : ImageFormat.parse(p.required("FORMAT"), "FORMAT");
        boolean transparent = p.bool("TRANSPARENT");
        Color bg = bgcolor(p.get("BGCOLOR"));
        List<String> cql = cql(p.get("CQL_FILTER"), layers.size());
        return new GetMapRequest(v, layers, styles, sld, crs, bbox, width, height, format, transparent, bg,
                p.get("TIME"), cql, exceptions);
    }

    /** Comma-separated list; empty items are kept (STYLES may be {@code ,,}). */
    static List<String> split(String s) {
        if (s == null || s.isEmpty()) return List.of();
        return Arrays.stream(s.split(",", -1)).map(String::trim).toList();
    }

    /**
     * WMS 1.3.0 §7.3.3.6: minima must not exceed maxima, else the request is invalid. A box given in
     * the wrong axis order is still well-formed when minima < maxima, and then covers another area, so it
     * simply renders whatever (usually nothing) lies there, as MapServer does.
     */
    private static Envelope bbox(String text, MapCrs crs) {
        String[] parts = text.split(",");
        if (parts.length != 4 && parts.length != 5) throw GeoServiceException.invalid("BBOX", "BBOX needs four numbers: " + text);
        double[] n = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw GeoServiceException.invalid("BBOX", "BBOX values must be numbers: " + text);
            }
            if (!Double.isFinite(n[i])) throw GeoServiceException.invalid("BBOX", "BBOX values must be finite");
        }
        if (n[0] >= n[2] || n[1] >= n[3]) throw GeoServiceException.invalid("BBOX", "BBOX minimum must be less than maximum: " + text);
        return crs.envelope(n[0], n[1], n[2], n[3]);
    }

    static Color bgcolor(String s) {
        if (s == null || s.isEmpty()) return Color.WHITE;
        String t = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s.startsWith("#") ? s.substring(1) : s;
        if (!t.matches("[0-9A-Fa-f]{6}")) throw GeoServiceException.invalid("BGCOLOR", "BGCOLOR must be 0xRRGGBB: " + s);
        return new Color(Integer.parseInt(t, 16));
    }

    /** CQL_FILTER: one filter per layer separated by {@code ;}, or one filter for all layers. */
    private static List<String> cql(String s, int layers) {
        if (s == null || s.isBlank()) return List.of();
        List<String> parts = new ArrayList<>(Arrays.stream(s.split(";", -1)).map(String::trim).toList());
        if (parts.size() == 1) return java.util.Collections.nCopies(layers, parts.get(0));
        if (parts.size() != layers) throw GeoServiceException.invalid("CQL_FILTER", "CQL_FILTER must give one filter per layer, separated by ';'");
        return parts;
    }

    Color background() { return bgcolor; }
}
