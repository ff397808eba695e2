package org.tidemark.core.sensor;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading (OGC SensorThings Observation, ISO 19156): the station and property, when it was true
 * in the world ({@code phenomenonTime}) and when it was produced or received ({@code resultTime}).
 * The natural key is station + property + phenomenon time: a second reading with the same key is a
 * duplicate (retransmission) and is dropped.
 *
 * @param station        {@code STCD}
 * @param property       an {@link ObservedProperty} name, e.g. {@code Z}, {@code RZ}, {@code TDZ}, {@code DRP}
 * @param phenomenonTime the observation time ({@code TM} in SL 323)
 * @param resultTime     when the result was produced or received
 * @param value          the value in {@code unit}
 * @param unit           the unit (the property's canonical unit)
 * @param quality        the quality flag
 */
public record Observation(String station, String property, Instant phenomenonTime, Instant resultTime,
                          double value, String unit, Quality quality) {
    public Observation {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(phenomenonTime, "phenomenonTime");
        if (resultTime == null) resultTime = phenomenonTime;
        if (quality == null) quality = Quality.GOOD;
    }

    /** The natural key: station, property and phenomenon time. */
    public Key key() { return new Key(station, property, phenomenonTime); }

    public record Key(String station, String property, Instant phenomenonTime) {}
}
