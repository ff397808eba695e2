package org.tidemark.sensors.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.Station;
import org.tidemark.core.sensor.Thresholds;
import org.tidemark.sensors.live.GaugeAccess;
import org.tidemark.sensors.model.LatestValues;
import org.tidemark.sensors.model.RainAccumulator;
import org.tidemark.sensors.model.StationState;
import org.tidemark.sensors.model.StationStates;

/** The JSON shape of a station in {@code GET /api/sensors/stations}, with SL 323 names. */
final class StationJson {
    private final LatestValues latest;
    private final RainAccumulator rain;
    private final StationStates states;
    private final Clock clock;
    private final Duration staleAfter;

    StationJson(LatestValues latest, RainAccumulator rain, StationStates states, Clock clock, Duration staleAfter) {
        this.latest = latest;
        this.rain = rain;
        this.states = states;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    Map<String, Object> of(Station s, GaugeAccess.View view) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("STCD", s.code());
        m.put("STNM", s.name().zh());
        m.put("STNM_EN", s.name().en());
        m.put("STTP", s.kind().sttp());
        m.put("kind", s.kind().name().toLowerCase());
        m.put("lon", s.longitude());
        m.put("lat", s.latitude());
        m.put("department", s.department());
        m.put("DTMNM", s.datum());
        Thresholds t = s.thresholds();
        Map<String, Object> th = new LinkedHashMap<>();
        th.put("WRZ", t.warningLevel());
        th.put("GRZ", t.guaranteeLevel());
        Instant now = clock.instant();
        th.put("FSLTDZ", t.floodLimitAt(now).orElse(null));
        th.put("FSLTDZ_SEASONS", t.floodLimits().stream().map(f -> Map.of("BGMD", f.begin().toString().substring(2),
                "EDMD", f.end().toString().substring(2), "FSLTDZ", f.level())).toList());
        th.put("RAIN_1H", t.rain1h());
        th.put("RAIN_3H", t.rain3h());
        th.put("RAIN_24H", t.rain24h());
        m.put("thresholds", th);
        Map<String, Object> values = new LinkedHashMap<>();
        Instant tm = null;
        for (Observation o : latest.of(s.code()).values()) {
            if (!view.attributeVisible(o.property())) continue;
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("value", o.value());
            v.put("unit", o.unit());
            v.put("TM", o.phenomenonTime().toString());
            v.put("quality", o.quality().name().toLowerCase());
            values.put(o.property(), v);
            if (tm == null || o.phenomenonTime().isAfter(tm)) tm = o.phenomenonTime();
        }
        m.put("latest", values);
        if (latest.get(s.code(), "DRP").isPresent()) {
            RainAccumulator.RainTotals r = rain.totals(s.code());
            m.put("rain", view.mask(Map.of("DRP_1H", r.h1(), "DRP_3H", r.h3(), "DRP_24H", r.h24())));
        }
        m.put("TM", tm == null ? null : tm.toString());
        if (s.kind().levelProperty() != null && view.attributeVisible("WPTN")) {
            m.put("WPTN", latest.trend(s.code(), s.kind().levelProperty()));
        }
        m.put("stale", tm == null || Duration.between(tm, now).compareTo(staleAfter) > 0);
        StationState st = states.get(s.code());
        if (view.attributeVisible("status")) {
            m.put("status", st.status().code());
            if (st.property() != null) {
                Map<String, Object> reason = new LinkedHashMap<>();
                reason.put("property", st.property());
                reason.put("value", Double.isFinite(st.value()) ? st.value() : null);
                reason.put("threshold", Double.isFinite(st.threshold()) ? st.threshold() : null);
                if (Double.isFinite(st.value()) && Double.isFinite(st.threshold())) {
                    reason.put("margin", Math.round((st.threshold() - st.value()) * 1000) / 1000.0);
                }
                m.put("statusReason", reason);
            }
        }
        // the station's own gauge attributes (STNM_EN, STTP, DTMNM, TM) and what derives from them follow the grant too
        if (!view.attributeVisible("STTP")) m.remove("kind");
        if (!view.attributeVisible("FSLTDZ")) th.remove("FSLTDZ_SEASONS");
        m.put("thresholds", view.mask(th));
        if (!view.attributeVisible("TM")) values.values().forEach(v -> ((Map<?, ?>) v).remove("TM"));
        return view.mask(m);
    }
}
