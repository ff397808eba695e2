package org.tidemark.core.sensor;

import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The alarm thresholds of one station, stored as data (never hard-coded): SL 323 {@code ST_RVFCCH_B}
 * warning level {@code WRZ} (警戒水位) and guarantee level {@code GRZ} (保证水位), the seasonal reservoir
 * flood-limit levels {@code FSLTDZ} (汛限水位, {@code ST_RSVRFSR_B}), and rain accumulation thresholds
 * in millimetres over 1, 3 and 24 hours. Any value may be null when the station has none.
 */
public record Thresholds(Double warningLevel, Double guaranteeLevel, List<FloodLimit> floodLimits,
                         Double rain1h, Double rain3h, Double rain24h) {
    public static final Thresholds NONE = new Thresholds(null, null, List.of(), null, null, null);
    /** The time zone in which flood-limit seasons are defined (China Standard Time). */
    public static final ZoneId SEASON_ZONE = ZoneId.of("Asia/Shanghai");

    public Thresholds {
        floodLimits = floodLimits == null ? List.of() : List.copyOf(floodLimits);
    }

    /** The flood-limit level in force at {@code time}, if any. */
    public Optional<Double> floodLimitAt(Instant time) {
        MonthDay day = MonthDay.from(time.atZone(SEASON_ZONE));
        return floodLimits.stream().filter(f -> f.covers(day)).map(FloodLimit::level).findFirst();
    }
}
