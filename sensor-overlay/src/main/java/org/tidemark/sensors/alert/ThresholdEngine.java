package org.tidemark.sensors.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidemark.core.sensor.Alert;
import org.tidemark.core.sensor.AlertKind;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.ObservationStore;
import org.tidemark.core.sensor.Station;
import org.tidemark.core.sensor.StationKind;
import org.tidemark.core.sensor.StationStatus;
import org.tidemark.sensors.ingest.CommitListener;
import org.tidemark.sensors.live.LiveBus;
import org.tidemark.sensors.model.LatestValues;
import org.tidemark.sensors.model.RainAccumulator;
import org.tidemark.sensors.model.StationRegistry;
import org.tidemark.sensors.model.StationState;
import org.tidemark.sensors.model.StationStates;
import org.tidemark.sensors.model.StatusEvaluator;

/**
 * Runs after every commit: updates the latest-value cache and rain totals, re-judges the stations that
 * received readings, logs an alert for every status change (up: {@link AlertKind#RAISED}, down after
 * the hysteresis band: {@link AlertKind#CLEARED}) and for a level rising faster than the configured rate
 * (at most one per station per hour), and publishes {@code observation}, {@code status} and {@code alert}
 * events on the live bus. A status that does not change creates no alert, so alerts never repeat.
 */
public final class ThresholdEngine implements CommitListener {
    private static final Logger log = LoggerFactory.getLogger(ThresholdEngine.class);
    private static final Duration RISE_WINDOW_MAX = Duration.ofHours(3);
    private static final Duration RISE_ALERT_GAP = Duration.ofHours(1);

    private final StationRegistry stations;
    private final LatestValues latest;
    private final RainAccumulator rain;
    private final StationStates states;
    private final StatusEvaluator evaluator;
    private final ObservationStore store;
    private final LiveBus bus;
    private final Clock clock;
    private final double riseRatePerHour;
    private final Map<String, Instant> lastRiseAlert = new ConcurrentHashMap<>();
    private volatile Consumer<Alert> alertListener = a -> {};

    public ThresholdEngine(StationRegistry stations, LatestValues latest, RainAccumulator rain, StationStates states,
                           StatusEvaluator evaluator, ObservationStore store, LiveBus bus, Clock clock,
                           double riseRatePerHour) {
        this.stations = stations;
        this.latest = latest;
        this.rain = rain;
        this.states = states;
        this.evaluator = evaluator;
        this.store = store;
        this.bus = bus;
        this.clock = clock;
        this.riseRatePerHour = riseRatePerHour;
    }

    /**
     * Seeds the caches from the store (latest-value table and the last 24 h of rain) and sets the initial
     * statuses without raising alerts. A store that is down leaves the caches empty; live readings fill them.
     */
    public synchronized void initialize() {
        try {
            for (Observation o : store.latest()) latest.offer(o);
            Instant now = clock.instant();
            for (Station s : stations.all()) {
                if (latest.get(s.code(), "DRP").isPresent()) {
                    for (Observation o : store.history(s.code(), "DRP", now.minus(RainAccumulator.HORIZON), now.plusSeconds(60), 10_000)) {
                        rain.add(s.code(), o.phenomenonTime(), o.value());
                    }
                }
                judge(s).ifPresent(j -> states.put(s.code(), j));
            }
        } catch (RuntimeException e) {
            log.warn("could not seed the sensor caches from the store: {}", e.getMessage());
        }
    }

    @Override
    public void committed(List<Observation> fresh) { process(fresh, true); }

    /**
     * Applies readings another instance committed (they arrive over the MQTT live bus): caches, statuses
     * and live events are updated here too, but alerts are logged only by the instance that committed.
     */
    public void applyRemote(List<Observation> fresh) { process(fresh, false); }

    /** Told about every alert this instance logs (the MQTT live bus forwards them to other instances). */
    public void setAlertListener(Consumer<Alert> listener) { this.alertListener = listener == null ? a -> {} : listener; }

    private synchronized void process(List<Observation> fresh, boolean origin) {
        Set<String> touched = new LinkedHashSet<>();
        for (Observation o : fresh) {
            Optional<Station> station = stations.find(o.station());
            if (station.isEmpty()) continue;
            Optional<Observation> before = latest.get(o.station(), o.property());
            boolean newest = latest.offer(o);
            if (o.property().equals("DRP")) rain.add(o.station(), o.phenomenonTime(), o.value());
            bus.publish("observation", o.station(), observationData(station.get(), o));
            if (newest && origin) checkRise(station.get(), o, before.orElse(null));
            touched.add(o.station());
        }
        for (String code : touched) {
            Station s = stations.find(code).orElseThrow();
            StationState previous = states.get(code);
            Optional<StationState> next = judge(s);
            if (next.isEmpty()) continue;
            StationState now = next.get();
            if (now.status() != previous.status()) {
                states.put(code, now);
                bus.publish("status", code, statusData(s, previous.status(), now));
                if (origin && (previous.status() != StationStatus.NO_DATA || now.status().isAlarm())) {
                    raise(s, previous.status(), now);
                }
            } else {
                states.touch();
            }
        }
    }

