package org.tidemark.core.style;

import java.util.List;

/**
 * One drawing pass over the features of a layer (SE 1.1 §11 FeatureTypeStyle). Rules whose filter
 * matches draw their symbolizers; rules with {@code elseFilter} draw only when no other rule of the
 * pass matched at the current scale.
 */
public record FeatureTypeStyle(String name, List<Rule> rules) {
    public FeatureTypeStyle { rules = List.copyOf(rules); }
}
