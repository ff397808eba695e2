package org.tidemark.core.style;

import java.util.List;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.filter.Filter;

/**
 * A style rule (SE 1.1 §10, SLD 1.0 §10.2): which features (filter or else-filter), at which scales
 * (scale denominator in [min, max), OGC 0.28 mm pixel), and how they are drawn.
 *
 * @param name                 the rule name (GetLegendGraphic {@code RULE})
 * @param title                the legend label in Chinese and English
 * @param filter               the selection, {@link Filter#INCLUDE} for all
 * @param elseFilter           true when the rule applies to features no other rule of its pass matched
 * @param minScaleDenominator  inclusive lower scale bound (0 for none)
 * @param maxScaleDenominator  exclusive upper scale bound ({@link Double#POSITIVE_INFINITY} for none)
 * @param symbolizers          the drawing instructions, in order
 */
public record Rule(String name, LocalizedText title, Filter filter, boolean elseFilter,
                   double minScaleDenominator, double maxScaleDenominator, List<Symbolizer> symbolizers) {
    public Rule {
        if (name == null) name = "";
        if (title == null) title = LocalizedText.of(name, name);
        if (filter == null) filter = Filter.INCLUDE;
        if (Double.isNaN(minScaleDenominator) || minScaleDenominator < 0) minScaleDenominator = 0;
        if (Double.isNaN(maxScaleDenominator) || maxScaleDenominator <= 0) maxScaleDenominator = Double.POSITIVE_INFINITY;
        symbolizers = List.copyOf(symbolizers);
    }

    public static Rule always(String name, List<Symbolizer> symbolizers) {
        return new Rule(name, null, Filter.INCLUDE, false, 0, Double.POSITIVE_INFINITY, symbolizers);
    }

    /** SE 1.1 §10.2: MinScaleDenominator is inclusive, MaxScaleDenominator exclusive. */
    public boolean appliesAtScale(double scaleDenominator) {
        return scaleDenominator >= minScaleDenominator && scaleDenominator < maxScaleDenominator;
    }
}
