package org.tidemark.core.style;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.SpatialOperator;

/**
 * Reads the {@code ogc:Filter} of style rules (Filter Encoding 1.0 OGC 02-059 / 1.1 OGC 04-095, and the
 * FES 2.0 spellings ISO 19143) into the geo-core {@link Filter}: comparisons, like, between, null,
 * and/or/not, feature ids, BBOX and the basic spatial operators with GML Point, LineString, Polygon,
 * Envelope and Box literals. Coordinates are taken as lon/lat unless the srsName is a URN/URI form of a
 * latitude-first geographic CRS (4326, 4490), which is swapped.
 */
final class OgcFilterReader {
    private static final GeometryFactory GF = new GeometryFactory();

    private OgcFilterReader() {}

    static Filter read(XmlNode filterElement) {
        List<Filter> parts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (XmlNode c : filterElement.children()) {
            switch (c.name()) {
                case "FeatureId" -> ids.add(c.attr("fid"));
                case "GmlObjectId" -> ids.add(c.attr("id"));
                case "ResourceId" -> ids.add(c.attr("rid"));
                default -> parts.add(op(c));
            }
        }
        if (!ids.isEmpty()) parts.add(new Filter.ResourceId(ids));
        if (parts.isEmpty()) return Filter.INCLUDE;
        return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
    }

    private static Filter op(XmlNode e) {
        return switch (e.name()) {
            case "And" -> new Filter.And(e.children().stream().map(OgcFilterReader::op).toList());
            case "Or" -> new Filter.Or(e.children().stream().map(OgcFilterReader::op).toList());
            case "Not" -> {
                if (e.children().size() != 1) throw new StyleException("Not takes exactly one operand");
                yield new Filter.Not(op(e.children().get(0)));
            }
            case "PropertyIsEqualTo" -> comparison(e, ComparisonOperator.EQ);
            case "PropertyIsNotEqualTo" -> comparison(e, ComparisonOperator.NE);
            case "PropertyIsLessThan" -> comparison(e, ComparisonOperator.LT);
            case "PropertyIsLessThanOrEqualTo" -> comparison(e, ComparisonOperator.LE);
            case "PropertyIsGreaterThan" -> comparison(e, ComparisonOperator.GT);
            case "PropertyIsGreaterThanOrEqualTo" -> comparison(e, ComparisonOperator.GE);
            case "PropertyIsLike" -> like(e);
            case "PropertyIsNull", "PropertyIsNil" -> new Filter.IsNull(property(e));
            case "PropertyIsBetween" -> new Filter.Between(property(e), boundary(e, "LowerBoundary"), boundary(e, "UpperBoundary"));
            case "BBOX" -> spatial(e, SpatialOperator.BBOX);
            case "Intersects" -> spatial(e, SpatialOperator.INTERSECTS);
            case "Within" -> spatial(e, SpatialOperator.WITHIN);
            case "Contains" -> spatial(e, SpatialOperator.CONTAINS);
            case "Disjoint" -> spatial(e, SpatialOperator.DISJOINT);
            case "Overlaps" -> spatial(e, SpatialOperator.OVERLAPS);
            case "Touches" -> spatial(e, SpatialOperator.TOUCHES);
            case "Crosses" -> spatial(e, SpatialOperator.CROSSES);
            case "Equals" -> spatial(e, SpatialOperator.EQUALS);
            case "DWithin" -> spatial(e, SpatialOperator.DWITHIN);
            case "Beyond" -> spatial(e, SpatialOperator.BEYOND);
            default -> throw new StyleException("unsupported filter operator " + e.name());
        };
    }

    private static String property(XmlNode e) {
        for (XmlNode c : e.children()) {
            if (c.name().equals("PropertyName") || c.name().equals("ValueReference")) return c.text().trim();
        }
        throw new StyleException(e.name() + " needs a PropertyName");
    }

    private static Filter comparison(XmlNode e, ComparisonOperator op) {
        boolean matchCase = !"false".equalsIgnoreCase(e.attr("matchCase"));
        List<XmlNode> kids = e.children();
        if (kids.size() != 2) throw new StyleException(e.name() + " takes a property and a literal");
        XmlNode a = kids.get(0);
        XmlNode b = kids.get(1);
        if (a.name().equals("Literal")) {
            // Literal first: mirror the operator so the property stays on the left.
            XmlNode t = a;
            a = b;
            b = t;
            op = switch (op) {
                case LT -> ComparisonOperator.GT;
                case LE -> ComparisonOperator.GE;
                case GT -> ComparisonOperator.LT;
                case GE -> ComparisonOperator.LE;
                default -> op;
            };
        }
        if (!(a.name().equals("PropertyName") || a.name().equals("ValueReference")) || !b.name().equals("Literal")) {
            throw new StyleException(e.name() + " supports property-to-literal comparison only");
        }
        return new Filter.Comparison(a.text().trim(), op, literal(b.text()), matchCase);
    }

