package org.tidemark.layers.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tidemark.core.feature.LocalizedText;

/**
 * The approval rules of the siting check, per project type. Configurable (the app may pass its own);
 * the defaults encode the usual Zhejiang flood-control practice for sensitive buildings: schools and
 * hospitals stay out of the highest risk class entirely and above the design tide, housing tolerates a
 * small overlap, industry more.
 *
 * @param types rules by project type code
 */
public record SitingRules(Map<String, Rule> types) {

    /**
     * @param title                 the project type's name
     * @param maxRiskClassPercent   largest allowed share of the site (percent) in flood-zone risk class 1, 2, 3
     * @param maxLowLyingPercent    largest allowed share in low-lying areas
     * @param requireAboveGuarantee whether the site's minimum ground must be above the nearest tide gauge's
     *                              guarantee level (保证水位, GRZ)
     * @param maxSlopeDegrees       steepest allowed mean slope
     */
    public record Rule(LocalizedText title, double[] maxRiskClassPercent, double maxLowLyingPercent,
                       boolean requireAboveGuarantee, double maxSlopeDegrees) {}

    public SitingRules { types = Map.copyOf(types); }

    public static SitingRules defaults() {
        Map<String, Rule> m = new LinkedHashMap<>();
        m.put("school", new Rule(LocalizedText.of("学校", "School"), new double[] {100, 20, 0}, 10, true, 15));
        m.put("hospital", new Rule(LocalizedText.of("医院", "Hospital"), new double[] {100, 20, 0}, 10, true, 15));
        m.put("residential", new Rule(LocalizedText.of("住宅", "Residential"), new double[] {100, 50, 10}, 30, false, 25));
        m.put("industrial", new Rule(LocalizedText.of("工业", "Industrial"), new double[] {100, 100, 30}, 50, false, 15));
        m.put("infrastructure", new Rule(LocalizedText.of("公共设施", "Public infrastructure"), new double[] {100, 100, 100}, 100, false, 35));
        return new SitingRules(m);
    }
}
