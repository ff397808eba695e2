package org.tidemark.layers.wms;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;

/**
 * GetFeatureInfo responses: {@code text/plain}, {@code text/html} (UTF-8, attribute titles in the chosen
 * language so Chinese reads naturally), {@code application/json} (a GeoJSON FeatureCollection, RFC 7946,
 * lon/lat), {@code application/vnd.ogc.gml} (GML 2.1.2 feature collection) and {@code text/xml}
 * (GML 3.2 simple features, CRS84 axis order).
 */
final class FeatureInfoWriter {
    static final List<String> FORMATS = List.of("text/plain", "text/html", "application/json",
            "application/vnd.ogc.gml", "text/xml");

    private FeatureInfoWriter() {}

    static boolean supports(String format) { return FORMATS.contains(normalise(format)); }

    static String normalise(String format) {
        String f = format.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return switch (f) {
            case "application/geo+json", "json", "application/geojson" -> "application/json";
            case "gml", "application/gml+xml", "application/vnd.ogc.gml/3.1.1" -> f.equals("gml") ? "application/vnd.ogc.gml" : "text/xml";
            default -> f;
        };
    }

    static String contentType(String format) {
        String f = normalise(format);
        return f + ";charset=UTF-8";
    }

    static void write(String format, List<FeatureInfoService.LayerHits> hits, Locale lang, OutputStream out) throws IOException {
        String f = normalise(format);
        try {
            switch (f) {
                case "text/plain" -> plain(hits, out);
                case "text/html" -> html(hits, lang, out);
                case "application/json" -> json(hits, out);
                case "application/vnd.ogc.gml" -> gml(hits, false, out);
                default -> gml(hits, true, out);
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void plain(List<FeatureInfoService.LayerHits> hits, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        boolean any = false;
        for (var h : hits) {
            for (Feature f : h.features()) {
                any = true;
                w.write("Results for FeatureType '" + h.type().name() + "':\n");
                w.write("--------------------------------------------\n");
                w.write("id = " + f.id() + "\n");
                for (var e : f.properties().entrySet()) w.write(e.getKey() + " = " + text(e.getValue()) + "\n");
                w.write("--------------------------------------------\n");
            }
        }
        if (!any) w.write("no features were found\n");
        w.flush();
    }

    private static void html(List<FeatureInfoService.LayerHits> hits, Locale lang, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("<!DOCTYPE html>\n<html lang=\"" + (lang.getLanguage().equals("en") ? "en" : "zh-CN") + "\"><head><meta charset=\"UTF-8\">"
                + "<title>GetFeatureInfo</title><style>table{border-collapse:collapse;margin-bottom:8px}"
                + "th,td{border:1px solid #999;padding:2px 6px;font-size:13px}caption{font-weight:bold;text-align:left}</style></head><body>\n");
        for (var h : hits) {
            if (h.features().isEmpty()) continue;
            FeatureType t = h.type();
            w.write("<table><caption>" + esc(t.title().in(lang)) + "</caption>\n<tr><th>" + (lang.getLanguage().equals("en") ? "ID" : "编号") + "</th>");
            List<String> names = h.features().get(0).properties().keySet().stream().toList();
            for (String n : names) {
                String title = t.attribute(n).map(Attribute::title).map(x -> x.in(lang)).orElse(n);
                w.write("<th title=\"" + esc(n) + "\">" + esc(title) + "</th>");
            }
            w.write("</tr>\n");
            for (Feature f : h.features()) {
                w.write("<tr><td>" + esc(f.id()) + "</td>");
                for (String n : names) w.write("<td>" + esc(text(f.get(n))) + "</td>");
                w.write("</tr>\n");
            }
            w.write("</table>\n");
        }
        w.write("</body></html>\n");
        w.flush();
    }

    private static void json(List<FeatureInfoService.LayerHits> hits, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (var h : hits) {
            for (Feature f : h.features()) {
                if (!first) w.write(',');
                first = false;
                w.write("{\"type\":\"Feature\",\"id\":" + str(f.id()) + ",\"layer\":" + str(h.type().name()) + ",\"geometry\":");
                geojson(w, f.geometry());
                w.write(",\"properties\":{");
                boolean fp = true;
                for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                    if (!fp) w.write(',');
                    fp = false;
                    w.write(str(e.getKey()) + ":" + value(e.getValue()));
                }
                w.write("}}");
            }
        }
        w.write("]}");
        w.flush();
    }

    private static void geojson(Writer w, Geometry g) throws IOException {
        if (g == null) {
            w.write("null");
            return;
        }
        switch (g) {
            case Point p -> w.write("{\"type\":\"Point\",\"coordinates\":" + pos(p.getCoordinate()) + "}");
            case LineString l -> w.write("{\"type\":\"LineString\",\"coordinates\":" + seq(l.getCoordinates()) + "}");
            case Polygon p -> w.write("{\"type\":\"Polygon\",\"coordinates\":" + rings(p) + "}");
            default -> {
                String type = g.getGeometryType();
                if (type.equals("GeometryCollection")) {
                    w.write("{\"type\":\"GeometryCollection\",\"geometries\":[");
                    for (int i = 0; i < g.getNumGeometries(); i++) {
                        if (i > 0) w.write(',');
                        geojson(w, g.getGeometryN(i));
                    }
                    w.write("]}");
                    return;
                }
                StringBuilder sb = new StringBuilder("{\"type\":\"" + type + "\",\"coordinates\":[");
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    if (i > 0) sb.append(',');
                    Geometry part = g.getGeometryN(i);
                    sb.append(part instanceof Point p ? pos(p.getCoordinate()) : part instanceof Polygon p ? rings(p) : seq(part.getCoordinates()));
                }
                w.write(sb.append("]}").toString());
            }
        }
    }

    private static String rings(Polygon p) {
        StringBuilder sb = new StringBuilder("[").append(seq(p.getExteriorRing().getCoordinates()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) sb.append(',').append(seq(p.getInteriorRingN(i).getCoordinates()));
        return sb.append(']').toString();
    }

    private static String seq(Coordinate[] cs) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(pos(cs[i]));
        }
        return sb.append(']').toString();
    }

