package org.tidemark.core.sensor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link ObservationStore} in memory, for tests of the code above the port. {@link #setAvailable}
 * simulates an outage: every call then fails like a lost database connection.
 */
public final class InMemoryObservationStore implements ObservationStore {
    private final Map<String, NavigableMap<Instant, Map<String, Observation>>> byStation = new HashMap<>();
    private final Map<String, Map<String, Observation>> latest = new HashMap<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final AtomicBoolean available = new AtomicBoolean(true);
    private int appendCalls;

    public void setAvailable(boolean up) { available.set(up); }

    /** How many times {@link #append} committed (to check batching). */
    public synchronized int appendCalls() { return appendCalls; }

    private void check() {
        if (!available.get()) throw new IllegalStateException("store unavailable");
    }

    @Override
    public synchronized List<Observation> append(List<Observation> observations) {
        check();
        appendCalls++;
        List<Observation> fresh = new ArrayList<>();
        for (Observation o : observations) {
            Map<String, Observation> at = byStation.computeIfAbsent(o.station(), s -> new TreeMap<>())
                    .computeIfAbsent(o.phenomenonTime(), t -> new TreeMap<>());
            if (at.putIfAbsent(o.property(), o) != null) continue;
            fresh.add(o);
            latest.computeIfAbsent(o.station(), s -> new HashMap<>()).merge(o.property(), o,
                    (old, neu) -> neu.phenomenonTime().isAfter(old.phenomenonTime()) ? neu : old);
        }
        return fresh;
    }

    @Override
    public synchronized List<Observation> latest() {
        check();
        return latest.values().stream().flatMap(m -> m.values().stream())
                .sorted(Comparator.comparing(Observation::station).thenComparing(Observation::property)).toList();
    }

    @Override
    public synchronized Optional<Observation> latest(String station, String property) {
        check();
        return Optional.ofNullable(latest.getOrDefault(station, Map.of()).get(property));
    }

    @Override
    public synchronized List<Observation> history(String station, String property, Instant from, Instant to, int limit) {
        check();
        NavigableMap<Instant, Map<String, Observation>> series = byStation.get(station);
        if (series == null) return List.of();
        return series.subMap(from, true, to, false).values().stream().flatMap(m -> m.values().stream())
                .filter(o -> property == null || o.property().equals(property)).limit(limit).toList();
    }

    @Override
    public synchronized Alert appendAlert(Alert alert) {
        check();
        Alert stored = alert.withId(alerts.size() + 1);
        alerts.add(stored);
        return stored;
    }

    @Override
    public synchronized List<Alert> alerts(Instant since, int limit) {
        check();
        return alerts.reversed().stream().filter(a -> !a.raisedAt().isBefore(since)).limit(limit).toList();
    }

    @Override
    public synchronized Optional<Alert> acknowledge(long alertId, String by, Instant at) {
        check();
        if (alertId < 1 || alertId > alerts.size()) return Optional.empty();
        Alert a = alerts.get((int) alertId - 1);
        if (!a.isAcknowledged()) {
            a = a.acknowledged(by, at);
            alerts.set((int) alertId - 1, a);
        }
        return Optional.of(a);
    }

    @Override
    public boolean isAvailable() { return available.get(); }
}
