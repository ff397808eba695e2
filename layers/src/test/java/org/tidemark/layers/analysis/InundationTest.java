package org.tidemark.layers.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tidemark.layers.analysis.AnalysisFixtures.*;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.source.memory.MemoryLayerCatalog;

class InundationTest {
    final MemoryLayerCatalog catalog = catalog();
    final LayerReader reader = new LayerReader(catalog, AccessPolicy.OPEN, Principal.ANONYMOUS);

    @Test
    void bowlFilledToLevelFloodsTheDiscOfThatRadius() {
        var dem = bowl();
        var result = new Inundation(dem).run(reader, null, new Coordinate(121.05, 29.05), 20.0);
        // cells whose centre is within 20 cells of the centre: π·20² ≈ 1257 (exact count by lattice points)
        long expected = 0;
        double cellArea = 0;
        for (int r = 0; r < 100; r++) {
            for (int c = 0; c < 100; c++) {
                if (Math.hypot(c + 0.5 - 50, r + 0.5 - 50) < 20) expected++;
            }
        }
        assertThat(result.cells()).isEqualTo(expected);
        // one cell is 0.001° × 0.001° at 29.05 N ≈ 111.2 m × 97.3 m
        cellArea = 111_195 * 0.001 * 111_195 * 0.001 * Math.cos(Math.toRadians(29.05));
        assertThat(result.floodedAreaM2()).isCloseTo(expected * cellArea, org.assertj.core.data.Percentage.withPercentage(0.5));
        assertThat(result.maxDepthM()).isCloseTo(20 - Math.hypot(0.5, 0.5), org.assertj.core.data.Offset.offset(1e-3));
        // volume of the cone of water: Σ (L - z) · a  ≈ π L³/3 cells → check against the lattice sum
        double vol = 0;
        for (int r = 0; r < 100; r++) {
            for (int c = 0; c < 100; c++) {
                double z = (float) Math.hypot(c + 0.5 - 50, r + 0.5 - 50);
                if (z < 20) vol += (20 - z);
            }
        }
        assertThat(result.volumeM3()).isCloseTo(vol * cellArea, org.assertj.core.data.Percentage.withPercentage(0.5));
        assertThat(result.flooded().getArea()).isCloseTo(expected * 1e-6, org.assertj.core.data.Percentage.withPercentage(3));
    }

    @Test
    void wallHigherThanTheLevelStopsTheSea() {
        var dem = coast(10, 1.0f);
        add(catalog, STATIONS, true, feature("t1", "POINT(121.002 29.03)", Map.of("STCD", "TT01", "STTP", "TT")));
        add(catalog, SEAWALLS, true, feature("w1", "LINESTRING(121.0155 29.07, 121.0155 29.0)", Map.of("name", "海塘", "crest_elevation", 5.0)));
        var result = new Inundation(dem).run(reader, "TT01", null, 3.0);
        assertThat(result.cells()).as("land between the sea and the wall").isEqualTo(5L * 60);

        var overtopped = new Inundation(dem).run(reader, "TT01", null, 6.0);
        assertThat(overtopped.cells()).as("all land once the wall is overtopped").isEqualTo(50L * 60);
    }

    @Test
    void aReservoirLevelDoesNotFloodTheValleyBelowItsDam() {
        // a basin at 50 m (the reservoir, west) and a valley at 10 m (east), joined by ground at 20 m:
        // the reservoir at 55 m floods its banks up to 55 m but not the valley, which lies below its floor
        int n = 40;
        float[] z = new float[n * n];
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) z[r * n + c] = c < 15 ? 50f + Math.abs(r - 20) : c < 20 ? 52f : 10f;
        var dem = new org.tidemark.core.coverage.GridElevationModel(z, n, n, 121.0, 29.04, 0.001);
        var result = new Inundation(dem).run(reader, null, new Coordinate(121.005, 29.02), 55.0);
        long expected = 0;
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) if (z[r * n + c] < 55 && z[r * n + c] >= 49) expected++;
        assertThat(result.cells()).isEqualTo(expected);
    }

    @Test
    void affectedBuildingsAreListed() {
        var dem = bowl();
        add(catalog, BUILDINGS, true,
                feature("b-in", "POLYGON((121.049 29.049, 121.051 29.049, 121.051 29.051, 121.049 29.051, 121.049 29.049))", Map.of("name", "学校")),
                feature("b-out", "POLYGON((121.09 29.01, 121.095 29.01, 121.095 29.015, 121.09 29.015, 121.09 29.01))", Map.of("name", "仓库")));
        var result = new Inundation(dem).run(reader, null, new Coordinate(121.05, 29.05), 10.0);
        assertThat(result.buildingCount()).isEqualTo(1);
        assertThat(result.buildings()).extracting(InundationResult.Item::name).containsExactly("学校");
    }

    @Test
    void absurdLevelsAndUnknownGaugesAreClearErrors() {
        var inundation = new Inundation(bowl());
        assertThatThrownBy(() -> inundation.run(reader, null, new Coordinate(121.05, 29.05), 1e6))
                .isInstanceOf(GeoServiceException.class).hasMessageContaining("level");
        assertThatThrownBy(() -> inundation.run(reader, null, new Coordinate(121.05, 29.05), Double.NaN))
                .isInstanceOf(GeoServiceException.class);
        assertThatThrownBy(() -> inundation.run(reader, "NOPE", null, 3.0))
                .isInstanceOf(GeoServiceException.class).hasMessageContaining("NOPE");
        assertThatThrownBy(() -> inundation.run(reader, null, new Coordinate(100, 10), 3.0))
                .isInstanceOf(GeoServiceException.class).hasMessageContaining("outside");
    }

    @Property(tries = 30)
    void floodedAreaNeverShrinksAsTheLevelRises(@ForAll @DoubleRange(min = 0, max = 60) double a,
                                                @ForAll @DoubleRange(min = 0, max = 60) double b) {
        var inundation = new Inundation(bowl());
        var reader = new LayerReader(new MemoryLayerCatalog(), AccessPolicy.OPEN, Principal.ANONYMOUS);
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        var low = inundation.run(reader, null, new Coordinate(121.05, 29.05), lo);
        var high = inundation.run(reader, null, new Coordinate(121.05, 29.05), hi);
        assertThat(high.floodedAreaM2()).isGreaterThanOrEqualTo(low.floodedAreaM2());
    }
}
