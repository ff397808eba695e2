package org.tidemark.core.filter;

import org.tidemark.core.feature.Feature;

/**
 * Evaluates a {@link Filter} against one feature in memory, with the same semantics the SQL encoders
 * have (the store contract tests compare both): SQL three-valued logic for nulls, numeric comparison
 * across number types, DWithin distances in metres on the ellipsoid.
 */
public final class FilterEvaluator {
    private FilterEvaluator() {}

    public static boolean matches(Filter filter, Feature feature) { throw new UnsupportedOperationException("todo"); }
}
