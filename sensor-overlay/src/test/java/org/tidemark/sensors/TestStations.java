package org.tidemark.sensors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureSource;
import org.tidemark.sensors.model.StationRegisterReader;
import org.tidemark.sensors.model.StationRegistry;

/**
 * A small Xiangshan station register in the shape of the demo {@code hydro_stations} layer (SL 323
 * attribute names), served by a tiny in-memory source and catalog.
 */
public final class TestStations {
    public static final String RIVER = "63201100";      // 大目溪 level station, WRZ 4.0 GRZ 5.0
    public static final String RESERVOIR = "63201200";  // reservoir, FSLTDZ 29.5, WRZ 31.0, GRZ 32.5
    public static final String TIDE = "63201300";       // seawall tide station, WRZ 3.2 GRZ 3.8
    public static final String RAIN = "63201400";       // rain gauge, 1 h 30 mm, 3 h 50 mm, 24 h 100 mm
    public static final String FAR = "63209900";        // a river station far south (for bbox/row tests)

    public static final Department WATER = new Department("water", LocalizedText.of("水利局", "Water Resources Bureau"));

    public static final FeatureType TYPE = new FeatureType("hydro_stations", LocalizedText.of("水文测站", "Hydrological stations"),
            null, List.of(Attribute.of("STCD", AttributeType.STRING, "测站编码", "code"),
                    Attribute.of("STNM", AttributeType.STRING, "测站名称", "name"),
                    Attribute.of("STNM_EN", AttributeType.STRING, "英文名", "name en"),
                    Attribute.of("STTP", AttributeType.STRING, "站类", "type"),
                    Attribute.of("WRZ", AttributeType.DOUBLE, "警戒水位", "warning"),
                    Attribute.of("GRZ", AttributeType.DOUBLE, "保证水位", "guarantee"),
                    Attribute.of("FSLTDZ", AttributeType.DOUBLE, "汛限水位", "flood limit"),
                    Attribute.of("RAIN_1H", AttributeType.DOUBLE, "1h", "1h"),
                    Attribute.of("RAIN_3H", AttributeType.DOUBLE, "3h", "3h"),
                    Attribute.of("RAIN_24H", AttributeType.DOUBLE, "24h", "24h"),
                    Attribute.of("DTMNM", AttributeType.STRING, "基面", "datum")),
            "geom", GeometryKind.POINT, 4490, null);

    private TestStations() {}

    public static List<Feature> features() {
        GeometryFactory g = new GeometryFactory();
        List<Feature> out = new ArrayList<>();
        out.add(f(g, RIVER, "大目溪站", "Damu Stream", "ZZ", 121.87, 29.47, 4.0, 5.0, null, null, null, null));
        out.add(f(g, RESERVOIR, "仓岙水库", "Cang'ao Reservoir", "RR", 121.80, 29.50, 31.0, 32.5, 29.5, null, null, null));
        out.add(f(g, TIDE, "石浦潮位站", "Shipu Tide", "TT", 121.95, 29.20, 3.2, 3.8, null, null, null, null));
        out.add(f(g, RAIN, "西周雨量站", "Xizhou Rain", "PP", 121.75, 29.55, null, null, null, 30.0, 50.0, 100.0));
        out.add(f(g, FAR, "南田站", "Nantian", "ZZ", 122.00, 28.90, 3.0, 4.0, null, null, null, null));
        return out;
    }

    private static Feature f(GeometryFactory g, String code, String zh, String en, String sttp, double lon, double lat,
                             Double wrz, Double grz, Double fsl, Double r1, Double r3, Double r24) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("STCD", code);
        p.put("STNM", zh);
        p.put("STNM_EN", en);
        p.put("STTP", sttp);
        p.put("WRZ", wrz);
        p.put("GRZ", grz);
        p.put("FSLTDZ", fsl);
        p.put("RAIN_1H", r1);
        p.put("RAIN_3H", r3);
        p.put("RAIN_24H", r24);
        p.put("DTMNM", "1985国家高程基准");
        return new Feature(code, g.createPoint(new Coordinate(lon, lat)), p);
    }

    /** A read-only source over a fixed list (only what the register reader needs). */
    public static FeatureSource source() {
        List<Feature> features = features();
        return new FeatureSource() {
            public FeatureType type() { return TYPE; }
            public FeatureCursor query(FeatureQuery q) { return FeatureCursor.of(features.iterator()); }
            public long count(FeatureQuery q) { return features.size(); }
            public Envelope extent() { return new Envelope(121.7, 122.0, 28.9, 29.6); }
        };
    }

    public static Layer layer() { return new Layer(TYPE, WATER, List.of(), "static", true, false, null); }

    public static LayerCatalog catalog() {
        FeatureSource src = source();
        return new LayerCatalog() {
            public List<Layer> layers() { return List.of(TestStations.layer()); }
            public Optional<FeatureSource> source(String name) {
                return name.equals("hydro_stations") ? Optional.of(src) : Optional.empty();
            }
        };
    }

    public static StationRegistry registry() { return StationRegisterReader.read(layer(), source()); }
}
