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
    private final Map<String, Map<String, Observation>> byStation = new ConcurrentHashMap<>();

    /** Keeps {@code o} if it is newer than the cached reading; returns whether it was. */
    public boolean offer(Observation o) {
        Map<String, Observation> m = byStation.computeIfAbsent(o.station(), s -> new ConcurrentHashMap<>());
        Observation kept = m.merge(o.property(), o,
                (old, neu) -> neu.phenomenonTime().isAfter(old.phenomenonTime()) ? neu : old);
        return kept == o;
    }

    public Optional<Observation> get(String station, String property) {
        return Optional.ofNullable(byStation.getOrDefault(station, Map.of()).get(property));
    }

    /** A station's latest readings by property (a live view; do not modify). */
    public Map<String, Observation> of(String station) {
        return byStation.getOrDefault(station, Map.of());
    }
}
