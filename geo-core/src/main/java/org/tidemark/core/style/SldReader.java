package org.tidemark.core.style;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tidemark.core.feature.LocalizedText;

/**
 * Reads the subset of SLD 1.0 (OGC 02-070) and SE 1.1 / SLD 1.1 (OGC 05-077r4, 05-078r4) that users
 * write: StyledLayerDescriptor → NamedLayer → UserStyle → FeatureTypeStyle → Rule with ogc:Filter or
 * ElseFilter, Min/MaxScaleDenominator, and Polygon/Line/Point/TextSymbolizer with CssParameter (1.0) or
 * SvgParameter (1.1). Elements are matched by local name, so both versions and the usual prefixes read
 * alike. Rule titles may be given twice with {@code xml:lang="zh"} / {@code "en"}.
 *
 * <p>Safety: the StAX parser refuses DTDs (no XXE, no entity expansion), the document size is capped at
 * {@link #MAX_BYTES}, external graphics are restricted to bundled resource paths.
 */
public final class SldReader {
    /** The largest style document accepted. */
    public static final int MAX_BYTES = 1 << 20;

    private SldReader() {}

    public static StyledLayerDescriptor read(String xml) {
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        if (b.length > MAX_BYTES) throw new StyleException("style document larger than " + MAX_BYTES + " bytes");
        return read(new ByteArrayInputStream(b));
    }

