package org.tidemark.sensors.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.tidemark.core.sensor.ObservedProperty;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.Quality;
import org.tidemark.sensors.model.StationRegistry;

/**
 * Checks one reading: a registered station, a known property, the property's unit, a physically
 * plausible value, an RFC 3339 time with offset that is not in the future (beyond a clock-skew
 * tolerance), a known quality flag. Nothing that fails here reaches the store.
 */
public final class ObservationValidator {
    private final StationRegistry stations;
    private final Clock clock;
    private final Duration futureTolerance;

    public ObservationValidator(StationRegistry stations, Clock clock, Duration futureTolerance) {
        this.stations = stations;
        this.clock = clock;
        this.futureTolerance = futureTolerance;
    }

    /** The outcome for one reading: exactly one of {@code observation} and {@code rejection} is set. */
    public record Outcome(Observation observation, Rejection rejection) {
        public boolean valid() { return observation != null; }
    }

    public Outcome validate(int index, ObservationInput in) {
        if (in == null) return fail(index, RejectReason.MALFORMED, "not an object");
        if (blank(in.station())) return fail(index, RejectReason.MISSING_FIELD, "station is missing");
        if (blank(in.property())) return fail(index, RejectReason.MISSING_FIELD, "property is missing");
        if (blank(in.time())) return fail(index, RejectReason.MISSING_FIELD, "time is missing");
        if (in.value() == null) return fail(index, RejectReason.MISSING_FIELD, "value is missing");
        if (stations.find(in.station()).isEmpty()) {
            return fail(index, RejectReason.UNKNOWN_STATION, "unknown station " + clip(in.station()));
        }
        Optional<ObservedProperty> property = ObservedProperty.find(in.property());
        if (property.isEmpty()) return fail(index, RejectReason.UNKNOWN_PROPERTY, "unknown property " + clip(in.property()));
        ObservedProperty p = property.get();
        if (in.unit() != null && !in.unit().equals(p.unit())) {
            return fail(index, RejectReason.BAD_UNIT, p.name() + " must be reported in " + p.unit());
        }
        double v = in.value();
        if (!Double.isFinite(v) || !p.inRange(v)) {
            return fail(index, RejectReason.OUT_OF_RANGE, p.name() + " " + v + " outside [" + p.min() + ", " + p.max() + "]");
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(in.time()).toInstant();
        } catch (DateTimeParseException e) {
            return fail(index, RejectReason.BAD_TIME, "time must be RFC 3339 with an offset, e.g. 2026-09-14T10:00:00+08:00");
        }
        Instant now = clock.instant();
        if (time.isAfter(now.plus(futureTolerance))) return fail(index, RejectReason.FUTURE_TIME, "time is in the future");
        Quality q;
        try {
            q = Quality.parse(in.quality());
        } catch (IllegalArgumentException e) {
            return fail(index, RejectReason.BAD_QUALITY, "quality must be good, suspect, estimated or bad");
        }
        return new Outcome(new Observation(in.station(), p.name(), time, now, v, p.unit(), q), null);
    }

    private static Outcome fail(int index, RejectReason reason, String detail) {
        return new Outcome(null, new Rejection(index, reason, detail));
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    private static String clip(String s) { return s.length() > 40 ? s.substring(0, 40) + "…" : s; }
}
