package org.tidemark.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.coverage.GridElevationModel;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.Feature;

class DemoDatasetTest {
    private static final Envelope BOX = new Envelope(Grid.WEST, Grid.EAST, Grid.SOUTH, Grid.NORTH);
    private final DemoDataset data = SharedDemo.dataset();

    @Test
    void sameSeedGivesTheSameChecksum() {
        DemoDataset again = DemoDataset.generate(DemoDataset.DEFAULT_SEED, s -> { });
        assertThat(again.checksum()).isEqualTo(data.checksum());
    }

    @Test
    void layersAreTheAgreedOnesWithBilingualMetadata() {
        assertThat(data.layers()).extracting(Layer::name).containsExactly("land", "buildings", "roads", "place_names",
                "reservoirs", "seawalls", "streams", "hydro_stations", "police_cameras", "coastal_cameras",
                "low_lying_areas", "flood_zones", "flood_progression");
        Map<String, String> dept = data.layers().stream().collect(Collectors.toMap(Layer::name, l -> l.department().code()));
        assertThat(dept).containsEntry("buildings", "planning").containsEntry("hydro_stations", "water")
                .containsEntry("police_cameras", "police").containsEntry("coastal_cameras", "ocean").containsEntry("flood_zones", "emergency")
                .containsEntry("flood_progression", "emergency");
        for (Layer l : data.layers()) {
            assertThat(l.title().zh()).isNotEqualTo(l.title().en());
            assertThat(l.type().description().en()).contains("Demo data");
            assertThat(l.type().geometryName()).isEqualTo("geom");
            assertThat(l.contact()).isNotBlank();
            assertThat(l.type().attributes()).allSatisfy(a -> assertThat(a.title().zh()).isNotEqualTo(a.title().en()));
        }
        assertThat(data.layers().stream().filter(Layer::isPublic).map(Layer::name)).contains("land", "roads", "place_names");
    }

    @Test
    void everyFeatureMatchesItsSchema() {
        for (Layer l : data.layers()) {
            List<Feature> fs = data.features(l.name());
            assertThat(fs).as(l.name()).isNotEmpty();
            Set<String> ids = new HashSet<>();
            for (Feature f : fs) {
                assertThat(ids.add(f.id())).as("unique id %s", f.id()).isTrue();
                assertThat(f.geometry().getGeometryType()).as(f.id()).isEqualTo(l.type().geometryKind().simpleFeaturesName());
                assertThat(f.geometry().isValid()).as("valid %s", f.id()).isTrue();
                assertThat(BOX.covers(f.geometry().getEnvelopeInternal())).as("in box %s", f.id()).isTrue();
                assertThat(l.type().attributeNames()).containsAll(f.properties().keySet());
                for (Attribute a : l.type().attributes()) {
                    Object v = f.get(a.name());
                    if (v != null) assertThat(v).as("%s.%s", f.id(), a.name()).isInstanceOf(a.type().javaType());
                }
            }
        }
    }

    @Test
    void demIsPlausibleAndNaNOverTheSea() {
        GridElevationModel dem = data.elevation();
        assertThat(dem.width()).isEqualTo(2520);
        assertThat(dem.height()).isEqualTo(3240);
        assertThat(dem.resolution()).isEqualTo(1.0 / 3600);
        double max = 0;
        long valid = 0;
        for (int r = 0; r < dem.height(); r++) {
            for (int c = 0; c < dem.width(); c++) {
                float v = dem.cell(c, r);
                if (Float.isNaN(v)) continue;
                valid++;
                assertThat(v).isBetween(0f, 850f);
                max = Math.max(max, v);
            }
        }
        assertThat(max).isBetween(600.0, 850.0);
        assertThat((double) valid / (dem.width() * dem.height())).isBetween(0.3, 0.5);
        assertThat(dem.elevation(122.2, 29.0)).as("open sea east of the islands").isNaN();
        assertThat(dem.elevation(121.76, 29.60)).as("Xiangshan Harbour").isNaN();
        for (Town t : data.terrain.towns) assertThat(dem.elevation(t.lon(), t.lat())).as(t.en()).isBetween(0.3, 6.0);
    }

