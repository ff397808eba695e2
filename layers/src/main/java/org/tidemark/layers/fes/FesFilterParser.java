package org.tidemark.layers.fes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.SpatialOperator;
import org.tidemark.core.filter.TemporalOperator;
import org.tidemark.layers.gml.GmlGeometryReader;
import org.tidemark.layers.ows.OwsException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Parses an OGC Filter Encoding 2.0 {@code fes:Filter} (ISO 19143) — and the FE 1.1 {@code ogc:Filter} that
 * WFS 1.1 clients send — into the protocol-neutral {@link Filter} AST:
 * <ul>
 * <li>§7.7 comparison operators (PropertyIsEqualTo … PropertyIsBetween, PropertyIsLike with its wildcard
 *     characters translated, PropertyIsNull, PropertyIsNil),</li>
 * <li>§7.8 spatial operators BBOX, Equals, Disjoint, Touches, Within, Overlaps, Crosses, Intersects,
 *     Contains, DWithin and Beyond (distances converted to metres),</li>
 * <li>§7.9 temporal operators After, Before, During and TEquals on the layer's time attribute,</li>
 * <li>§7.10 And/Or/Not and §7.11 ResourceId (FE 1.1 FeatureId/GmlObjectId).</li>
 * </ul>
 * Value references resolve against the caller's view of the type, so hidden attributes are unknown.
 * Literals are typed by the attribute they are compared with.
 */
public final class FesFilterParser {
    public static final String FES20 = "http://www.opengis.net/fes/2.0";
    public static final String OGC = "http://www.opengis.net/ogc";

    private final PropertyResolver properties;
    private final GmlGeometryReader geometries;
    private final Function<String, String> resourceIdDecoder;

    /**
     * @param resourceIdDecoder maps a published resource id ({@code type.id}) to the stored feature id
     */
    public FesFilterParser(PropertyResolver properties, GmlGeometryReader geometries, Function<String, String> resourceIdDecoder) {
        this.properties = properties;
        this.geometries = geometries;
        this.resourceIdDecoder = resourceIdDecoder;
    }

    /** Parses a {@code Filter} element. */
    public Filter parse(Element filter) {
        if (!"Filter".equals(filter.getLocalName())) throw fail("Expected a Filter element, got " + filter.getLocalName());
        List<Element> children = elements(filter);
        if (children.isEmpty()) throw fail("Empty filter");
        // A sequence of ResourceId (or FE 1.1 FeatureId/GmlObjectId) elements selects their union.
        if (children.stream().allMatch(FesFilterParser::isIdElement)) return ids(children);
        if (children.size() != 1) throw fail("A filter holds exactly one predicate");
        return predicate(children.get(0));
    }

    private static boolean isIdElement(Element e) {
        String n = e.getLocalName();
        return n.equals("ResourceId") || n.equals("FeatureId") || n.equals("GmlObjectId");
    }

    private Filter ids(List<Element> elements) {
        Set<String> ids = new LinkedHashSet<>();
        for (Element e : elements) {
            String rid = e.hasAttribute("rid") ? e.getAttribute("rid") : e.hasAttribute("fid") ? e.getAttribute("fid")
                    : e.getAttributeNS(org.tidemark.layers.gml.GmlVersion.GML311.namespace(), "id");
            if (rid.isBlank()) rid = e.getAttributeNS(org.tidemark.layers.gml.GmlVersion.GML32.namespace(), "id");
            if (rid.isBlank()) throw fail("ResourceId without rid");
            String decoded = resourceIdDecoder.apply(rid.trim());
            if (decoded != null) ids.add(decoded);
        }
        return ids.isEmpty() ? Filter.EXCLUDE : new Filter.ResourceId(ids);
    }

