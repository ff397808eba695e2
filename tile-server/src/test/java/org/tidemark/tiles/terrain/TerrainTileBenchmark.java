package org.tidemark.tiles.terrain;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tidemark.core.coverage.GridElevationModel;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileResult;
import org.tidemark.tiles.testing.Fixtures;

/**
 * Cold terrain tile generation (sample the DEM, RTIN, normals, water mask, encode, gzip), no cache: each
 * invocation makes the next tile of a county-sized (0.7° × 0.7°, 1″) synthetic DEM at the given level.
 * Run as described in {@code tile-server/BENCHMARK.md}; not part of the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TerrainTileBenchmark {
    @Param({"10", "12", "14"})
    public int zoom;

    @Param({"octvertexnormals-watermask", ""})
    public String variant;

    private TerrainTileSource source;
    private long[] range;
    private long next;

    @Setup
    public void setUp() {
        int n = 2520;
        double west = 121.5, north = 29.7, res = 1.0 / 3600;
        float[] h = new float[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double lon = west + (c + 0.5) * res, lat = north - (r + 0.5) * res;
                h[r * n + c] = lon > 122.05 ? Float.NaN : (float) Fixtures.hill(lon, lat);
            }
        }
        GridElevationModel dem = new GridElevationModel(h, n, n, west, north, res);
        Terrain terrain = new Terrain(dem, Fixtures.land(), 5, 16);
        source = terrain.generator();
        range = GeographicTiling.range(zoom, dem.extent());
    }

    @Benchmark
    public TileResult coldTile() {
        long w = range[2] - range[0] + 1, hgt = range[3] - range[1] + 1;
        long i = next++ % (w * hgt);
        return source.tile(new TileCoord(zoom, (int) (range[0] + i % w), (int) (range[1] + i / w)), variant);
    }
}
