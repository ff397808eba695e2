package org.tidemark.core.sensor;

/** What raised an {@link Alert}. */
public enum AlertKind {
    /** The status rose (normal → warning → danger). */
    RAISED,
    /** The status fell back (after the hysteresis band). */
    CLEARED,
    /** The level rose faster than the configured rate. */
    RATE_OF_RISE
}
