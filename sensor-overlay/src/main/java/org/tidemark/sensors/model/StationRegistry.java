package org.tidemark.sensors.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidemark.core.sensor.Station;

/**
 * The registered stations by {@code STCD}. Either fixed, or loaded from a supplier (the station register
 * layer): while the register is still empty — the demo data may be loaded after the module starts — the
 * registry retries the load at most every few seconds when asked, and tells its listeners once stations
 * arrive.
 */
public final class StationRegistry {
    private static final Logger log = LoggerFactory.getLogger(StationRegistry.class);

    private record Snapshot(Map<String, Station> byCode, List<Station> ordered) {
        static Snapshot of(Collection<Station> stations) {
            Map<String, Station> m = new LinkedHashMap<>();
            for (Station s : stations) m.put(s.code(), s);
            return new Snapshot(Map.copyOf(m), List.copyOf(m.values()));
        }
    }

    private final Supplier<? extends Collection<Station>> loader;
    private final long retryNanos;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Snapshot snapshot;
    private volatile long lastAttempt;

    public StationRegistry(Collection<Station> stations) {
        this.loader = null;
        this.retryNanos = 0;
        this.snapshot = Snapshot.of(stations);
    }

    /**
     * A registry that loads from {@code loader} now, and again (at most once per {@code retry}) while
     * it finds no stations.
     */
    public StationRegistry(Supplier<? extends Collection<Station>> loader, java.time.Duration retry) {
        this.loader = loader;
        this.retryNanos = retry.toNanos();
        this.snapshot = Snapshot.of(List.of());
        this.lastAttempt = System.nanoTime() - retryNanos;
        reloadIfEmpty();
    }

    /** Runs {@code listener} when stations first arrive after an empty start. */
    public void onLoaded(Runnable listener) { listeners.add(listener); }

    private void reloadIfEmpty() {
        if (loader == null || !snapshot.ordered().isEmpty() || System.nanoTime() - lastAttempt < retryNanos) return;
        synchronized (this) {
            if (!snapshot.ordered().isEmpty() || System.nanoTime() - lastAttempt < retryNanos) return;
            lastAttempt = System.nanoTime();
            Collection<Station> loaded;
            try {
                loaded = loader.get();
            } catch (RuntimeException e) {
                log.warn("station register not readable yet: {}", e.toString());
                return;
            }
            if (loaded.isEmpty()) return;
            snapshot = Snapshot.of(loaded);
            log.info("{} stations registered", snapshot.ordered().size());
        }
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                log.warn("station register listener failed", e);
            }
        }
    }

    public Optional<Station> find(String code) {
        reloadIfEmpty();
        return Optional.ofNullable(code == null ? null : snapshot.byCode().get(code));
    }

    /** Stations in register order. */
    public List<Station> all() {
        reloadIfEmpty();
        return snapshot.ordered();
    }

    public int size() { return all().size(); }
}