    private static String pos(Coordinate c) { return "[" + CapabilitiesWriter.num(c.x) + "," + CapabilitiesWriter.num(c.y) + "]"; }

    private static String value(Object v) {
        if (v == null) return "null";
        if (v instanceof Number n && !(n instanceof Double d && !Double.isFinite(d))) return n.toString();
        if (v instanceof Boolean b) return b.toString();
        return str(text(v));
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String text(Object v) { return v == null ? "" : v.toString(); }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** GML 2.1.2 ({@code gml32 = false}) or GML 3.2 simple features. */
    private static void gml(List<FeatureInfoService.LayerHits> hits, boolean gml32, OutputStream out) throws XMLStreamException {
        String gmlNs = gml32 ? "http://www.opengis.net/gml/3.2" : "http://www.opengis.net/gml";
        String app = "http://tidemark.org/features";
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("wfs", "FeatureCollection", gml32 ? "http://www.opengis.net/wfs/2.0" : "http://www.opengis.net/wfs");
        w.writeNamespace("wfs", gml32 ? "http://www.opengis.net/wfs/2.0" : "http://www.opengis.net/wfs");
        w.writeNamespace("gml", gmlNs);
        w.writeNamespace("tm", app);
        for (var h : hits) {
            for (Feature f : h.features()) {
                w.writeStartElement(gml32 ? "wfs" : "gml", gml32 ? "member" : "featureMember", gml32 ? "http://www.opengis.net/wfs/2.0" : gmlNs);
                w.writeStartElement("tm", h.type().name(), app);
                w.writeAttribute("gml", gmlNs, gml32 ? "id" : "fid", h.type().name() + "." + f.id());
                if (f.geometry() != null) {
                    w.writeStartElement("tm", h.type().geometryName(), app);
                    GmlGeometry.write(w, f.geometry(), gml32, gmlNs, h.type().name() + "." + f.id() + ".g");
                    w.writeEndElement();
                }
                for (var e : f.properties().entrySet()) {
                    if (e.getValue() == null || e.getValue() instanceof Geometry) continue;
                    w.writeStartElement("tm", e.getKey(), app);
                    w.writeCharacters(e.getValue().toString());
                    w.writeEndElement();
                }
                w.writeEndElement();
                w.writeEndElement();
            }
        }
        w.writeEndElement();
        w.writeEndDocument();
        w.flush();
        w.close();
    }
}
