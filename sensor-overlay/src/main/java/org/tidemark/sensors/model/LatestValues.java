package org.tidemark.sensors.model;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tidemark.core.sensor.Observation;

/**
 * The in-memory cache of each station's latest reading per property, seeded from the store's
 * latest-value table at start-up and updated after every commit. Reads are hash look-ups, never scans.
 */
public final class LatestValues {
    /** SL 323 {@code WPTN} water-level trend codes. */
    public static final int RISING = 4, FALLING = 5, STEADY = 6;
    private static final double STEADY_BAND = 0.01;
    private static final java.time.Duration TREND_WINDOW = java.time.Duration.ofHours(3);

    private final Map<String, Map<String, Observation>> byStation = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Observation>> previous = new ConcurrentHashMap<>();

    /** Keeps {@code o} if it is newer than the cached reading; returns whether it was. */
    public synchronized boolean offer(Observation o) {
        Map<String, Observation> m = byStation.computeIfAbsent(o.station(), s -> new ConcurrentHashMap<>());
        Observation old = m.get(o.property());
        if (old != null && !o.phenomenonTime().isAfter(old.phenomenonTime())) return false;
        m.put(o.property(), o);
        if (old != null) previous.computeIfAbsent(o.station(), s -> new ConcurrentHashMap<>()).put(o.property(), old);
        return true;
    }

    /**
     * The trend of a level ({@code WPTN}: 4 rising, 5 falling, 6 steady) from the latest reading and the
     * one before it (if at most 3 hours apart), or null when unknown.
     */
    public Integer trend(String station, String property) {
        Observation now = byStation.getOrDefault(station, Map.of()).get(property);
        Observation before = previous.getOrDefault(station, Map.of()).get(property);
        if (now == null || before == null) return null;
        if (java.time.Duration.between(before.phenomenonTime(), now.phenomenonTime()).compareTo(TREND_WINDOW) > 0) return null;
        double d = now.value() - before.value();
        return d > STEADY_BAND ? RISING : d < -STEADY_BAND ? FALLING : STEADY;
    }

    public Optional<Observation> get(String station, String property) {
        return Optional.ofNullable(byStation.getOrDefault(station, Map.of()).get(property));
    }

    /** A station's latest readings by property (a live view; do not modify). */
    public Map<String, Observation> of(String station) {
        return byStation.getOrDefault(station, Map.of());
    }
}
