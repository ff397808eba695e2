package org.tidemark.core.sensor;

import java.time.MonthDay;
import java.util.Objects;

/**
 * A reservoir flood-limit level (汛限水位, SL 323 {@code ST_RSVRFSR_B.FSLTDZ}) valid from {@code begin} to
 * {@code end} inclusive ({@code BGMD}–{@code EDMD}); a period may wrap over the new year.
 */
public record FloodLimit(MonthDay begin, MonthDay end, double level) {
    public FloodLimit {
        Objects.requireNonNull(begin, "begin");
        Objects.requireNonNull(end, "end");
    }

    /** A flood limit that applies all year. */
    public static FloodLimit allYear(double level) {
        return new FloodLimit(MonthDay.of(1, 1), MonthDay.of(12, 31), level);
    }

    public boolean covers(MonthDay day) {
        return begin.compareTo(end) <= 0
                ? !day.isBefore(begin) && !day.isAfter(end)
                : !day.isBefore(begin) || !day.isAfter(end);
    }
}
