package org.tidemark.layers.wms;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes JTS geometries as GML 2.1.2 ({@code gml:coordinates}, srsName {@code EPSG:4490}, lon/lat) or
 * GML 3.2 ({@code gml:pos}/{@code gml:posList}, srsName CRS84 so the order stays lon/lat).
 */
final class GmlGeometry {
    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private GmlGeometry() {}

    static void write(XMLStreamWriter w, Geometry g, boolean gml32, String ns, String id) throws XMLStreamException {
        write(w, g, gml32, ns, id, true);
    }

    private static void write(XMLStreamWriter w, Geometry g, boolean gml32, String ns, String id, boolean top) throws XMLStreamException {
        switch (g) {
            case Point p -> {
                start(w, "Point", gml32, ns, id, top);
                coords(w, new Coordinate[] {p.getCoordinate()}, gml32, ns, true);
                w.writeEndElement();
            }
            case LineString l -> {
                start(w, "LineString", gml32, ns, id, top);
                coords(w, l.getCoordinates(), gml32, ns, false);
                w.writeEndElement();
            }
            case Polygon p -> {
                start(w, "Polygon", gml32, ns, id, top);
                ring(w, p.getExteriorRing(), gml32 ? "exterior" : "outerBoundaryIs", gml32, ns);
                for (int i = 0; i < p.getNumInteriorRing(); i++) ring(w, p.getInteriorRingN(i), gml32 ? "interior" : "innerBoundaryIs", gml32, ns);
                w.writeEndElement();
            }
            default -> {
                String t = g.getGeometryType();
                String name = switch (t) {
                    case "MultiPoint" -> "MultiPoint";
                    case "MultiLineString" -> gml32 ? "MultiCurve" : "MultiLineString";
                    case "MultiPolygon" -> gml32 ? "MultiSurface" : "MultiPolygon";
                    default -> "MultiGeometry";
                };
                String member = switch (t) {
                    case "MultiPoint" -> "pointMember";
                    case "MultiLineString" -> gml32 ? "curveMember" : "lineStringMember";
                    case "MultiPolygon" -> gml32 ? "surfaceMember" : "polygonMember";
                    default -> "geometryMember";
                };
                start(w, name, gml32, ns, id, top);
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    w.writeStartElement("gml", member, ns);
                    write(w, g.getGeometryN(i), gml32, ns, id + "." + i, false);
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
        }
    }

    private static void start(XMLStreamWriter w, String name, boolean gml32, String ns, String id, boolean top) throws XMLStreamException {
        w.writeStartElement("gml", name, ns);
        if (gml32) w.writeAttribute("gml", ns, "id", id);
        if (top) w.writeAttribute("srsName", gml32 ? CRS84 : "EPSG:4490");
    }

    private static void ring(XMLStreamWriter w, LineString ring, String wrapper, boolean gml32, String ns) throws XMLStreamException {
        w.writeStartElement("gml", wrapper, ns);
        w.writeStartElement("gml", "LinearRing", ns);
        coords(w, ring.getCoordinates(), gml32, ns, false);
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void coords(XMLStreamWriter w, Coordinate[] cs, boolean gml32, String ns, boolean single) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        for (Coordinate c : cs) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(CapabilitiesWriter.num(c.x)).append(gml32 ? " " : ",").append(CapabilitiesWriter.num(c.y));
        }
        w.writeStartElement("gml", gml32 ? (single ? "pos" : "posList") : "coordinates", ns);
        w.writeCharacters(sb.toString());
        w.writeEndElement();
    }
}
