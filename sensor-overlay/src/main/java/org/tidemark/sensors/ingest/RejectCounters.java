package org.tidemark.sensors.ingest;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts rejected readings by channel ({@code http}, {@code mqtt}, {@code sl651}) and reason. */
public final class RejectCounters {
    private final Map<String, Map<RejectReason, LongAdder>> counts = new ConcurrentHashMap<>();

    public void count(String channel, RejectReason reason) {
        counts.computeIfAbsent(channel, c -> new ConcurrentHashMap<>()).computeIfAbsent(reason, r -> new LongAdder())
                .increment();
    }

    public long get(String channel, RejectReason reason) {
        LongAdder a = counts.getOrDefault(channel, Map.of()).get(reason);
        return a == null ? 0 : a.sum();
    }

    /** A copy: channel → reason → count. */
    public Map<String, Map<RejectReason, Long>> snapshot() {
        Map<String, Map<RejectReason, Long>> out = new java.util.TreeMap<>();
        counts.forEach((channel, m) -> {
            Map<RejectReason, Long> c = new EnumMap<>(RejectReason.class);
            m.forEach((r, a) -> c.put(r, a.sum()));
            out.put(channel, c);
        });
        return out;
    }
}
