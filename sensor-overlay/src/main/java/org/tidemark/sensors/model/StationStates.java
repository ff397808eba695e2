package org.tidemark.sensors.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The current {@link StationState} of every station, and a version that changes with any of them. */
public final class StationStates {
    private final Map<String, StationState> states = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    public StationState get(String station) { return states.getOrDefault(station, StationState.NO_DATA); }

    public void put(String station, StationState state) {
        states.put(station, state);
        version.incrementAndGet();
    }

    /** Bumped on every change of a state or of a latest value (for ETags and tile caches). */
    public long version() { return version.get(); }

    public void touch() { version.incrementAndGet(); }
}
