package org.tidemark.sensors.model;

import java.time.Instant;
import java.util.Optional;
import org.tidemark.core.sensor.Station;
import org.tidemark.core.sensor.StationKind;
import org.tidemark.core.sensor.StationStatus;
import org.tidemark.core.sensor.Thresholds;

/**
 * Decides a station's status from its latest level or its rain totals, with hysteresis so a value
 * hovering at a threshold does not flap: once raised, a status falls back only when the value has
 * dropped {@code levelBand} metres (or {@code rainFraction} of the threshold) below the threshold.
 *
 * <p>Levels: {@code DANGER} at or above the guarantee level GRZ (保证水位); {@code WARNING} at or above the
 * warning level WRZ (警戒水位), or for reservoirs above the flood-limit level FSLTDZ (汛限水位) in force
 * on that date. Rain: {@code WARNING} when a 1/3/24 h total reaches its threshold, {@code DANGER} at
 * twice the threshold (the ratio between the orange and red rainstorm signals, 50 and 100 mm in 3 h).
 */
public final class StatusEvaluator {
    private final double levelBand;
    private final double rainFraction;

    public StatusEvaluator(double levelBand, double rainFraction) {
        this.levelBand = levelBand;
        this.rainFraction = rainFraction;
    }

    /** What a level or rain threshold crossing is judged against. */
    public record Judgement(StationStatus status, String property, double value, double threshold) {}

    /**
     * The new status of a level station.
     *
     * @param previous the status before this reading
     */
    public Judgement level(Station station, double value, Instant time, StationStatus previous) {
        Judgement raw = levelRaw(station, value, time);
        if (raw.status().compareTo(previous) >= 0 || previous == StationStatus.NO_DATA) return raw;
        Judgement sticky = levelRaw(station, value + levelBand, time);   // the band below each threshold
        StationStatus s = sticky.status().compareTo(previous) > 0 ? previous : sticky.status();
        return new Judgement(s, sticky.property(), value, sticky.threshold());
    }

    private Judgement levelRaw(Station station, double v, Instant time) {
        Thresholds t = station.thresholds();
        String prop = station.kind().levelProperty();
        if (t.guaranteeLevel() != null && v >= t.guaranteeLevel()) {
            return new Judgement(StationStatus.DANGER, prop, v, t.guaranteeLevel());
        }
        if (t.warningLevel() != null && v >= t.warningLevel()) {
            return new Judgement(StationStatus.WARNING, prop, v, t.warningLevel());
        }
        if (station.kind() == StationKind.RESERVOIR) {
            Optional<Double> fsl = t.floodLimitAt(time);
            if (fsl.isPresent() && v > fsl.get()) return new Judgement(StationStatus.WARNING, "FSLTDZ", v, fsl.get());
        }
        return new Judgement(StationStatus.NORMAL, prop, v, t.warningLevel() == null ? Double.NaN : t.warningLevel());
    }

    /** The new status of a rain gauge from its totals. */
    public Judgement rain(Station station, RainAccumulator.RainTotals totals, StationStatus previous) {
        Judgement raw = rainRaw(station, totals, 1.0);
        if (raw.status().compareTo(previous) >= 0 || previous == StationStatus.NO_DATA) return raw;
        Judgement sticky = rainRaw(station, totals, 1.0 - rainFraction);
        StationStatus s = sticky.status().compareTo(previous) > 0 ? previous : sticky.status();
        return new Judgement(s, sticky.property(), sticky.value(), sticky.threshold());
    }

    private static Judgement rainRaw(Station station, RainAccumulator.RainTotals r, double factor) {
        Thresholds t = station.thresholds();
        Judgement best = new Judgement(StationStatus.NORMAL, "DRP_1H", r.h1(), t.rain1h() == null ? Double.NaN : t.rain1h());
        best = worse(best, judge("DRP_1H", r.h1(), t.rain1h(), factor));
        best = worse(best, judge("DRP_3H", r.h3(), t.rain3h(), factor));
        best = worse(best, judge("DRP_24H", r.h24(), t.rain24h(), factor));
        return best;
    }

    private static Judgement judge(String prop, double total, Double threshold, double factor) {
        if (threshold == null || threshold <= 0) return null;
        StationStatus s = total >= 2 * threshold * factor ? StationStatus.DANGER
                : total >= threshold * factor ? StationStatus.WARNING : StationStatus.NORMAL;
        return new Judgement(s, prop, total, s == StationStatus.DANGER ? 2 * threshold : threshold);
    }

    private static Judgement worse(Judgement a, Judgement b) {
        return b != null && b.status().compareTo(a.status()) > 0 ? b : a;
    }
}
