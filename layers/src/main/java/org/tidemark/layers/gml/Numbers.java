package org.tidemark.layers.gml;

/** Compact, locale-independent number text for XML and CSV ({@code 30} instead of {@code 30.0}). */
public final class Numbers {
    private Numbers() {}

    public static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return Double.toString(d);
    }
}