    @Test
    void everyLandCellDrainsDownhillToTheSeaOrTheBoxEdge() {
        Terrain t = data.terrain;
        for (int i = 0; i < t.z.length; i++) {
            if (!t.cLand[i]) continue;
            int c = i;
            int steps = 0;
            while (t.receiver[c] >= 0 && t.cLand[c]) {
                assertThat(t.z[t.receiver[c]]).as("downhill from cell %d", c).isLessThan(t.z[c]);
                c = t.receiver[c];
                assertThat(++steps).isLessThan(t.z.length);
            }
        }
    }

    @Test
    void atLeastTwentyThousandBuildingsOnLandThatNeverOverlap() {
        List<Feature> buildings = data.features("buildings");
        assertThat(buildings).hasSizeGreaterThanOrEqualTo(20_000);
        STRtree index = new STRtree();
        for (Feature b : buildings) {
            for (Coordinate c : b.geometry().getCoordinates()) {
                assertThat(data.elevation().elevation(c.x, c.y)).as("on land %s", b.id()).isNotNaN();
            }
            assertThat((Integer) b.get("floors")).isPositive();
            assertThat((Double) b.get("height")).isGreaterThan(2.5);
            assertThat((String) b.get("use")).isIn("residential", "commercial", "public", "industrial", "agricultural");
            index.insert(b.geometry().getEnvelopeInternal(), b.geometry());
        }
        for (Feature b : buildings) {
            @SuppressWarnings("unchecked")
            List<Geometry> near = index.query(b.geometry().getEnvelopeInternal());
            for (Geometry g : near) {
                if (g != b.geometry()) assertThat(g.intersects(b.geometry())).as("overlap at %s", b.id()).isFalse();
            }
        }
        Map<Object, Long> perTown = buildings.stream().collect(Collectors.groupingBy(b -> b.get("town"), Collectors.counting()));
        assertThat(perTown.get("丹城")).isGreaterThan(5000);
        assertThat(perTown.get("石浦")).isGreaterThan(2500);
    }

    @Test
    void stationsHaveSl323CodesAndOrderedThresholds() {
        List<Feature> st = data.features("hydro_stations");
        Map<Object, Long> byType = st.stream().collect(Collectors.groupingBy(f -> f.get("STTP"), Collectors.counting()));
        long waterLevel = byType.getOrDefault("RR", 0L) + byType.getOrDefault("ZZ", 0L) + byType.getOrDefault("TT", 0L);
        assertThat(waterLevel).isBetween(50L, 70L);
        assertThat(byType.get("PP")).isEqualTo(40L);
        assertThat(byType.keySet()).containsExactlyInAnyOrder("RR", "ZZ", "TT", "PP");
        Set<Object> codes = new HashSet<>();
        for (Feature f : st) {
            String stcd = (String) f.get("STCD");
            assertThat(stcd).hasSize(8);
            assertThat(codes.add(stcd)).isTrue();
            assertThat(f.get("ADDVCD")).isEqualTo("330225");
            Double wrz = (Double) f.get("WRZ");
            Double grz = (Double) f.get("GRZ");
            switch ((String) f.get("STTP")) {
                case "RR" -> assertThat((Double) f.get("FSLTDZ")).isLessThan(wrz).isLessThan(grz);
                case "ZZ", "TT" -> assertThat(wrz).isLessThan(grz);
                default -> {
                    assertThat(wrz).isNull();
                    assertThat((Double) f.get("RAIN_1H")).isLessThan((Double) f.get("RAIN_3H"));
                    assertThat((Double) f.get("RAIN_3H")).isLessThan((Double) f.get("RAIN_24H"));
                }
            }
            if (!"PP".equals(f.get("STTP"))) assertThat(wrz).isLessThan(grz);
        }
    }

