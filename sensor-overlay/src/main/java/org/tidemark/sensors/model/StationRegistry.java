package org.tidemark.sensors.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tidemark.core.sensor.Station;

/** The registered stations by {@code STCD}; immutable once built. */
public final class StationRegistry {
    private final Map<String, Station> byCode;

    public StationRegistry(Collection<Station> stations) {
        Map<String, Station> m = new LinkedHashMap<>();
        for (Station s : stations) m.put(s.code(), s);
        this.byCode = Map.copyOf(m);
        this.ordered = List.copyOf(m.values());
    }

    private final List<Station> ordered;

    public Optional<Station> find(String code) { return Optional.ofNullable(code == null ? null : byCode.get(code)); }

    /** Stations in register order. */
    public List<Station> all() { return ordered; }

    public int size() { return ordered.size(); }
}