    public static StyledLayerDescriptor read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new StyleException("cannot read style document", e);
        }
        if (bytes.length > MAX_BYTES) throw new StyleException("style document larger than " + MAX_BYTES + " bytes");
        XmlNode root = XmlNode.parse(new ByteArrayInputStream(bytes));
        return switch (root.name()) {
            case "StyledLayerDescriptor" -> descriptor(root);
            case "UserStyle" -> new StyledLayerDescriptor(List.of(single(userStyle(root, 0))));
            case "FeatureTypeStyle" -> {
                FeatureTypeStyle fts = featureTypeStyle(root);
                String name = root.childText("Name").orElse("style");
                yield new StyledLayerDescriptor(List.of(single(new Style(name, title(root, name), List.of(fts)))));
            }
            default -> throw new StyleException("not a style document: root element " + root.name());
        };
    }

    private static StyledLayerDescriptor.NamedLayer single(Style s) {
        return new StyledLayerDescriptor.NamedLayer("", List.of(s), s.name());
    }

    private static StyledLayerDescriptor descriptor(XmlNode root) {
        List<StyledLayerDescriptor.NamedLayer> layers = new ArrayList<>();
        for (XmlNode nl : root.children()) {
            if (!nl.name().equals("NamedLayer") && !nl.name().equals("UserLayer")) continue;
            String layerName = nl.childText("Name").orElse("");
            List<Style> styles = new ArrayList<>();
            String def = null;
            int i = 0;
            for (XmlNode us : nl.all("UserStyle")) {
                Style s = userStyle(us, i++);
                styles.add(s);
                if (def == null && us.childText("IsDefault").map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(false)) {
                    def = s.name();
                }
            }
            if (def == null && !styles.isEmpty()) def = styles.get(0).name();
            layers.add(new StyledLayerDescriptor.NamedLayer(layerName, styles, def));
        }
        return new StyledLayerDescriptor(layers);
    }

    private static Style userStyle(XmlNode us, int index) {
        String name = us.childText("Name").orElse(index == 0 ? "default" : "style" + index);
        List<FeatureTypeStyle> passes = new ArrayList<>();
        for (XmlNode fts : us.children()) {
            if (fts.name().equals("FeatureTypeStyle") || fts.name().equals("CoverageStyle")) passes.add(featureTypeStyle(fts));
        }
        return new Style(name, title(us, name), passes);
    }

    private static FeatureTypeStyle featureTypeStyle(XmlNode fts) {
        List<Rule> rules = new ArrayList<>();
        for (XmlNode r : fts.all("Rule")) rules.add(rule(r));
        return new FeatureTypeStyle(fts.childText("Name").orElse(""), rules);
    }

    /** Title from SLD 1.0 {@code Title} or SE 1.1 {@code Description/Title}, in zh/en by {@code xml:lang}. */
    static LocalizedText title(XmlNode node, String fallback) {
        List<XmlNode> titles = new ArrayList<>(node.all("Title"));
        XmlNode desc = node.child("Description");
        if (desc != null) titles.addAll(desc.all("Title"));
        if (titles.isEmpty()) return LocalizedText.of(fallback, fallback);
        String zh = null;
        String en = null;
        for (XmlNode t : titles) {
            String lang = t.attr("lang");
            String text = t.text().trim();
            if (lang != null && lang.toLowerCase().startsWith("en")) en = en == null ? text : en;
            else if (lang != null && lang.toLowerCase().startsWith("zh")) zh = zh == null ? text : zh;
            else if (zh == null) zh = text;
        }
        if (zh == null) zh = en;
        return LocalizedText.of(zh, en);
    }

    private static Rule rule(XmlNode r) {
        String name = r.childText("Name").orElse("");
        boolean elseFilter = r.child("ElseFilter") != null;
        XmlNode f = r.child("Filter");
        var filter = f == null ? org.tidemark.core.filter.Filter.INCLUDE : OgcFilterReader.read(f);
        double min = r.childText("MinScaleDenominator").map(SldReader::number).orElse(0.0);
        double max = r.childText("MaxScaleDenominator").map(SldReader::number).orElse(Double.POSITIVE_INFINITY);
        List<Symbolizer> syms = new ArrayList<>();
        for (XmlNode c : r.children()) {
            switch (c.name()) {
                case "PolygonSymbolizer" -> syms.add(new Symbolizer.Polygon(geometry(c), fill(c.child("Fill")), stroke(c.child("Stroke"))));
                case "LineSymbolizer" -> syms.add(new Symbolizer.Line(geometry(c), stroke(c.child("Stroke")),
                        c.childText("PerpendicularOffset").map(SldReader::number).orElse(0.0)));
                case "PointSymbolizer" -> syms.add(new Symbolizer.Point(geometry(c), graphic(c.child("Graphic"))));
                case "TextSymbolizer" -> syms.add(text(c));
                default -> { }
            }
        }
        return new Rule(name, title(r, name), filter, elseFilter, min, max, syms);
    }

    private static GeometryExpression geometry(XmlNode sym) {
        XmlNode g = sym.child("Geometry");
        if (g == null) return null;
        XmlNode p = g.child("PropertyName");
        if (p == null) p = g.child("ValueReference");
        if (p != null) return new GeometryExpression.Property(p.text().trim());
        XmlNode fn = g.child("Function");
        if (fn != null && "viewCone".equalsIgnoreCase(fn.attr("name"))) {
            List<Expression> args = fn.children().stream().map(SldReader::expressionElement).toList();
            if (args.size() != 3) throw new StyleException("viewCone takes heading, fov and range");
            return new GeometryExpression.ViewCone(args.get(0), args.get(1), args.get(2));
        }
        throw new StyleException("unsupported Geometry expression");
    }

    /** {@code CssParameter} (SLD 1.0) or {@code SvgParameter} (SE 1.1) values by name. */
    private static String param(XmlNode parent, String paramName) {
        if (parent == null) return null;
        for (XmlNode c : parent.children()) {
            if ((c.name().equals("CssParameter") || c.name().equals("SvgParameter")) && paramName.equals(c.attr("name"))) {
                XmlNode lit = c.child("Literal");
                return (lit != null ? lit.text() : c.text()).trim();
            }
        }
        return null;
    }

    private static List<String> params(XmlNode parent, String paramName) {
        List<String> out = new ArrayList<>();
        if (parent == null) return out;
        for (XmlNode c : parent.children()) {
            if ((c.name().equals("CssParameter") || c.name().equals("SvgParameter")) && paramName.equals(c.attr("name"))) {
                for (String s : c.text().split(",")) if (!s.isBlank()) out.add(s.trim());
            }
        }
        return out;
    }

    static Fill fill(XmlNode f) {
        if (f == null) return null;
        Color c = color(param(f, "fill"), new Color(0x808080));
        double op = number(param(f, "fill-opacity"), 1);
        XmlNode gf = f.child("GraphicFill");
        Graphic g = gf == null ? null : graphic(gf.child("Graphic"));
        return new Fill(c, op, g);
    }

    static Stroke stroke(XmlNode s) {
        if (s == null) return null;
        Color c = color(param(s, "stroke"), Color.BLACK);
        double w = number(param(s, "stroke-width"), 1);
        double op = number(param(s, "stroke-opacity"), 1);
        List<Float> dash = new ArrayList<>();
        String d = param(s, "stroke-dasharray");
        if (d != null) {
            for (String p : d.trim().split("[\\s,]+")) {
                if (!p.isEmpty()) dash.add((float) number(p, 1));
            }
        }
        return new Stroke(c, w, op, dash, param(s, "stroke-linejoin"), param(s, "stroke-linecap"));
    }

    static Graphic graphic(XmlNode g) {
        if (g == null) return Graphic.mark(new Graphic.Mark("square", Fill.of(new Color(0x808080)), Stroke.of(Color.BLACK, 1)), 6);
        Graphic.Mark mark = null;
        Graphic.ExternalGraphic ext = null;
        XmlNode m = g.child("Mark");
        if (m != null) {
            String wkn = m.childText("WellKnownName").orElse("square");
            Fill mf = m.child("Fill") == null ? (m.child("Stroke") == null ? Fill.of(new Color(0x808080)) : null) : fill(m.child("Fill"));
            Stroke ms = m.child("Stroke") == null ? (m.child("Fill") == null ? Stroke.of(Color.BLACK, 1) : null) : stroke(m.child("Stroke"));
            mark = new Graphic.Mark(wkn.trim().toLowerCase(java.util.Locale.ROOT), mf, ms);
        }
        XmlNode e = g.child("ExternalGraphic");
        if (e != null && mark == null) {
            XmlNode res = e.child("OnlineResource");
            String href = res == null ? null : res.attr("href");
            if (href == null || href.isBlank()) throw new StyleException("ExternalGraphic without OnlineResource href");
            ext = new Graphic.ExternalGraphic(bundledPath(href), e.childText("Format").orElse("image/png"));
        }
        double size = g.childText("Size").map(SldReader::number).orElse(-1.0);
        double op = g.childText("Opacity").map(SldReader::number).orElse(1.0);
        XmlNode rot = g.child("Rotation");
        Expression rotation = rot == null ? null : expression(rot);
        double dx = 0;
        double dy = 0;
        XmlNode disp = g.child("Displacement");
        if (disp != null) {
            dx = disp.childText("DisplacementX").map(SldReader::number).orElse(0.0);
            dy = disp.childText("DisplacementY").map(SldReader::number).orElse(0.0);
        }
        return new Graphic(mark, ext, size, op, rotation, dx, dy);
    }

    /** Only relative paths inside the bundled icon folder; no schemes, no traversal. */
    static String bundledPath(String href) {
        String h = href.trim();
        if (h.startsWith("file:") || h.contains("://") || h.contains("..") || h.contains("\\") || h.startsWith("/")) {
            throw new StyleException("external graphics must be bundled resources (relative paths): " + href);
        }
        return h;
    }

    private static Symbolizer.Text text(XmlNode t) {
        XmlNode labelNode = t.child("Label");
        if (labelNode == null) throw new StyleException("TextSymbolizer without Label");
        Expression label = expression(labelNode);
        XmlNode fontNode = t.child("Font");
        Font font = Font.DEFAULT;
        if (fontNode != null) {
            String weight = param(fontNode, "font-weight");
            String style = param(fontNode, "font-style");
            font = new Font(params(fontNode, "font-family"), number(param(fontNode, "font-size"), 12),
                    weight != null && weight.equalsIgnoreCase("bold"),
                    style != null && (style.equalsIgnoreCase("italic") || style.equalsIgnoreCase("oblique")));
        }
        Halo halo = null;
        XmlNode h = t.child("Halo");
        if (h != null) {
            halo = new Halo(h.childText("Radius").map(SldReader::number).orElse(1.0),
                    h.child("Fill") == null ? Fill.of(Color.WHITE) : fill(h.child("Fill")));
        }
        LabelPlacement placement = LabelPlacement.POINT_CENTRE;
        XmlNode lp = t.child("LabelPlacement");
        if (lp != null) {
            XmlNode pp = lp.child("PointPlacement");
            XmlNode line = lp.child("LinePlacement");
            if (line != null) {
                placement = LabelPlacement.line(line.childText("PerpendicularOffset").map(SldReader::number).orElse(0.0),
                        line.childText("IsRepeated").map(SldReader::bool).orElse(false),
                        line.childText("InitialGap").map(SldReader::number).orElse(0.0),
                        line.childText("Gap").map(SldReader::number).orElse(0.0),
                        line.childText("IsAligned").map(SldReader::bool).orElse(true));
            } else if (pp != null) {
                double ax = 0.5;
                double ay = 0.5;
                XmlNode ap = pp.child("AnchorPoint");
                if (ap != null) {
                    ax = ap.childText("AnchorPointX").map(SldReader::number).orElse(0.5);
                    ay = ap.childText("AnchorPointY").map(SldReader::number).orElse(0.5);
                }
                double dx = 0;
                double dy = 0;
                XmlNode d = pp.child("Displacement");
                if (d != null) {
                    dx = d.childText("DisplacementX").map(SldReader::number).orElse(0.0);
                    dy = d.childText("DisplacementY").map(SldReader::number).orElse(0.0);
                }
                XmlNode rot = pp.child("Rotation");
                placement = new LabelPlacement(false, ax, ay, dx, dy, rot == null ? null : expression(rot), 0);
            }
        }
        double priority = t.childText("Priority").map(SldReader::number).orElse(0.0);
        return new Symbolizer.Text(geometry(t), label, font, t.child("Fill") == null ? null : fill(t.child("Fill")),
                halo, placement, priority);
    }

    /** A ParameterValueType: mixed text, ogc:Literal, ogc:PropertyName and concatenate functions. */
    static Expression expression(XmlNode node) {
        List<Expression> parts = new ArrayList<>();
        boolean hasElements = !node.children().isEmpty();
        for (Object o : node.content()) {
            if (o instanceof String s) {
                if (hasElements && s.isBlank()) continue;
                parts.add(Expression.literal(hasElements ? s : s.trim()));
            } else {
                parts.add(expressionElement((XmlNode) o));
            }
        }
        if (parts.size() == 1) return parts.get(0);
        return new Expression.Concat(parts);
    }

    private static Expression expressionElement(XmlNode e) {
        return switch (e.name()) {
            case "PropertyName", "ValueReference" -> Expression.property(e.text().trim());
            case "Literal" -> Expression.literal(e.text());
            case "Function" -> {
                String fn = e.attr("name") == null ? "" : e.attr("name");
                if (fn.equalsIgnoreCase("Concatenate") || fn.equalsIgnoreCase("strConcat")) {
                    yield new Expression.Concat(e.children().stream().map(SldReader::expressionElement).toList());
                }
                throw new StyleException("unsupported function " + fn);
            }
            default -> throw new StyleException("unsupported expression element " + e.name());
        };
    }

    static Color color(String s, Color fallback) {
        if (s == null) return fallback;
        Color c = Colors.parse(s);
        if (c == null) throw new StyleException("not a colour: " + s);
        return c;
    }

    static double number(String s) { return number(s, Double.NaN); }

    /** An xs:boolean ("true", "false", "1", "0"). */
    static boolean bool(String s) {
        return switch (s.trim()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new StyleException("not a boolean: " + s);
        };
    }

    static double number(String s, double fallback) {
        if (s == null || s.isBlank()) return fallback;
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new StyleException("not a number: " + s);
        }
    }
}