    /** Numbers become Long/Double so they compare numerically with numeric attributes. */
    static Object literal(String text) {
        String t = text.trim();
        if (t.matches("[-+]?\\d{1,18}")) return Long.parseLong(t);
        if (t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) return Double.parseDouble(t);
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) return Boolean.parseBoolean(t);
        return text;
    }

    private static Object boundary(XmlNode e, String name) {
        XmlNode b = e.child(name);
        if (b == null) throw new StyleException("PropertyIsBetween needs " + name);
        XmlNode lit = b.child("Literal");
        return literal(lit != null ? lit.text() : b.text());
    }

    /** Translates FES wildcards to the CQL2 convention of {@link Filter.Like} ({@code %}, {@code _}, {@code \}). */
    private static Filter like(XmlNode e) {
        String wild = e.attr("wildCard") == null ? "*" : e.attr("wildCard");
        String single = e.attr("singleChar") == null ? "?" : e.attr("singleChar");
        String esc = e.attr("escapeChar") != null ? e.attr("escapeChar") : e.attr("escape") != null ? e.attr("escape") : "\\";
        XmlNode lit = e.child("Literal");
        if (lit == null) throw new StyleException("PropertyIsLike needs a Literal");
        String p = lit.text();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < p.length(); ) {
            if (p.startsWith(esc, i) && i + esc.length() < p.length()) {
                char next = p.charAt(i + esc.length());
                if (next == '%' || next == '_' || next == '\\') out.append('\\');
                out.append(next);
                i += esc.length() + 1;
            } else if (p.startsWith(wild, i)) {
                out.append('%');
                i += wild.length();
            } else if (p.startsWith(single, i)) {
                out.append('_');
                i += single.length();
            } else {
                char ch = p.charAt(i++);
                if (ch == '%' || ch == '_' || ch == '\\') out.append('\\');
                out.append(ch);
            }
        }
        return new Filter.Like(property(e), out.toString(), !"false".equalsIgnoreCase(e.attr("matchCase")));
    }

    private static Filter spatial(XmlNode e, SpatialOperator op) {
        String prop = null;
        Geometry g = null;
        double distance = 0;
        for (XmlNode c : e.children()) {
            switch (c.name()) {
                case "PropertyName", "ValueReference" -> prop = c.text().trim();
                case "Distance" -> distance = metres(SldReader.number(c.text()), c.attr("units") != null ? c.attr("units") : c.attr("uom"));
                default -> g = gml(c);
            }
        }
        if (g == null) throw new StyleException(e.name() + " needs a geometry");
        return new Filter.Spatial(op, prop == null ? "geom" : prop, g, distance);
    }

    private static double metres(double v, String units) {
        if (units == null) return v;
        String u = units.toLowerCase();
        if (u.equals("km") || u.contains("kilomet")) return v * 1000;
        return v;
    }

    static Geometry gml(XmlNode g) {
        boolean swap = latFirst(g.attr("srsName"));
        Geometry out = switch (g.name()) {
            case "Envelope" -> {
                double[] lo = numbers(g.childText("lowerCorner").orElseThrow(() -> new StyleException("Envelope needs lowerCorner")));
                double[] hi = numbers(g.childText("upperCorner").orElseThrow(() -> new StyleException("Envelope needs upperCorner")));
                yield GF.toGeometry(new Envelope(lo[0], hi[0], lo[1], hi[1]));
            }
            case "Box" -> {
                Coordinate[] cs = coords(g);
                if (cs.length != 2) throw new StyleException("Box needs two coordinates");
                yield GF.toGeometry(new Envelope(cs[0], cs[1]));
            }
            case "Point" -> GF.createPoint(coords(g)[0]);
            case "LineString" -> GF.createLineString(coords(g));
            case "Polygon" -> {
                XmlNode ext = g.child("exterior") != null ? g.child("exterior") : g.child("outerBoundaryIs");
                if (ext == null || ext.child("LinearRing") == null) throw new StyleException("Polygon needs an exterior LinearRing");
                LinearRing shell = GF.createLinearRing(coords(ext.child("LinearRing")));
                List<LinearRing> holes = new ArrayList<>();
                for (XmlNode in : g.children()) {
                    if ((in.name().equals("interior") || in.name().equals("innerBoundaryIs")) && in.child("LinearRing") != null) {
                        holes.add(GF.createLinearRing(coords(in.child("LinearRing"))));
                    }
                }
                yield GF.createPolygon(shell, holes.toArray(LinearRing[]::new));
            }
            default -> throw new StyleException("unsupported GML geometry " + g.name());
        };
        if (swap) out.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            double t = c.x;
            c.x = c.y;
            c.y = t;
        });
        out.geometryChanged();
        return out;
    }

    private static boolean latFirst(String srsName) {
        if (srsName == null) return false;
        boolean uriForm = srsName.startsWith("urn:") || srsName.contains("/def/crs/");
        return uriForm && (srsName.endsWith("4326") || srsName.endsWith("4490"));
    }

    private static Coordinate[] coords(XmlNode g) {
        String posList = g.childText("posList").orElse(null);
        if (posList == null && g.child("pos") != null) {
            StringBuilder sb = new StringBuilder();
            for (XmlNode p : g.all("pos")) sb.append(p.text()).append(' ');
            posList = sb.toString();
        }
        if (posList != null) {
            double[] n = numbers(posList);
            if (n.length % 2 != 0 || n.length == 0) throw new StyleException("odd coordinate count");
            Coordinate[] out = new Coordinate[n.length / 2];
            for (int i = 0; i < out.length; i++) out[i] = new Coordinate(n[2 * i], n[2 * i + 1]);
            return out;
        }
        String coordinates = g.childText("coordinates").orElseThrow(() -> new StyleException(g.name() + " has no coordinates"));
        String[] tuples = coordinates.trim().split("\\s+");
        Coordinate[] out = new Coordinate[tuples.length];
        for (int i = 0; i < tuples.length; i++) {
            double[] xy = numbers(tuples[i].replace(',', ' '));
            out[i] = new Coordinate(xy[0], xy[1]);
        }
        return out;
    }

    private static double[] numbers(String s) {
        String[] parts = s.trim().split("\\s+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = SldReader.number(parts[i]);
        return out;
    }
}
