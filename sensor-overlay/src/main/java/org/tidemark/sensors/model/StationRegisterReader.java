package org.tidemark.sensors.model;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.sensor.FloodLimit;
import org.tidemark.core.sensor.Station;
import org.tidemark.core.sensor.StationKind;
import org.tidemark.core.sensor.Thresholds;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureSource;

/**
 * Reads the station register layer ({@code hydro_stations}) whose attributes carry the SL 323 names:
 * {@code STCD, STNM, STNM_EN, STTP, WRZ, GRZ, FSLTDZ, RAIN_1H, RAIN_3H, RAIN_24H, DTMNM}. Features
 * without a point geometry, a code or a known station type are skipped with a warning.
 */
public final class StationRegisterReader {
    private static final Logger log = LoggerFactory.getLogger(StationRegisterReader.class);

    private StationRegisterReader() {}

    public static StationRegistry read(Layer layer, FeatureSource source) {
        return read(layer.department() == null ? null : layer.department().code(), source);
    }

    /** Reads the register; {@code department} is the owner recorded on every station. */
    public static StationRegistry read(String department, FeatureSource source) {
        List<Station> stations = new ArrayList<>();
        try (FeatureCursor cursor = source.query(FeatureQuery.all(source.type().name()))) {
            while (cursor.hasNext()) {
                Feature f = cursor.next();
                try {
                    stations.add(station(f, department));
                } catch (RuntimeException e) {
                    log.warn("skipping station register feature {}: {}", f.id(), e.getMessage());
                }
            }
        }
        return new StationRegistry(stations);
    }

    static Station station(Feature f, String department) {
        if (!(f.geometry() instanceof Point p) || p.isEmpty()) throw new IllegalArgumentException("no point geometry");
        String code = text(f, "STCD");
        if (code == null) throw new IllegalArgumentException("no STCD");
        String zh = text(f, "STNM");
        LocalizedText name = LocalizedText.of(zh == null ? code : zh, text(f, "STNM_EN"));
        Double fsl = number(f, "FSLTDZ");
        Thresholds t = new Thresholds(number(f, "WRZ"), number(f, "GRZ"),
                fsl == null ? List.of() : List.of(FloodLimit.allYear(fsl)),
                number(f, "RAIN_1H"), number(f, "RAIN_3H"), number(f, "RAIN_24H"));
        return new Station(code, name, StationKind.fromSttp(text(f, "STTP")), p.getX(), p.getY(), department,
                text(f, "DTMNM"), t);
    }

    private static String text(Feature f, String name) {
        Object v = f.get(name);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    private static Double number(Feature f, String name) {
        Object v = f.get(name);
        if (v instanceof Number n) return Double.isNaN(n.doubleValue()) ? null : n.doubleValue();
        if (v instanceof String s && !s.isBlank()) return Double.valueOf(s.trim());
        return null;
    }
}
