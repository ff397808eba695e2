package org.tidemark.sensors.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidemark.core.sensor.Station;
import org.tidemark.core.sensor.StationKind;
import org.tidemark.core.sensor.Thresholds;
import org.tidemark.sensors.ingest.IngestService;
import org.tidemark.sensors.ingest.ObservationInput;
import org.tidemark.sensors.ingest.QueueFullException;
import org.tidemark.sensors.model.StationRegistry;

/**
 * The demo feed: a repeating typhoon scenario that posts a reading for every station each period through
 * the normal ingest path. Rain bands come first, streams then reservoirs rise behind them, and the tide
 * (an astronomical tide plus storm surge) peaks last at the seawalls. A few stations, chosen from the
 * seed, are driven past their guarantee level (red) and a few past their warning level (yellow); the
 * rest stay below. Readings depend only on the seed, the station and the time slot, so the scenario is
 * reproducible and two instances produce identical (de-duplicated) readings.
 */
public final class TyphoonSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TyphoonSimulator.class);

    /** How hard the scenario drives a station. */
    enum Role { DANGER, WARNING, CALM }

    private final StationRegistry stations;
    private final IngestService ingest;
    private final Clock clock;
    private final long seed;
    private final Duration period;
    private final Duration cycle;
    private final Map<String, Role> roles = new java.util.concurrent.ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    public TyphoonSimulator(StationRegistry stations, IngestService ingest, Clock clock, long seed, Duration period,
                            Duration cycle) {
        this.stations = stations;
        this.ingest = ingest;
        this.clock = clock;
        this.seed = seed;
        this.period = period;
        this.cycle = cycle;
        assignRoles();
    }

    private void assignRoles() {
        roles.clear();
        List<Station> levels = new ArrayList<>(), rain = new ArrayList<>();
        for (Station s : stations.all()) (s.kind() == StationKind.RAIN ? rain : levels).add(s);
        java.util.Collections.shuffle(levels, new Random(seed));
        java.util.Collections.shuffle(rain, new Random(seed + 1));
        for (int i = 0; i < levels.size(); i++) roles.put(levels.get(i).code(), i < 2 ? Role.DANGER : i < 5 ? Role.WARNING : Role.CALM);
        for (int i = 0; i < rain.size(); i++) roles.put(rain.get(i).code(), i < 1 ? Role.DANGER : i < 3 ? Role.WARNING : Role.CALM);
    }

    Role role(String code) {
        if (roles.size() != stations.size()) assignRoles();   // the register arrived or changed
        return roles.getOrDefault(code, Role.CALM);
    }

    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("typhoon-demo").daemon().unstarted(r));
        scheduler.scheduleAtFixedRate(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        log.info("demo typhoon feed on: {} stations, one reading each per {}", stations.size(), period);
    }

    private void tick() {
        try {
            ingest.submitValid("demo", readingsAt(clock.instant()));
        } catch (QueueFullException e) {
            log.debug("demo feed skipped a slot: queue full");
        } catch (RuntimeException e) {
            log.warn("demo feed error: {}", e.toString());
        }
    }

    /** The readings of the time slot containing {@code now}, one per station (rain gauges: rainfall). */
    public List<ObservationInput> readingsAt(Instant now) {
        long slot = Math.floorDiv(now.getEpochSecond(), period.toSeconds());
        Instant t = Instant.ofEpochSecond(slot * period.toSeconds());
        double phase = (double) Math.floorMod(t.getEpochSecond(), cycle.toSeconds()) / cycle.toSeconds();
        String time = t.atOffset(ZoneOffset.ofHours(8)).toString();
        List<ObservationInput> out = new ArrayList<>();
        for (Station s : stations.all()) {
            Random noise = new Random(seed * 31 + s.code().hashCode() * 17L + slot);
            Role role = role(s.code());
            double v = switch (s.kind()) {
                case RAIN -> rain(s.thresholds(), role, phase, noise);
                case RIVER -> level(s.thresholds(), role, storm(phase - 0.05), 2.0, noise);
                case RESERVOIR -> reservoir(s.thresholds(), t, role, storm(phase - 0.12), noise);
                case TIDE -> tide(s.thresholds(), role, phase, noise);
            };
            String property = s.kind() == StationKind.RAIN ? "DRP" : s.kind().levelProperty();
            out.add(new ObservationInput(s.code(), property, time, Math.round(v * 1000) / 1000.0, null, null));
        }
        return out;
    }

    /** Typhoon intensity 0..1 over the cycle: calm, a rise to the peak at 55 %, then a decline to 90 %. */
    static double storm(double phase) {
        double p = phase - Math.floor(phase);
        if (p < 0.1 || p > 0.9) return 0;
        return p <= 0.55 ? Math.sin((p - 0.1) / 0.45 * Math.PI / 2) : Math.cos((p - 0.55) / 0.35 * Math.PI / 2);
    }

    private double rain(Thresholds t, Role role, double phase, Random noise) {
        double oneHour = t.rain1h() != null ? t.rain1h() : 30;
        double factor = switch (role) { case DANGER -> 1.2; case WARNING -> 0.6; case CALM -> 0.15; };
        double perTenMinutes = storm(phase) * factor * oneHour;
        double v = perTenMinutes * period.toSeconds() / 600.0 * (0.7 + 0.6 * noise.nextDouble());
        return Math.max(0, v);
    }

    private static double level(Thresholds t, Role role, double intensity, double fallbackBase, Random noise) {
        Double wrz = t.warningLevel(), grz = t.guaranteeLevel();
        double warn = wrz != null ? wrz : grz != null ? grz - 1.0 : fallbackBase + 1.5;
        double guarantee = grz != null ? grz : warn + 1.0;
        double base = warn - 1.5;
        double peak = switch (role) {
            case DANGER -> guarantee + 0.3;
            case WARNING -> (warn + guarantee) / 2;
            case CALM -> warn - 0.4;
        };
        return base + (peak - base) * intensity + 0.02 * (noise.nextDouble() - 0.5);
    }

    private static double reservoir(Thresholds t, Instant time, Role role, double intensity, Random noise) {
        Double fsl = t.floodLimitAt(time).orElse(null);
        if (t.warningLevel() != null || t.guaranteeLevel() != null || fsl == null) {
            return level(t, role, intensity, fsl == null ? 20.0 : fsl - 1.0, noise);
        }
        double base = fsl - 1.2;
        double peak = switch (role) { case DANGER, WARNING -> fsl + 0.5; case CALM -> fsl - 0.3; };
        return base + (peak - base) * intensity + 0.01 * (noise.nextDouble() - 0.5);
    }

    private double tide(Thresholds t, Role role, double phase, Random noise) {
        double astronomical = 0.8 * Math.sin(phase * 4 * Math.PI);   // two tides per cycle
        double surge = storm(phase - 0.2);
        return level(t, role, Math.max(0, Math.min(1, 0.35 + 0.35 * astronomical + 0.65 * surge)), 1.5, noise);
    }

    @Override
    public void close() {
        if (scheduler != null) scheduler.shutdownNow();
    }
}
