package org.tidemark.core.filter;

/** Binary comparison operators (CQL2 §7.5 "Basic CQL2", FES 2.0 §7.7.3). */
public enum ComparisonOperator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    ComparisonOperator(String symbol) { this.symbol = symbol; }

    /** The CQL2/SQL symbol. */
    public String symbol() { return symbol; }
}
