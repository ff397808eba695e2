package org.tidemark.sensors.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Rolling rainfall totals per station from period rainfall readings ({@code DRP}, SL 323
 * {@code ST_PPTN_R}): the sum of readings whose phenomenon time lies in {@code (end - window, end]}.
 * Readings older than 24 hours behind a station's newest reading are evicted, so memory stays bounded.
 */
public final class RainAccumulator {
    public static final Duration HORIZON = Duration.ofHours(24);
    private final Map<String, NavigableMap<Instant, Double>> series = new ConcurrentHashMap<>();

    public void add(String station, Instant time, double mm) {
        NavigableMap<Instant, Double> s = series.computeIfAbsent(station, k -> new ConcurrentSkipListMap<>());
        s.put(time, mm);
        Instant newest = s.lastKey();
        s.headMap(newest.minus(HORIZON.plusHours(1)), true).clear();
    }

    /** The total over {@code window} ending at the station's newest reading (0 when none). */
    public double total(String station, Duration window) {
        NavigableMap<Instant, Double> s = series.get(station);
        if (s == null || s.isEmpty()) return 0;
        Instant end = s.lastKey();
        double sum = 0;
        for (double v : s.subMap(end.minus(window), false, end, true).values()) sum += v;
        return Math.round(sum * 10) / 10.0;
    }

    /** The totals over 1, 3 and 24 hours. */
    public RainTotals totals(String station) {
        return new RainTotals(total(station, Duration.ofHours(1)), total(station, Duration.ofHours(3)),
                total(station, Duration.ofHours(24)));
    }

    /** Rainfall totals in millimetres. */
    public record RainTotals(double h1, double h3, double h24) {}
}
