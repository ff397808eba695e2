package org.tidemark.sensors.model;

import java.time.Instant;
import org.tidemark.core.sensor.StationStatus;

/**
 * A station's current alarm state.
 *
 * @param status    the status
 * @param property  what decided it ({@code Z}, {@code RZ}, {@code FSLTDZ}, {@code DRP_3H}...)
 * @param value     the value judged
 * @param threshold the threshold it was compared with (NaN when none)
 * @param since     phenomenon time of the reading that set this status
 */
public record StationState(StationStatus status, String property, double value, double threshold, Instant since) {
    public static final StationState NO_DATA = new StationState(StationStatus.NO_DATA, null, Double.NaN, Double.NaN, null);
}
