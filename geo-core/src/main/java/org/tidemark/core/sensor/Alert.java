package org.tidemark.core.sensor;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the alert log: a station changed status, a level rose too fast, or rain accumulated
 * past a threshold. Acknowledgement records who took notice and when.
 *
 * @param id             store-assigned id (0 before it is stored)
 * @param station        {@code STCD}
 * @param kind           what triggered it
 * @param from           the status before
 * @param to             the status after
 * @param property       the property that crossed, e.g. {@code Z} or {@code DRP_3H}
 * @param value          the value that crossed
 * @param threshold      the threshold it was compared with (NaN when none)
 * @param observedAt     phenomenon time of the triggering reading
 * @param raisedAt       when the alert was created
 * @param message        a short human-readable text
 * @param acknowledgedBy principal id that acknowledged, or null
 * @param acknowledgedAt when, or null
 */
public record Alert(long id, String station, AlertKind kind, StationStatus from, StationStatus to, String property,
                    double value, double threshold, Instant observedAt, Instant raisedAt, String message,
                    String acknowledgedBy, Instant acknowledgedAt) {
    public Alert {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }

    public Alert withId(long newId) {
        return new Alert(newId, station, kind, from, to, property, value, threshold, observedAt, raisedAt, message,
                acknowledgedBy, acknowledgedAt);
    }

    public Alert acknowledged(String by, Instant at) {
        return new Alert(id, station, kind, from, to, property, value, threshold, observedAt, raisedAt, message, by, at);
    }

    public boolean isAcknowledged() { return acknowledgedBy != null; }
}