    private Filter predicate(Element e) {
        String op = e.getLocalName();
        return switch (op) {
            case "And" -> new Filter.And(operands(e, 2));
            case "Or" -> new Filter.Or(operands(e, 2));
            case "Not" -> {
                List<Filter> ops = operands(e, 1);
                if (ops.size() != 1) throw fail("Not takes one operand");
                yield new Filter.Not(ops.get(0));
            }
            case "PropertyIsEqualTo" -> comparison(e, ComparisonOperator.EQ);
            case "PropertyIsNotEqualTo" -> comparison(e, ComparisonOperator.NE);
            case "PropertyIsLessThan" -> comparison(e, ComparisonOperator.LT);
            case "PropertyIsLessThanOrEqualTo" -> comparison(e, ComparisonOperator.LE);
            case "PropertyIsGreaterThan" -> comparison(e, ComparisonOperator.GT);
            case "PropertyIsGreaterThanOrEqualTo" -> comparison(e, ComparisonOperator.GE);
            case "PropertyIsLike" -> like(e);
            case "PropertyIsNull", "PropertyIsNil" -> {
                Element ref = single(e, "ValueReference", "PropertyName");
                // gml:name, gml:description, gml:identifier are inherited from gml:AbstractFeatureType and never set
                yield isGmlStandardProperty(ref) ? Filter.INCLUDE : new Filter.IsNull(reference(ref));
            }
            case "PropertyIsBetween" -> between(e);
            case "BBOX" -> bbox(e);
            case "Equals" -> spatial(e, SpatialOperator.EQUALS);
            case "Disjoint" -> spatial(e, SpatialOperator.DISJOINT);
            case "Touches" -> spatial(e, SpatialOperator.TOUCHES);
            case "Within" -> spatial(e, SpatialOperator.WITHIN);
            case "Overlaps" -> spatial(e, SpatialOperator.OVERLAPS);
            case "Crosses" -> spatial(e, SpatialOperator.CROSSES);
            case "Intersects" -> spatial(e, SpatialOperator.INTERSECTS);
            case "Contains" -> spatial(e, SpatialOperator.CONTAINS);
            case "DWithin" -> distance(e, SpatialOperator.DWITHIN);
            case "Beyond" -> distance(e, SpatialOperator.BEYOND);
            case "After" -> temporal(e, TemporalOperator.AFTER);
            case "Before" -> temporal(e, TemporalOperator.BEFORE);
            case "During" -> temporal(e, TemporalOperator.DURING);
            case "TEquals" -> temporal(e, TemporalOperator.TEQUALS);
            case "ResourceId", "FeatureId", "GmlObjectId" -> ids(List.of(e));
            default -> throw new org.tidemark.core.error.GeoServiceException(
                    org.tidemark.core.error.GeoServiceException.Kind.NOT_SUPPORTED, "OperationProcessingFailed", "filter",
                    "Unsupported filter operator: " + op);
        };
    }

    private List<Filter> operands(Element e, int min) {
        List<Filter> out = new ArrayList<>();
        for (Element c : elements(e)) out.add(predicate(c));
        if (out.size() < min) throw fail(e.getLocalName() + " needs at least " + min + " operand(s)");
        return out;
    }

    private Filter comparison(Element e, ComparisonOperator op) {
        List<Element> args = elements(e);
        if (args.size() != 2) throw fail(e.getLocalName() + " takes two expressions");
        if (args.stream().anyMatch(a -> isReference(a) && "boundedBy".equals(gmlLocalName(a)))
                || args.stream().anyMatch(a -> isLiteral(a) && !elements(a).isEmpty())) {
            // ISO 19143 §7.7.3.2: the operands of a comparison are scalars; an envelope is not
            throw new org.tidemark.core.error.GeoServiceException(org.tidemark.core.error.GeoServiceException.Kind.INVALID_PARAMETER,
                    "OperationProcessingFailed", "filter", "Comparison operands must be scalar values");
        }
        if (args.stream().anyMatch(FesFilterParser::isGmlStandardProperty)) return Filter.EXCLUDE; // never has a value
        boolean matchCase = !"false".equalsIgnoreCase(e.getAttribute("matchCase").trim());
        Element a = args.get(0);
        Element b = args.get(1);
        if (isLiteral(a) && isReference(b)) {
            Element t = a; a = b; b = t;
            op = flip(op);
        }
        if (!isReference(a) || !isLiteral(b)) throw unsupported("Comparisons between " + a.getLocalName() + " and " + b.getLocalName());
        String name = reference(a);
        AttributeType type = properties.typeOf(name);
        if (properties.isGeometry(name)) throw OwsException.invalidValue("filter", "Cannot compare the geometry with a literal");
        Object value = Literals.typed(literalText(b), type, "filter");
        return new Filter.Comparison(name, op, value, matchCase);
    }

