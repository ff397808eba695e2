package org.tidemark.core.sensor;

import java.util.Optional;

/**
 * The observed properties Tidemark accepts, named as the SL 323 result tables name their columns,
 * with the unit each must be reported in and a plausible physical range (readings outside it are
 * rejected at ingest, never stored).
 */
public enum ObservedProperty {
    /** River/stream water level (ST_RIVER_R.Z), m above the station datum. */
    Z("m", -20, 200),
    /** Reservoir water level (ST_RSVR_R.RZ), m. */
    RZ("m", -20, 2000),
    /** Tide level (ST_TIDE_R.TDZ), m. */
    TDZ("m", -20, 20),
    /** Rainfall in the reporting period (ST_PPTN_R.DRP), mm. */
    DRP("mm", 0, 500),
    /** Discharge (ST_RIVER_R.Q), m³/s. */
    Q("m3/s", 0, 100_000),
    /** Supply voltage of the station's RTU (SL 651 identifier 38H), V. */
    VT("V", 0, 100);

    private final String unit;
    private final double min;
    private final double max;

    ObservedProperty(String unit, double min, double max) {
        this.unit = unit;
        this.min = min;
        this.max = max;
    }

    public String unit() { return unit; }

    public boolean inRange(double value) { return value >= min && value <= max; }

    public double min() { return min; }

    public double max() { return max; }

    public static Optional<ObservedProperty> find(String name) {
        for (ObservedProperty p : values()) if (p.name().equals(name)) return Optional.of(p);
        return Optional.empty();
    }
}
