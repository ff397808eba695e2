package org.tidemark.core.sensor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The storage port of the sensor overlay (compare FROST-Server's {@code PersistenceManager}): durable,
 * idempotent observation writes, a constant-time latest-value read, time-range history and the alert log.
 * Implemented by the JDBC store in {@code data} (H2GIS and PostGIS) and by an in-memory store for tests.
 *
 * <p>Contract: {@link #append} is one transaction that has committed when it returns, so a caller may
 * acknowledge the readings to their sender afterwards. Readings whose key (station, property,
 * phenomenon time) is already stored are dropped, not updated. The latest value of a station/property
 * is the reading with the greatest phenomenon time, whatever order readings arrive in.
 */
public interface ObservationStore {

    /** Stores the readings in one committed transaction; returns those that were new, in input order. */
    List<Observation> append(List<Observation> observations);

    /** Every station's latest reading per property, read from the latest-value table (never a scan). */
    List<Observation> latest();

    Optional<Observation> latest(String station, String property);

    /**
     * Readings of one station with {@code from <= phenomenonTime < to}, ordered by phenomenon time
     * then property.
     *
     * @param property the property, or null for all
     * @param limit    the maximum number of readings returned
     */
    List<Observation> history(String station, String property, Instant from, Instant to, int limit);

    /**
     * The network as it was: every station's newest reading per property with
     * {@code from <= phenomenonTime <= to}, ordered by station then property (the gauges layer answers WMS
     * {@code TIME} and WFS temporal filters with it). Stores should answer in one query; this default asks
     * {@link #history} once per station and property known to {@link #latest()}.
     */
    default List<Observation> newestBetween(Instant from, Instant to) {
        List<Observation> out = new java.util.ArrayList<>();
        for (Observation l : latest()) {
            List<Observation> h = history(l.station(), l.property(), from, to.plusNanos(1), Integer.MAX_VALUE);
            if (!h.isEmpty()) out.add(h.get(h.size() - 1));
        }
        return out;
    }

    /**
     * The phenomenon time of the oldest stored reading, empty when nothing is stored. Stores should answer
     * from an index (one seek per station and property, never a scan); this default asks {@link #history}
     * for the first reading of each station and property known to {@link #latest()}.
     */
    default Optional<Instant> earliest() {
        Instant first = null;
        for (Observation l : latest()) {
            List<Observation> h = history(l.station(), l.property(), Instant.EPOCH, l.phenomenonTime().plusNanos(1), 1);
            if (!h.isEmpty() && (first == null || h.get(0).phenomenonTime().isBefore(first))) first = h.get(0).phenomenonTime();
        }
        return Optional.ofNullable(first);
    }

    /** Stores an alert and returns it with its id. */
    Alert appendAlert(Alert alert);

    /** Alerts raised at or after {@code since}, newest first. */
    List<Alert> alerts(Instant since, int limit);

    /** Records an acknowledgement; empty when there is no such alert. Acknowledging twice keeps the first. */
    Optional<Alert> acknowledge(long alertId, String by, Instant at);

    /** Whether the store answers (health checks, backpressure). */
    boolean isAvailable();
}
