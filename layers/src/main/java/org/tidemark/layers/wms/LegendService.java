package org.tidemark.layers.wms;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.tidemark.core.access.Principal;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.render.LegendRenderer;
import org.tidemark.core.style.Rule;
import org.tidemark.core.style.Style;

/**
 * GetLegendGraphic (SLD profile of WMS, OGC 05-078r4 §10.2): LAYER, STYLE, RULE, SCALE, WIDTH/HEIGHT of
 * each symbol, FORMAT (PNG), TRANSPARENT, LANGUAGE. One row per rule with its title, or only the symbol of
 * the named RULE.
 */
final class LegendService {
    private final LayerAccess access;
    private final StyleLibrary styles;
    private final LegendRenderer renderer;

    LegendService(LayerAccess access, StyleLibrary styles, LegendRenderer renderer) {
        this.access = access;
        this.styles = styles;
        this.renderer = renderer;
    }

    BufferedImage legend(WmsParams p, Principal principal, Locale lang) {
        String layer = p.required("LAYER");
        String format = p.get("FORMAT", "image/png");
        ImageFormat f = ImageFormat.parse(format, "FORMAT");
        if (f == ImageFormat.JPEG) throw WmsErrors.invalidFormat("FORMAT", format);
        FeatureType type = access.resolve(layer, principal).layer().type();
        Style style = styles.style(type, p.get("STYLE", ""));
        int w = p.integer("WIDTH", 20);
        int h = p.integer("HEIGHT", 20);
        if (w < 1 || h < 1 || w > 512 || h > 512) throw GeoServiceException.invalid(w < 1 || w > 512 ? "WIDTH" : "HEIGHT", "Legend symbol size must be within 1..512");
        List<Rule> rules = style.rules();
        String scaleText = p.get("SCALE");
        if (scaleText != null && !scaleText.isEmpty()) {
            double scale;
            try {
                scale = Double.parseDouble(scaleText);
            } catch (NumberFormatException e) {
                throw GeoServiceException.invalid("SCALE", "SCALE must be a number");
            }
            rules = rules.stream().filter(r -> r.appliesAtScale(scale)).toList();
        }
        String ruleName = p.get("RULE");
        if (ruleName != null && !ruleName.isEmpty()) {
            Rule rule = rules.stream().filter(r -> r.name().equals(ruleName)).findFirst()
                    .orElseThrow(() -> GeoServiceException.invalid("RULE", "No such rule: " + ruleName));
            return renderer.icon(rule, type.geometryKind(), w, h);
        }
        rules = rules.stream().filter(r -> r.symbolizers().stream().anyMatch(s -> !(s instanceof org.tidemark.core.style.Symbolizer.Text))).toList();
        return renderer.legend(style, rules, type.geometryKind(), w, h, lang, 12, Color.WHITE, p.bool("TRANSPARENT") || !p.has("TRANSPARENT"));
    }
}
