package org.tidemark.core.sensor;

/**
 * A station's alarm state, ordered by severity. {@code WARNING}: at or above the warning level WRZ
 * (or above the reservoir flood-limit level FSLTDZ, or over a rain accumulation threshold);
 * {@code DANGER}: at or above the guarantee level GRZ (or twice a rain threshold).
 */
public enum StationStatus {
    NO_DATA, NORMAL, WARNING, DANGER;

    public boolean isAlarm() { return this == WARNING || this == DANGER; }

    /** Lower-case name as published ({@code normal}, {@code warning}...). */
    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }
}
