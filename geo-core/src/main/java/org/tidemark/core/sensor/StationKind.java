package org.tidemark.core.sensor;

import java.util.Locale;

/**
 * The kind of a hydrological station, with its SL 323-2011 {@code STTP} code (table {@code ST_STBPRP_B}).
 * The kind decides which property carries the station's level and which thresholds apply.
 */
public enum StationKind {
    /** {@code RR}: reservoir; level property {@code RZ}, flood-limit level {@code FSLTDZ}. */
    RESERVOIR("RR", "RZ"),
    /** {@code TT}: tide station at a seawall; level property {@code TDZ}. */
    TIDE("TT", "TDZ"),
    /** {@code ZZ} (also {@code ZQ}): river or stream level station; level property {@code Z}. */
    RIVER("ZZ", "Z"),
    /** {@code PP}: rain gauge; property {@code DRP}, judged on 1/3/24 h accumulations. */
    RAIN("PP", null);

    private final String sttp;
    private final String levelProperty;

    StationKind(String sttp, String levelProperty) {
        this.sttp = sttp;
        this.levelProperty = levelProperty;
    }

    /** The SL 323 station-type code. */
    public String sttp() { return sttp; }

    /** The property whose value is compared with WRZ/GRZ/FSLTDZ, or null for rain gauges. */
    public String levelProperty() { return levelProperty; }

    /** Parses an SL 323 {@code STTP} code ({@code ZQ} hydrometric stations count as river stations). */
    public static StationKind fromSttp(String code) {
        if (code == null) throw new IllegalArgumentException("STTP is missing");
        return switch (code.trim().toUpperCase(Locale.ROOT)) {
            case "RR" -> RESERVOIR;
            case "TT" -> TIDE;
            case "ZZ", "ZQ" -> RIVER;
            case "PP" -> RAIN;
            default -> throw new IllegalArgumentException("unsupported STTP " + code);
        };
    }
}
