package org.tidemark.layers.gml;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.tidemark.core.crs.Crs;
import org.tidemark.core.crs.Reprojector;
import org.tidemark.layers.ows.OwsException;
import org.tidemark.layers.web.WireCrs;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads GML 3.2 (and GML 3.1.1) geometry literals of filter expressions into internal lon/lat geometries
 * (ISO 19136 §10): Envelope (lower/upperCorner), Point (pos, coordinates), LineString, LinearRing and
 * Polygon (posList, pos list, coordinates), MultiPoint, MultiCurve/MultiLineString, MultiSurface/MultiPolygon
 * and MultiGeometry. The {@code srsName} (inherited from enclosing geometries, else the request default)
 * decides axis order and reprojection.
 */
public final class GmlGeometryReader {
    private static final GeometryFactory GF = new GeometryFactory();
    private final BiFunction<String, String, WireCrs> crsDecoder;
    private final WireCrs defaultCrs;

    /**
     * @param crsDecoder decodes srsName values (spelling, locator)
     * @param defaultCrs the CRS of literals without srsName
     */
    public GmlGeometryReader(BiFunction<String, String, WireCrs> crsDecoder, WireCrs defaultCrs) {
        this.crsDecoder = crsDecoder;
        this.defaultCrs = defaultCrs;
    }

    public static boolean isGml(Node n) {
        String ns = n.getNamespaceURI();
        return GmlVersion.GML32.namespace().equals(ns) || GmlVersion.GML311.namespace().equals(ns);
    }

    /** Reads a geometry or envelope element into an internal lon/lat geometry (an envelope becomes a polygon). */
    public Geometry read(Element e) {
        WireCrs crs = crsOf(e, defaultCrs);
        Geometry wire = "Envelope".equals(e.getLocalName()) ? envelope(e, crs) : geometry(e, crs);
        return crs.crs() == null ? wire : Reprojector.transform(wire, crs.crs(), Crs.epsg(4490));
    }

    private WireCrs crsOf(Element e, WireCrs inherited) {
        String srs = e.getAttribute("srsName");
        return srs.isBlank() ? inherited : crsDecoder.apply(srs.trim(), "srsName");
    }

    private Geometry envelope(Element e, WireCrs crs) {
        Element lower = child(e, "lowerCorner");
        Element upper = child(e, "upperCorner");
        if (lower == null || upper == null) {
            List<Coordinate> cs = coordinates(e, crs);
            if (cs.size() != 2) throw invalid("Envelope needs lowerCorner and upperCorner");
            return GF.toGeometry(new Envelope(cs.get(0), cs.get(1)));
        }
        Coordinate lo = positions(lower.getTextContent(), crs, 2).get(0);
        Coordinate hi = positions(upper.getTextContent(), crs, 2).get(0);
        return GF.toGeometry(new Envelope(lo, hi));
    }

    private Geometry geometry(Element e, WireCrs crs) {
        return switch (e.getLocalName()) {
            case "Point" -> {
                List<Coordinate> cs = coordinates(e, crs);
                if (cs.size() != 1) throw invalid("Point needs one position");
                yield GF.createPoint(cs.get(0));
            }
            case "LineString", "Curve" -> line(e, crs);
            case "LinearRing" -> ring(e, crs);
            case "Polygon", "Surface" -> polygon(e, crs);
            case "MultiPoint" -> GF.createMultiPoint(members(e, crs, Point.class).toArray(Point[]::new));
            case "MultiCurve", "MultiLineString" -> GF.createMultiLineString(members(e, crs, LineString.class).toArray(LineString[]::new));
            case "MultiSurface", "MultiPolygon" -> GF.createMultiPolygon(members(e, crs, Polygon.class).toArray(Polygon[]::new));
            case "MultiGeometry" -> GF.createGeometryCollection(members(e, crs, Geometry.class).toArray(Geometry[]::new));
            default -> throw invalid("Unsupported GML geometry " + e.getLocalName());
        };
    }

    private LineString line(Element e, WireCrs crs) {
        if ("Curve".equals(e.getLocalName())) {
            // gml:Curve with one LineStringSegment
            Element segments = child(e, "segments");
            Element seg = segments == null ? null : firstElement(segments);
            if (seg == null) throw invalid("Curve without segments");
            e = seg;
        }
        List<Coordinate> cs = coordinates(e, crs);
        if (cs.size() < 2) throw invalid("LineString needs at least two positions");
        return GF.createLineString(cs.toArray(Coordinate[]::new));
    }

    private LinearRing ring(Element e, WireCrs crs) {
        List<Coordinate> cs = coordinates(e, crs);
        if (cs.size() < 4 || !cs.get(0).equals2D(cs.get(cs.size() - 1))) throw invalid("LinearRing must be closed with at least four positions");
        return GF.createLinearRing(cs.toArray(Coordinate[]::new));
    }