    private static ComparisonOperator flip(ComparisonOperator op) {
        return switch (op) {
            case LT -> ComparisonOperator.GT;
            case LE -> ComparisonOperator.GE;
            case GT -> ComparisonOperator.LT;
            case GE -> ComparisonOperator.LE;
            default -> op;
        };
    }

    private Filter like(Element e) {
        String name = reference(single(e, "ValueReference", "PropertyName"));
        String pattern = literalText(single(e, "Literal"));
        String wild = attr(e, "wildCard", "*");
        String single = attr(e, "singleChar", attr(e, "singleChar".toLowerCase(Locale.ROOT), "."));
        String escape = attr(e, "escapeChar", attr(e, "escape", "\\"));
        boolean matchCase = !"false".equalsIgnoreCase(e.getAttribute("matchCase").trim());
        return new Filter.Like(name, translatePattern(pattern, wild, single, escape), matchCase);
    }

    /** Translates FES wildcards to the CQL2 convention ({@code %}, {@code _}, {@code \} escapes). */
    static String translatePattern(String p, String wild, String single, String escape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.length(); ) {
            if (!escape.isEmpty() && p.startsWith(escape, i) && i + escape.length() < p.length()) {
                char next = p.charAt(i + escape.length());
                if (next == '%' || next == '_' || next == '\\') sb.append('\\');
                sb.append(next);
                i += escape.length() + 1;
            } else if (!wild.isEmpty() && p.startsWith(wild, i)) {
                sb.append('%');
                i += wild.length();
            } else if (!single.isEmpty() && p.startsWith(single, i)) {
                sb.append('_');
                i += single.length();
            } else {
                char c = p.charAt(i++);
                if (c == '%' || c == '_' || c == '\\') sb.append('\\');
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private Filter between(Element e) {
        String name = reference(single(e, "ValueReference", "PropertyName"));
        AttributeType type = properties.typeOf(name);
        Element lower = single(e, "LowerBoundary");
        Element upper = single(e, "UpperBoundary");
        Element lowerLit = elements(lower).stream().findFirst().orElseThrow(() -> fail("Empty LowerBoundary"));
        Element upperLit = elements(upper).stream().findFirst().orElseThrow(() -> fail("Empty UpperBoundary"));
        if (!isLiteral(lowerLit) || !isLiteral(upperLit)) throw unsupported("Between bounds must be literals");
        return new Filter.Between(name, Literals.typed(literalText(lowerLit), type, "filter"),
                Literals.typed(literalText(upperLit), type, "filter"));
    }

    private Filter bbox(Element e) {
        List<Element> args = elements(e);
        String name = properties.type().geometryName();
        Element geom = null;
        for (Element a : args) {
            if (isReference(a)) name = geometryReference(a);
            else if (GmlGeometryReader.isGml(a)) geom = a;
            else if (isLiteral(a)) geom = elements(a).stream().findFirst().orElse(null);
        }
        if (geom == null) throw fail("BBOX without an envelope");
        return new Filter.Spatial(SpatialOperator.BBOX, name, geometries.read(geom), 0);
    }

    private Filter spatial(Element e, SpatialOperator op) {
        List<Element> args = elements(e);
        String name = properties.type().geometryName();
        Geometry geometry = null;
        for (Element a : args) {
            if (isReference(a)) name = geometryReference(a);
            else if (GmlGeometryReader.isGml(a)) geometry = geometries.read(a);
            else if (isLiteral(a)) {
                Element g = elements(a).stream().findFirst().orElseThrow(() -> fail("Empty geometry literal"));
                geometry = geometries.read(g);
            }
        }
        if (geometry == null) throw fail(e.getLocalName() + " without a geometry operand");
        return new Filter.Spatial(op, name, geometry, 0);
    }

    private Filter distance(Element e, SpatialOperator op) {
        Element d = single(e, "Distance");
        double value;
        try {
            value = Double.parseDouble(d.getTextContent().trim());
        } catch (NumberFormatException x) {
            throw OwsException.invalidValue("filter", "Distance is not a number");
        }
        if (value < 0 || !Double.isFinite(value)) throw OwsException.invalidValue("filter", "Distance must be non-negative");
        String uom = d.hasAttribute("uom") ? d.getAttribute("uom") : d.getAttribute("units");
        Filter.Spatial s = (Filter.Spatial) spatial(e, op);
        return new Filter.Spatial(op, s.property(), s.geometry(), value * metresPer(uom));
    }

    /** Metres per unit of a distance {@code uom} (UCUM codes, plain names, OGC/EPSG URNs). */
    static double metresPer(String uom) {
        String u = uom == null ? "" : uom.trim().toLowerCase(Locale.ROOT);
        int cut = Math.max(u.lastIndexOf(':'), Math.max(u.lastIndexOf('/'), u.lastIndexOf('#')));
        String tail = cut >= 0 ? u.substring(cut + 1) : u;
        return switch (tail) {
            case "", "m", "metre", "meter", "metres", "meters", "9001" -> 1;
            case "km", "kilometre", "kilometer", "kilometres", "kilometers", "9036" -> 1000;
            case "[mi_i]", "mi", "mile", "miles", "9093" -> 1609.344;
            case "[nmi_i]", "nmi", "nautical_mile", "9030" -> 1852;
            case "[ft_i]", "ft", "foot", "feet", "9002" -> 0.3048;
            case "deg", "degree", "degrees", "9102" -> 111_319.49079327357;
            default -> throw OwsException.invalidValue("filter", "Unsupported distance unit: " + uom);
        };
    }

    private Filter temporal(Element e, TemporalOperator op) {
        List<Element> args = elements(e);
        String name = null;
        Element time = null;
        for (Element a : args) {
            if (isReference(a)) name = reference(a);
            else if (GmlGeometryReader.isGml(a)) time = a;
            else if (isLiteral(a)) time = elements(a).stream().findFirst().orElse(a);
        }
        if (name == null) {
            name = properties.timeAttribute().orElseThrow(() -> OwsException.invalidValue("filter", "The type has no time property"));
        }
        AttributeType type = properties.typeOf(name);
        if (type == null || !type.isTemporal()) throw OwsException.invalidValue("filter", name + " is not a temporal property");
        if (time == null) throw fail(e.getLocalName() + " without a time operand");
        Instant[] period = period(time);
        return switch (op) {
            case BEFORE -> new Filter.Temporal(op, name, period[0], null);
            case AFTER -> new Filter.Temporal(op, name, period[1] != null ? period[1] : period[0], null);
            case TEQUALS -> new Filter.Temporal(op, name, period[0], period[1]);
            case DURING -> {
                if (period[1] == null) throw OwsException.invalidValue("filter", "During needs a time period");
                yield new Filter.Temporal(op, name, period[0], period[1]);
            }
            default -> throw unsupported(op.name());
        };
    }

    /** {start, end}; end null for an instant. */
    private Instant[] period(Element t) {
        String n = t.getLocalName();
        try {
            if ("TimeInstant".equals(n)) return new Instant[]{Literals.instant(single(t, "timePosition").getTextContent()), null};
            if ("TimePeriod".equals(n)) {
                return new Instant[]{bound(t, "beginPosition", "begin"), bound(t, "endPosition", "end")};
            }
            if ("Literal".equals(n) || "timePosition".equals(n)) return new Instant[]{Literals.instant(t.getTextContent()), null};
        } catch (java.time.DateTimeException x) {
            throw OwsException.invalidValue("filter", "Invalid time: " + x.getMessage());
        }
        throw fail("Unsupported temporal operand " + n);
    }

    private Instant bound(Element period, String position, String wrapper) {
        Element p = optional(period, position);
        if (p != null) {
            String text = p.getTextContent().trim();
            if (text.isEmpty()) {
                String ind = p.getAttribute("indeterminatePosition");
                if ("before".equals(ind) || "unknown".equals(ind)) return "beginPosition".equals(position) ? Instant.MIN : Instant.MAX;
                if ("now".equals(ind)) return Instant.now();
            }
            return Literals.instant(text);
        }
        Element w = optional(period, wrapper);
        Element instant = w == null ? null : optional(w, "TimeInstant");
        if (instant == null) throw fail("TimePeriod needs " + position);
        return Literals.instant(single(instant, "timePosition").getTextContent());
    }

    private String reference(Element e) {
        return properties.resolve(e.getTextContent(), "filter");
    }

    private String geometryReference(Element e) {
        String name = reference(e);
        if (!properties.isGeometry(name)) throw OwsException.invalidValue("filter", name + " is not a geometry property");
        return name;
    }

    /** {@code gml:name}, {@code gml:description}, {@code gml:identifier}: GML standard properties we never populate. */
    static boolean isGmlStandardProperty(Element e) {
        if (!isReference(e)) return false;
        String local = gmlLocalName(e);
        return "name".equals(local) || "description".equals(local) || "identifier".equals(local);
    }

    /** The local name when the reference's last step is in a GML namespace (prefix resolved in the document), else null. */
    static String gmlLocalName(Element ref) {
        String t = ref.getTextContent().trim();
        int slash = t.lastIndexOf('/');
        if (slash >= 0) t = t.substring(slash + 1);
        int colon = t.indexOf(':');
        if (colon < 0) return null;
        String ns = ref.lookupNamespaceURI(t.substring(0, colon));
        if (ns == null && t.startsWith("gml:")) ns = org.tidemark.layers.gml.GmlVersion.GML32.namespace();
        return org.tidemark.layers.gml.GmlVersion.GML32.namespace().equals(ns) || org.tidemark.layers.gml.GmlVersion.GML311.namespace().equals(ns)
                ? t.substring(colon + 1) : null;
    }

    private static boolean isReference(Element e) {
        String n = e.getLocalName();
        return ("ValueReference".equals(n) || "PropertyName".equals(n)) && (FES20.equals(e.getNamespaceURI()) || OGC.equals(e.getNamespaceURI()));
    }

    private static boolean isLiteral(Element e) {
        return "Literal".equals(e.getLocalName());
    }

    private static String literalText(Element literal) {
        return literal.getTextContent();
    }

    private static String attr(Element e, String name, String dflt) {
        return e.hasAttribute(name) ? e.getAttribute(name) : dflt;
    }

    private static Element single(Element parent, String... names) {
        Element found = optional(parent, names);
        if (found == null) throw fail(parent.getLocalName() + " needs " + names[0]);
        return found;
    }

    private static Element optional(Element parent, String... names) {
        for (Element c : elements(parent)) {
            for (String n : names) if (n.equals(c.getLocalName())) return c;
        }
        return null;
    }

    static List<Element> elements(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) out.add(c);
        }
        return out;
    }

    private static RuntimeException fail(String message) {
        return OwsException.parsingFailed("filter", message);
    }

    private static RuntimeException unsupported(String what) {
        return new org.tidemark.core.error.GeoServiceException(org.tidemark.core.error.GeoServiceException.Kind.NOT_SUPPORTED,
                "OperationProcessingFailed", "filter", "Not supported: " + what);
    }
}
