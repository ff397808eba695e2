package org.tidemark.sensors.live;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.Station;
import org.tidemark.core.sensor.Thresholds;
import org.tidemark.sensors.model.LatestValues;
import org.tidemark.sensors.model.RainAccumulator;
import org.tidemark.sensors.model.StationStates;

/**
 * Builds the features of the live {@code gauges} layer: one point per station with its SL 323 register
 * fields, latest values ({@code Z}, {@code RZ}, {@code TDZ}, {@code DRP} and rain totals), the newest
 * observation time {@code TM}, the thresholds and the status.
 */
public final class GaugeFeatures {
    public static final String LAYER = "gauges";
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4490);
    static final List<String> LEVELS = List.of("Z", "RZ", "TDZ", "DRP");

    public static final FeatureType TYPE = new FeatureType(LAYER,
            LocalizedText.of("实时水雨情站点", "Live gauges"),
            LocalizedText.of("各测站最新水位、雨量及预警状态（SL 323 字段名）",
                    "Latest water level, rainfall and alarm status of every station (SL 323 field names)"),
            List.of(Attribute.of("STCD", AttributeType.STRING, "测站编码", "Station code"),
                    Attribute.of("STNM", AttributeType.STRING, "测站名称", "Station name"),
                    Attribute.of("STNM_EN", AttributeType.STRING, "英文名称", "Station name (English)"),
                    Attribute.of("STTP", AttributeType.STRING, "站类", "Station type"),
                    Attribute.of("Z", AttributeType.DOUBLE, "河道水位 (m)", "River level (m)"),
                    Attribute.of("RZ", AttributeType.DOUBLE, "库上水位 (m)", "Reservoir level (m)"),
                    Attribute.of("TDZ", AttributeType.DOUBLE, "潮位 (m)", "Tide level (m)"),
                    Attribute.of("DRP", AttributeType.DOUBLE, "时段降水量 (mm)", "Period rainfall (mm)"),
                    Attribute.of("DRP_1H", AttributeType.DOUBLE, "1小时雨量 (mm)", "1 h rainfall (mm)"),
                    Attribute.of("DRP_3H", AttributeType.DOUBLE, "3小时雨量 (mm)", "3 h rainfall (mm)"),
                    Attribute.of("DRP_24H", AttributeType.DOUBLE, "24小时雨量 (mm)", "24 h rainfall (mm)"),
                    Attribute.of("TM", AttributeType.DATETIME, "观测时间", "Observation time"),
                    Attribute.of("WPTN", AttributeType.INTEGER, "水势 (4涨 5落 6平)", "Trend (4 rising, 5 falling, 6 steady)"),
                    Attribute.of("status", AttributeType.STRING, "预警状态", "Alarm status"),
                    Attribute.of("WRZ", AttributeType.DOUBLE, "警戒水位 (m)", "Warning level (m)"),
                    Attribute.of("GRZ", AttributeType.DOUBLE, "保证水位 (m)", "Guarantee level (m)"),
                    Attribute.of("FSLTDZ", AttributeType.DOUBLE, "汛限水位 (m)", "Flood-limit level (m)"),
                    Attribute.of("DTMNM", AttributeType.STRING, "基面名称", "Datum")),
            "geom", GeometryKind.POINT, 4490, "TM");

    private final LatestValues latest;
    private final RainAccumulator rain;
    private final StationStates states;

    public GaugeFeatures(LatestValues latest, RainAccumulator rain, StationStates states) {
        this.latest = latest;
        this.rain = rain;
        this.states = states;
    }

    public Feature feature(Station s) {
        Map<String, Observation> values = latest.of(s.code());
        boolean hasRain = values.containsKey("DRP");
        return build(s, values, hasRain ? rain.totals(s.code()) : null,
                s.kind().levelProperty() == null ? null : latest.trend(s.code(), s.kind().levelProperty()),
                states.get(s.code()).status().code());
    }

    /**
     * One station's feature from its values per property ({@code Z}, {@code RZ}, {@code TDZ}, {@code DRP}; the
     * newest time among them is {@code TM}), its rain totals (null when it reports no rain), trend and status.
     * Shared by the live view and the history view ({@link GaugeHistory}).
     */
    static Feature build(Station s, Map<String, Observation> values, RainAccumulator.RainTotals r, Integer trend,
                         String status) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("STCD", s.code());
        p.put("STNM", s.name().zh());
        p.put("STNM_EN", s.name().en());
        p.put("STTP", s.kind().sttp());
        Instant tm = null;
        for (String prop : LEVELS) {
            Observation o = values.get(prop);
            p.put(prop, o == null ? null : o.value());
            if (o != null && (tm == null || o.phenomenonTime().isAfter(tm))) tm = o.phenomenonTime();
        }
        p.put("DRP_1H", r != null ? r.h1() : null);
        p.put("DRP_3H", r != null ? r.h3() : null);
        p.put("DRP_24H", r != null ? r.h24() : null);
        p.put("TM", tm);
        p.put("WPTN", trend);
        p.put("status", status);
        Thresholds t = s.thresholds();
        p.put("WRZ", t.warningLevel());
        p.put("GRZ", t.guaranteeLevel());
        p.put("FSLTDZ", t.floodLimitAt(tm == null ? Instant.now() : tm).orElse(null));
        p.put("DTMNM", s.datum());
        return new Feature(s.code(), GEOMETRY.createPoint(new Coordinate(s.longitude(), s.latitude())), p);
    }
}
