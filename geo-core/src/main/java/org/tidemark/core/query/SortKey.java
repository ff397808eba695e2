package org.tidemark.core.query;

/** One sort criterion (WFS SORTBY, OGC API Features Part 3 {@code sortby}). */
public record SortKey(String property, boolean ascending) {}
