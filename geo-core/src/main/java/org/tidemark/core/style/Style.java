package org.tidemark.core.style;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.tidemark.core.feature.LocalizedText;

/**
 * A named map style: an ordered list of feature-type styles, each drawn completely before the next
 * (OGC SE 1.1, OGC 05-077r4 §11; SLD 1.0, OGC 02-070 §11.2 UserStyle).
 *
 * @param name              the style name as used in WMS {@code STYLES} and GetLegendGraphic {@code STYLE}
 * @param title             the human title in Chinese and English
 * @param featureTypeStyles the drawing passes, in order
 */
public record Style(String name, LocalizedText title, List<FeatureTypeStyle> featureTypeStyles) {
    public Style {
        Objects.requireNonNull(name, "name");
        if (title == null) title = LocalizedText.of(name, name);
        featureTypeStyles = List.copyOf(featureTypeStyles);
    }

    /** All rules of all passes, in drawing order (legends list them like this). */
    public List<Rule> rules() {
        return featureTypeStyles.stream().flatMap(f -> f.rules().stream()).toList();
    }

    /** Whether any rule labels features (the renderer then keeps a label pass). */
    public boolean hasText() {
        return rules().stream().flatMap(r -> r.symbolizers().stream()).anyMatch(s -> s instanceof Symbolizer.Text);
    }

    /** A style with one pass and one rule holding the given symbolizers. */
    public static Style simple(String name, Symbolizer... symbolizers) {
        return new Style(name, null, List.of(new FeatureTypeStyle(name, List.of(Rule.always(name, Stream.of(symbolizers).toList())))));
    }
}
