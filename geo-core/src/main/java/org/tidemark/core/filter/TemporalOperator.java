package org.tidemark.core.filter;

/** Temporal predicates (CQL2 T_* functions, FES 2.0 §7.9; ISO 19108 relations). */
public enum TemporalOperator {
    /** The property's instant lies strictly inside the interval. */
    DURING,
    BEFORE,
    AFTER,
    /** Equal instants. */
    TEQUALS,
    /** The property's instant lies in the closed interval (CQL2 T_INTERSECTS). */
    INTERSECTS
}