    private Polygon polygon(Element e, WireCrs crs) {
        if ("Surface".equals(e.getLocalName())) {
            Element patches = child(e, "patches");
            Element patch = patches == null ? null : firstElement(patches);
            if (patch == null) throw invalid("Surface without patches");
            e = patch;
        }
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) continue;
            String name = c.getLocalName();
            Element r = firstElement(c);
            if (("exterior".equals(name) || "outerBoundaryIs".equals(name)) && r != null) shell = ring(r, crs);
            else if (("interior".equals(name) || "innerBoundaryIs".equals(name)) && r != null) holes.add(ring(r, crs));
        }
        if (shell == null) throw invalid("Polygon without exterior");
        return GF.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private <T extends Geometry> List<T> members(Element e, WireCrs crs, Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element m)) continue;
            for (Node g = m.getFirstChild(); g != null; g = g.getNextSibling()) {
                if (g instanceof Element ge && isGml(ge)) {
                    Geometry geom = geometry(ge, crsOf(ge, crs));
                    if (!kind.isInstance(geom)) throw invalid(e.getLocalName() + " member is a " + geom.getGeometryType());
                    out.add(kind.cast(geom));
                }
            }
        }
        return out;
    }

    private List<Coordinate> coordinates(Element e, WireCrs crs) {
        int dim = dimension(e);
        Element posList = child(e, "posList");
        if (posList != null) {
            int d = posList.hasAttribute("srsDimension") ? Integer.parseInt(posList.getAttribute("srsDimension").trim()) : dim;
            return positions(posList.getTextContent(), crs, d);
        }
        List<Coordinate> out = new ArrayList<>();
        boolean any = false;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) continue;
            switch (c.getLocalName()) {
                case "pos" -> { out.addAll(positions(c.getTextContent(), crs, dim)); any = true; }
                case "coordinates" -> { out.addAll(legacyCoordinates(c, crs)); any = true; }
                case "pointProperty", "pointRep" -> {
                    Element p = firstElement(c);
                    if (p != null) out.addAll(coordinates(p, crs));
                    any = true;
                }
                default -> { }
            }
        }
        if (!any) throw invalid(e.getLocalName() + " has no coordinates");
        return out;
    }

    private int dimension(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.hasAttribute("srsDimension")) {
                try {
                    return Integer.parseInt(el.getAttribute("srsDimension").trim());
                } catch (NumberFormatException x) {
                    throw invalid("srsDimension is not a number");
                }
            }
        }
        return 2;
    }

    private List<Coordinate> positions(String text, WireCrs crs, int dim) {
        if (dim < 2 || dim > 3) throw invalid("srsDimension must be 2 or 3");
        String[] parts = text.trim().split("\\s+");
        if (parts.length == 1 && parts[0].isEmpty()) return List.of();
        if (parts.length % dim != 0) throw invalid("Coordinate count is not a multiple of " + dim);
        List<Coordinate> out = new ArrayList<>(parts.length / dim);
        for (int i = 0; i < parts.length; i += dim) {
            out.add(coordinate(number(parts[i]), number(parts[i + 1]), crs));
        }
        return out;
    }

    private List<Coordinate> legacyCoordinates(Element c, WireCrs crs) {
        String cs = c.hasAttribute("cs") ? c.getAttribute("cs") : ",";
        String ts = c.hasAttribute("ts") ? c.getAttribute("ts") : " ";
        String decimal = c.hasAttribute("decimal") ? c.getAttribute("decimal") : ".";
        List<Coordinate> out = new ArrayList<>();
        for (String tuple : c.getTextContent().trim().split(ts.equals(" ") ? "\\s+" : java.util.regex.Pattern.quote(ts))) {
            if (tuple.isBlank()) continue;
            String[] xy = tuple.trim().split(java.util.regex.Pattern.quote(cs));
            if (xy.length < 2) throw invalid("Bad gml:coordinates tuple " + tuple);
            out.add(coordinate(number(xy[0].replace(decimal, ".")), number(xy[1].replace(decimal, ".")), crs));
        }
        return out;
    }

    private static Coordinate coordinate(double a, double b, WireCrs crs) {
        return crs.swap() ? new Coordinate(b, a) : new Coordinate(a, b);
    }

    private static double number(String s) {
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw invalid("Not a coordinate: " + s);
        }
    }

    static Element child(Element e, String localName) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && localName.equals(c.getLocalName())) return c;
        }
        return null;
    }

    static Element firstElement(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) return c;
        }
        return null;
    }

    private static RuntimeException invalid(String message) {
        return OwsException.parsingFailed("filter", message);
    }
}
