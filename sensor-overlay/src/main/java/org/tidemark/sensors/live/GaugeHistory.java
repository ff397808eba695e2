package org.tidemark.sensors.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.ObservationStore;
import org.tidemark.core.sensor.Station;
import org.tidemark.core.sensor.StationKind;
import org.tidemark.core.sensor.StationStatus;
import org.tidemark.sensors.model.RainAccumulator;
import org.tidemark.sensors.model.StatusEvaluator;

/**
 * The gauges as they were: answers a query on the live layer that restricts the time attribute {@code TM}
 * (WMS {@code TIME}, WMS 1.3.0 Annex C; FES 2.0 §7.9 and CQL2 temporal operators in WFS and OGC API) from the
 * stored history rather than the latest values.
 *
 * <p>The requested interval {@code [from, to]} (ANDed temporal restrictions intersect; open ends are clamped to
 * now and to {@link #MAX_LOOKBACK} before the end) selects, per station and property, the newest reading in
 * it; {@code TM} is the newest of those. A station is listed only if the caller's filter, temporal part
 * included, holds for that feature — so {@code TIME=t} shows the stations that reported at {@code t}, and a
 * period shows each station's last state within it. The status is judged from the thresholds without the
 * live hysteresis (which depends on the path, not the time); rain totals are summed from the stored
 * rainfall; the trend {@code WPTN} is not reconstructed (null).
 */
public final class GaugeHistory {
    /** The longest stretch of history one query reads (open intervals are cut to it). */
    public static final Duration MAX_LOOKBACK = Duration.ofDays(7);
    private static final String TIME = "TM";

    private final ObservationStore store;
    private final StatusEvaluator evaluator;
    private final Clock clock;
    private final LongSupplier version;
    private volatile Cached cached;

    private record Cached(Instant from, Instant to, long version, Map<String, Feature> features) {}

    /** A closed time interval (either end may be {@link Instant#MIN} / {@link Instant#MAX}). */
    public record Window(Instant from, Instant to) {}

    /** @param version changes whenever a reading is committed (a cached answer is reused only while it holds) */
    public GaugeHistory(ObservationStore store, StatusEvaluator evaluator, Clock clock, LongSupplier version) {
        this.store = store;
        this.evaluator = evaluator;
        this.clock = clock;
        this.version = version;
    }

    /** The phenomenon time of the oldest stored reading: where the layer's history (and its WMS time extent) starts. */
    public Optional<Instant> start() { return store.earliest(); }

    /**
     * The interval a filter restricts {@code TM} to, read from its temporal predicates at the top level or
     * inside {@code And}s; empty when there is none, or when one sits under {@code Or}/{@code Not} (then the
     * layer answers from the latest values as before).
     */
    public static Optional<Window> window(Filter filter) {
        Window[] w = {new Window(Instant.MIN, Instant.MAX)};
        boolean[] found = {false};
        if (!collect(filter, w, found, false)) return Optional.empty();
        return found[0] ? Optional.of(w[0]) : Optional.empty();
    }

    private static boolean collect(Filter f, Window[] w, boolean[] found, boolean nested) {
        switch (f) {
            case Filter.And and -> {
                for (Filter op : and.operands()) if (!collect(op, w, found, nested)) return false;
                return true;
            }
            case Filter.Or or -> {
                for (Filter op : or.operands()) if (!collect(op, w, found, true)) return false;
                return true;
            }
            case Filter.Not not -> { return collect(not.operand(), w, found, true); }
            case Filter.Temporal t when TIME.equals(t.property()) -> {
                if (nested) return false;
                Instant a = t.start(), b = t.end() == null ? t.start() : t.end();
                Window one = switch (t.operator()) {   // strict relations leave their end points out
                    case BEFORE -> new Window(Instant.MIN, a.minusNanos(1));
                    case AFTER -> new Window(a.plusNanos(1), Instant.MAX);
                    case DURING -> new Window(a.plusNanos(1), b.minusNanos(1));
                    case INTERSECTS, TEQUALS -> new Window(a, b);
                };
                w[0] = new Window(max(w[0].from(), one.from()), min(w[0].to(), one.to()));
                found[0] = true;
                return true;
            }
            default -> { return true; }
        }
    }

    /** Each station's feature as of its newest reading in the window, by station code (stations without one are absent). */
    public Map<String, Feature> features(List<Station> stations, Window window) {
        Instant now = clock.instant();
        Instant to = min(window.to(), now);
        Instant from = max(window.from(), to.minus(MAX_LOOKBACK));
        if (from.isAfter(to)) return Map.of();
        long v = version.getAsLong();
        Cached c = cached;
        if (c != null && c.version() == v && c.from().equals(from) && c.to().equals(to)) return c.features();
        Map<String, Map<String, Observation>> byStation = new LinkedHashMap<>();
        for (Observation o : store.newestBetween(from, to)) {
            byStation.computeIfAbsent(o.station(), k -> new LinkedHashMap<>()).put(o.property(), o);
        }
        Map<String, Feature> out = new LinkedHashMap<>();
        for (Station s : stations) {
            Map<String, Observation> values = byStation.get(s.code());
            if (values == null) continue;
            boolean inLayer = false;
            for (String p : GaugeFeatures.LEVELS) inLayer |= values.containsKey(p);
            if (!inLayer) continue;   // only readings the layer does not show (voltage, discharge)
            RainAccumulator.RainTotals rain = values.containsKey("DRP") ? rainAt(s, values.get("DRP").phenomenonTime()) : null;
            out.put(s.code(), GaugeFeatures.build(s, values, rain, null, status(s, values, rain).code()));
        }
        cached = new Cached(from, to, v, out);
        return out;
    }

    private RainAccumulator.RainTotals rainAt(Station s, Instant end) {
        RainAccumulator acc = new RainAccumulator();
        for (Observation o : store.history(s.code(), "DRP", end.minus(RainAccumulator.HORIZON), end.plusNanos(1), 100_000)) {
            acc.add(s.code(), o.phenomenonTime(), o.value());
        }
        return acc.totals(s.code());
    }

    private StationStatus status(Station s, Map<String, Observation> values, RainAccumulator.RainTotals rain) {
        if (s.kind() == StationKind.RAIN) {
            return rain == null ? StationStatus.NO_DATA : evaluator.rain(s, rain, StationStatus.NO_DATA).status();
        }
        Observation level = s.kind().levelProperty() == null ? null : values.get(s.kind().levelProperty());
        return level == null ? StationStatus.NO_DATA
                : evaluator.level(s, level.value(), level.phenomenonTime(), StationStatus.NO_DATA).status();
    }

    private static Instant max(Instant a, Instant b) { return a.isAfter(b) ? a : b; }

    private static Instant min(Instant a, Instant b) { return a.isBefore(b) ? a : b; }
}