    private Optional<StationState> judge(Station s) {
        StationStatus previous = states.get(s.code()).status();
        if (s.kind() == StationKind.RAIN) {
            Optional<Observation> drp = latest.get(s.code(), "DRP");
            if (drp.isEmpty()) return Optional.empty();
            StatusEvaluator.Judgement j = evaluator.rain(s, rain.totals(s.code()), previous);
            return Optional.of(new StationState(j.status(), j.property(), j.value(), j.threshold(), drp.get().phenomenonTime()));
        }
        Optional<Observation> level = latest.get(s.code(), s.kind().levelProperty());
        if (level.isEmpty()) return Optional.empty();
        Observation o = level.get();
        StatusEvaluator.Judgement j = evaluator.level(s, o.value(), o.phenomenonTime(), previous);
        return Optional.of(new StationState(j.status(), j.property(), j.value(), j.threshold(), o.phenomenonTime()));
    }

    private void raise(Station s, StationStatus from, StationState to) {
        AlertKind kind = to.status().compareTo(from) > 0 ? AlertKind.RAISED : AlertKind.CLEARED;
        String msg = String.format(Locale.ROOT, "%s %s: %s %.2f %s %s %.2f", s.name().zh(), to.status().code(),
                to.property(), to.value(), kind == AlertKind.RAISED ? "≥" : "<", thresholdName(to.property()), to.threshold());
        record(new Alert(0, s.code(), kind, from, to.status(), to.property(), to.value(), to.threshold(), to.since(),
                clock.instant(), msg, null, null));
    }

    private void checkRise(Station s, Observation o, Observation before) {
        if (before == null || riseRatePerHour <= 0 || s.kind() == StationKind.RAIN) return;
        if (!o.property().equals(s.kind().levelProperty())) return;
        Duration dt = Duration.between(before.phenomenonTime(), o.phenomenonTime());
        if (dt.isNegative() || dt.isZero() || dt.compareTo(RISE_WINDOW_MAX) > 0) return;
        double perHour = (o.value() - before.value()) * 3600.0 / dt.toSeconds();
        if (perHour < riseRatePerHour) return;
        Instant last = lastRiseAlert.get(s.code());
        if (last != null && Duration.between(last, o.phenomenonTime()).compareTo(RISE_ALERT_GAP) < 0) return;
        lastRiseAlert.put(s.code(), o.phenomenonTime());
        StationStatus st = states.get(s.code()).status();
        String msg = String.format(Locale.ROOT, "%s %s rising %.2f m/h (limit %.2f m/h)", s.name().zh(), o.property(),
                perHour, riseRatePerHour);
        record(new Alert(0, s.code(), AlertKind.RATE_OF_RISE, st, st, o.property(), perHour, riseRatePerHour,
                o.phenomenonTime(), clock.instant(), msg, null, null));
    }

    private void record(Alert a) {
        Alert stored;
        try {
            stored = store.appendAlert(a);
        } catch (RuntimeException e) {
            log.warn("alert for {} not stored: {}", a.station(), e.getMessage());
            stored = a;
        }
        bus.publish("alert", a.station(), alertData(stored));
        alertListener.accept(stored);
    }

    private static String thresholdName(String property) {
        if (property == null) return "";
        return switch (property) {
            case "FSLTDZ" -> "FSLTDZ";
            case "DRP_1H" -> "RAIN_1H";
            case "DRP_3H" -> "RAIN_3H";
            case "DRP_24H" -> "RAIN_24H";
            default -> "threshold";
        };
    }

    /** The payload of an {@code observation} event. */
    public static Map<String, Object> observationData(Station s, Observation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("STCD", s.code());
        m.put("STNM", s.name().zh());
        m.put("property", o.property());
        m.put("value", o.value());
        m.put("unit", o.unit());
        m.put("TM", o.phenomenonTime().toString());
        m.put("quality", o.quality().name().toLowerCase(Locale.ROOT));
        m.put("lon", s.longitude());
        m.put("lat", s.latitude());
        return m;
    }

    private static Map<String, Object> statusData(Station s, StationStatus from, StationState to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("STCD", s.code());
        m.put("STNM", s.name().zh());
        m.put("from", from.code());
        m.put("status", to.status().code());
        if (to.property() != null) m.put("property", to.property());
        if (Double.isFinite(to.value())) m.put("value", to.value());
        if (Double.isFinite(to.threshold())) m.put("threshold", to.threshold());
        m.put("TM", to.since() == null ? null : to.since().toString());
        m.put("lon", s.longitude());
        m.put("lat", s.latitude());
        return m;
    }

    /** The payload of an {@code alert} event and of the alert list. */
    public static Map<String, Object> alertData(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("STCD", a.station());
        m.put("kind", a.kind().name().toLowerCase(Locale.ROOT));
        m.put("from", a.from().code());
        m.put("status", a.to().code());
        m.put("property", a.property());
        if (Double.isFinite(a.value())) m.put("value", a.value());
        if (Double.isFinite(a.threshold())) m.put("threshold", a.threshold());
        m.put("TM", a.observedAt().toString());
        m.put("raisedAt", a.raisedAt().toString());
        m.put("message", a.message());
        m.put("acknowledgedBy", a.acknowledgedBy());
        m.put("acknowledgedAt", a.acknowledgedAt() == null ? null : a.acknowledgedAt().toString());
        return m;
    }
}
