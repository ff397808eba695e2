package org.tidemark.layers.gml;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Streams JTS geometries as GML simple-feature geometries (ISO 19136 §10, the SF-0 subset of OGC 10-100r3):
 * Point/pos, LineString/posList, Polygon with exterior/interior LinearRings, MultiPoint, MultiCurve,
 * MultiSurface and MultiGeometry. Coordinates are written in the wire axis order: {@code swap} writes y x
 * (latitude/northing first) as EPSG:4490, 4326 and the Gauss-Krüger CRSs declare. GML 3.2 geometries
 * carry the mandatory {@code gml:id}.
 */
public final class GmlGeometryWriter {
    private final XMLStreamWriter w;
    private final GmlVersion version;
    private final String ns;
    private final String srsName;
    private final boolean swap;
    private final int srsDimension;
    private int counter;

    public GmlGeometryWriter(XMLStreamWriter w, GmlVersion version, String srsName, boolean swap) {
        this.w = w;
        this.version = version;
        this.ns = version.namespace();
        this.srsName = srsName;
        this.swap = swap;
        this.srsDimension = 2;
    }

    /** Writes a geometry element; {@code id} is the base of the gml:id values. */
    public void write(Geometry g, String id) throws XMLStreamException {
        counter = 0;
        writeGeometry(g, id, true);
    }

    /** Writes a {@code gml:Envelope} with lowerCorner/upperCorner. */
    public void writeEnvelope(Envelope e) throws XMLStreamException {
        w.writeStartElement("gml", "Envelope", ns);
        if (srsName != null) w.writeAttribute("srsName", srsName);
        if (version == GmlVersion.GML32) w.writeAttribute("srsDimension", "2");
        w.writeStartElement("gml", "lowerCorner", ns);
        w.writeCharacters(pair(e.getMinX(), e.getMinY()));
        w.writeEndElement();
        w.writeStartElement("gml", "upperCorner", ns);
        w.writeCharacters(pair(e.getMaxX(), e.getMaxY()));
        w.writeEndElement();
        w.writeEndElement();
    }

    private void writeGeometry(Geometry g, String id, boolean top) throws XMLStreamException {
        switch (g) {
            case Point p -> {
                start("Point", id, top);
                w.writeStartElement("gml", "pos", ns);
                w.writeCharacters(p.isEmpty() ? "" : pair(p.getX(), p.getY()));
                w.writeEndElement();
                w.writeEndElement();
            }
            case LineString l -> {
                start("LineString", id, top);
                posList(l.getCoordinateSequence());
                w.writeEndElement();
            }
            case Polygon p -> {
                start("Polygon", id, top);
                w.writeStartElement("gml", "exterior", ns);
                ring(p.getExteriorRing());
                w.writeEndElement();
                for (int i = 0; i < p.getNumInteriorRing(); i++) {
                    w.writeStartElement("gml", "interior", ns);
                    ring(p.getInteriorRingN(i));
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            case MultiPoint mp -> members(mp, "MultiPoint", "pointMember", id, top);
            case MultiLineString ml -> members(ml, "MultiCurve", "curveMember", id, top);
            case MultiPolygon mp -> members(mp, "MultiSurface", "surfaceMember", id, top);
            case GeometryCollection gc -> members(gc, "MultiGeometry", "geometryMember", id, top);
            default -> throw new XMLStreamException("Unsupported geometry " + g.getGeometryType());
        }
    }

    private void members(GeometryCollection gc, String element, String member, String id, boolean top) throws XMLStreamException {
        start(element, id, top);
        for (int i = 0; i < gc.getNumGeometries(); i++) {
            w.writeStartElement("gml", member, ns);
            writeGeometry(gc.getGeometryN(i), id, false);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void start(String element, String id, boolean top) throws XMLStreamException {
        w.writeStartElement("gml", element, ns);
        if (version == GmlVersion.GML32) {
            w.writeAttribute("gml", ns, "id", top ? id : id + "." + (++counter));
        }
        if (top && srsName != null) {
            w.writeAttribute("srsName", srsName);
            if (version == GmlVersion.GML32) w.writeAttribute("srsDimension", Integer.toString(srsDimension));
        }
    }

    private void ring(LineString ring) throws XMLStreamException {
        w.writeStartElement("gml", "LinearRing", ns);
        posList(ring.getCoordinateSequence());
        w.writeEndElement();
    }

    private void posList(CoordinateSequence seq) throws XMLStreamException {
        w.writeStartElement("gml", "posList", ns);
        StringBuilder sb = new StringBuilder(seq.size() * 24);
        for (int i = 0; i < seq.size(); i++) {
            if (i > 0) sb.append(' ');
            Coordinate c = seq.getCoordinate(i);
            appendPair(sb, c.x, c.y);
            if (sb.length() > 8192) {
                w.writeCharacters(sb.toString());
                sb.setLength(0);
            }
        }
        w.writeCharacters(sb.toString());
        w.writeEndElement();
    }

    private String pair(double x, double y) {
        StringBuilder sb = new StringBuilder(40);
        appendPair(sb, x, y);
        return sb.toString();
    }

    private void appendPair(StringBuilder sb, double x, double y) {
        if (swap) {
            sb.append(Numbers.format(y)).append(' ').append(Numbers.format(x));
        } else {
            sb.append(Numbers.format(x)).append(' ').append(Numbers.format(y));
        }
    }
}