    @Test
    void reservoirsAreFlatBasinsWithConsistentLevels() {
        List<Feature> res = data.features("reservoirs");
        assertThat(res).hasSizeGreaterThanOrEqualTo(3);
        for (Feature r : res) {
            double normal = (Double) r.get("normal_level");
            assertThat((Double) r.get("flood_limit_level")).isLessThan(normal);
            assertThat((Double) r.get("dam_crest")).isGreaterThan(normal);
            assertThat((Double) r.get("capacity_mcm")).isPositive();
            var p = r.geometry().getInteriorPoint();
            assertThat(data.elevation().elevation(p.getX(), p.getY())).isCloseTo(normal, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void camerasAreSplitBetweenPoliceAndOceanWithViewGeometry() {
        assertThat(data.features("police_cameras")).hasSize(200);
        assertThat(data.features("coastal_cameras")).hasSize(100);
        List<Feature> all = new ArrayList<>(data.features("police_cameras"));
        all.addAll(data.features("coastal_cameras"));
        for (Feature c : all) {
            assertThat((Double) c.get("heading")).isBetween(0.0, 360.0);
            assertThat((Double) c.get("fov")).isBetween(10.0, 120.0);
            assertThat((Double) c.get("range_m")).isPositive();
            assertThat((String) c.get("stream_url")).startsWith("demo-camera://");
        }
    }

    @Test
    void hazardLayersFollowTheDem() {
        assertThat(data.features("flood_zones")).extracting(f -> f.get("risk_class")).contains(1, 2, 3).allMatch(v -> (int) v >= 1 && (int) v <= 3);
        assertThat(data.features("low_lying_areas")).isNotEmpty().allSatisfy(f -> {
            assertThat((Double) f.get("min_elev")).isLessThan(3.0);
            assertThat((Double) f.get("area_km2")).isPositive();
        });
    }

    @Test
    void theFloodProgressionGrowsWithTheRisingSurgeAndEachStepHoldsThePrevious() {
        Layer layer = data.layer("flood_progression").orElseThrow();
        assertThat(layer.type().timeAttribute()).isEqualTo("step_time");
        Map<Integer, List<Feature>> bySteps = data.features("flood_progression").stream()
                .collect(Collectors.groupingBy(f -> (Integer) f.get("step"), java.util.TreeMap::new, Collectors.toList()));
        assertThat(bySteps.keySet()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        double previousLevel = 0;
        double previousArea = 0;
        java.time.Instant previousTime = java.time.Instant.MIN;
        Geometry previous = null;
        for (List<Feature> step : bySteps.values()) {
            double level = (Double) step.get(0).get("tide_level_m");
            java.time.Instant time = (java.time.Instant) step.get(0).get("step_time");
            assertThat(step).as("one time and tide level per step").allMatch(f -> f.get("step_time").equals(time) && f.get("tide_level_m").equals(level));
            assertThat(time).isAfter(previousTime);
            assertThat(level).as("the tide rises").isGreaterThan(previousLevel);
            assertThat(level).isLessThanOrEqualTo(Hazards.SURGE);
            double area = step.stream().mapToDouble(f -> (Double) f.get("area_km2")).sum();
            assertThat(area).as("inundated area at %s m", level).isGreaterThan(previousArea);
            Geometry union = org.locationtech.jts.operation.union.UnaryUnionOp.union(step.stream().map(Feature::geometry).toList());
            if (previous != null) {
                // polygons are simplified by half a cell: the previous step lies within this one but for that margin
                double outside = previous.difference(union.buffer(Hazards.FACTOR * Grid.ARC_SECOND)).getArea();
                assertThat(outside / previous.getArea()).as("step at %s m holds the previous step", level).isLessThan(0.01);
            }
            assertThat(step).allSatisfy(f -> assertThat((Double) f.get("max_depth_m")).isPositive().isLessThanOrEqualTo(level));
            previousLevel = level;
            previousArea = area;
            previousTime = time;
            previous = union;
        }
        assertThat(previousLevel).as("the last step is the flood-zone scenario's peak").isEqualTo(Hazards.SURGE);
    }
}
