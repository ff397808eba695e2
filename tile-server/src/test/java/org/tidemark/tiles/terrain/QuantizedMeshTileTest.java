package org.tidemark.tiles.terrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.coverage.GridElevationModel;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.tiles.testing.Fixtures;

class QuantizedMeshTileTest {
    private static final GridElevationModel DEM = Fixtures.dem();
    private static final Terrain TERRAIN = new Terrain(DEM, Fixtures.land(), 5, 16);
    private static final TerrainTileSource SOURCE = TERRAIN.generator();
    private static final TerrainExtensions ALL = new TerrainExtensions(true, true);

    static TileCoord tileAt(int z, double lon, double lat) {
        double d = GeographicTiling.tileDegrees(z);
        return new TileCoord(z, (int) Math.floor((lon + 180) / d), (int) Math.floor((lat + 90) / d));
    }

    static QmDecoder decode(TileCoord c) {
        return QmDecoder.decode(SOURCE.encode(c, ALL));
    }

    @Test
    void headerHeightRangeAndCentreDescribeTheVertices() {
        TileCoord c = tileAt(12, 121.76, 29.42);
        QmDecoder d = decode(c);
        assertThat(d.vertexCount).isGreaterThan(4);
        int minQ = Integer.MAX_VALUE, maxQ = Integer.MIN_VALUE;
        for (int q : d.h) { minQ = Math.min(minQ, q); maxQ = Math.max(maxQ, q); }
        assertThat(minQ).isZero();
        assertThat(maxQ).isEqualTo(32767);
        Envelope env = GeographicTiling.envelope(c.z(), c.x(), c.y());
        double[] expected = new double[3];
        Ellipsoid.toEcef(env.centre().x, env.centre().y, (d.minHeight + d.maxHeight) / 2.0, expected, 0);
        for (int i = 0; i < 3; i++) assertThat(d.center[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-3));
        // The bounding sphere holds every vertex.
        double[] p = new double[3];
        for (int i = 0; i < d.vertexCount; i++) {
            vertexEcef(d, env, i, p);
            double dist = Math.sqrt(sq(p[0] - d.sphereCenter[0]) + sq(p[1] - d.sphereCenter[1]) + sq(p[2] - d.sphereCenter[2]));
            assertThat(dist).isLessThanOrEqualTo(d.sphereRadius + 0.01);
        }
    }

    @Test
    void horizonOcclusionPointHiddenImpliesEveryVertexHidden() {
        TileCoord c = tileAt(9, 121.76, 29.42);
        QmDecoder d = decode(c);
        Envelope env = GeographicTiling.envelope(c.z(), c.x(), c.y());
        double[][] scaled = new double[d.vertexCount][3];
        double[] p = new double[3];
        for (int i = 0; i < d.vertexCount; i++) {
            vertexEcef(d, env, i, p);
            scaled[i] = new double[] {p[0] / Ellipsoid.A, p[1] / Ellipsoid.A, p[2] / Ellipsoid.B};
        }
        Random rnd = new Random(7);
        int visibleHop = 0;
        for (int k = 0; k < 4000; k++) {
            // Cameras around the tile at 1..2000 km altitude.
            double lon = env.centre().x + (rnd.nextDouble() - 0.5) * 40;
            double lat = env.centre().y + (rnd.nextDouble() - 0.5) * 40;
            double alt = 1000 + rnd.nextDouble() * 2_000_000;
            double[] cam = new double[3];
            Ellipsoid.toEcef(lon, lat, alt, cam, 0);
            double[] cs = {cam[0] / Ellipsoid.A, cam[1] / Ellipsoid.A, cam[2] / Ellipsoid.B};
            boolean anyVertexVisible = false;
            for (double[] v : scaled) anyVertexVisible |= visible(cs, v);
            if (!visible(cs, d.horizon)) {
                assertThat(anyVertexVisible).as("camera %s %s %s", lon, lat, alt).isFalse();
            } else {
                visibleHop++;
            }
        }
        assertThat(visibleHop).isGreaterThan(100);
    }

    /** The horizon test in ellipsoid-scaled space (unit sphere): is point q in front of the horizon seen from c? */
    private static boolean visible(double[] c, double[] q) {
        double[] vt = {q[0] - c[0], q[1] - c[1], q[2] - c[2]};
        double vhMag2 = c[0] * c[0] + c[1] * c[1] + c[2] * c[2] - 1;
        double vtDotVc = -(vt[0] * c[0] + vt[1] * c[1] + vt[2] * c[2]);
        double vt2 = vt[0] * vt[0] + vt[1] * vt[1] + vt[2] * vt[2];
        boolean occluded = vtDotVc > vhMag2 && vtDotVc * vtDotVc / vt2 > vhMag2;
        return !occluded;
    }

    @Test
    void indicesAreHighWaterMarkCodedInFirstUseOrder() {
        QmDecoder d = decode(tileAt(12, 121.76, 29.42));
        assertThat(d.wideIndices).isFalse();
        int next = 0;
        Set<Integer> used = new HashSet<>();
        for (int i : d.indices) {
            assertThat(i).isBetween(0, next);
            if (i == next) next++;
            used.add(i);
        }
        assertThat(used).hasSize(d.vertexCount);
        // counter-clockwise in u/v
        for (int t = 0; t < d.indices.length; t += 3) {
            int a = d.indices[t], b = d.indices[t + 1], c = d.indices[t + 2];
            long cross = (long) (d.u[b] - d.u[a]) * (d.v[c] - d.v[a]) - (long) (d.v[b] - d.v[a]) * (d.u[c] - d.u[a]);
            assertThat(cross).isPositive();
        }
    }

    @Test
    void edgeListsHoldExactlyTheEdgeVertices() {
        QmDecoder d = decode(tileAt(13, 121.76, 29.42));
        assertEdge(d.west, d, d.u, 0, d.v);
        assertEdge(d.east, d, d.u, 32767, d.v);
        assertEdge(d.south, d, d.v, 0, d.u);
        assertEdge(d.north, d, d.v, 32767, d.u);
    }

    private static void assertEdge(int[] edge, QmDecoder d, int[] across, int value, int[] along) {
        long expected = java.util.Arrays.stream(across).filter(a -> a == value).count();
        assertThat(edge).hasSize((int) expected);
        for (int i = 0; i < edge.length; i++) {
            assertThat(across[edge[i]]).isEqualTo(value);
            if (i > 0) assertThat(along[edge[i]]).isGreaterThan(along[edge[i - 1]]);
        }
    }

    @Test
    void meshStaysWithinTheLevelErrorOfTheDem() {
        for (int z : new int[] {10, 12, 14}) {
            TileCoord c = tileAt(z, 121.76, 29.42);
            QmDecoder d = decode(c);
            Envelope env = GeographicTiling.envelope(c.z(), c.x(), c.y());
            double tolerance = GeographicTiling.levelError(z) + (d.maxHeight - d.minHeight) / 32767.0 + 0.01;
            // Vertices carry the DEM's own height (up to quantization).
            for (int i = 0; i < d.vertexCount; i++) {
                double lon = env.getMinX() + env.getWidth() * d.u[i] / 32767.0;
                double lat = env.getMinY() + env.getHeight() * d.v[i] / 32767.0;
                double dem = nz(DEM.elevation(lon, lat));
                assertThat(d.height(i)).as("vertex height z%d", z).isCloseTo(dem,
                        org.assertj.core.data.Offset.offset((d.maxHeight - d.minHeight) / 32767.0 + 0.05));
            }
            // Inside triangles, the surface is within the level's error of the sampled grid.
            Random rnd = new Random(z);
            int n = new TerrainMeshBuilder(DEM).gridSize(z, env) - 1;
            for (int k = 0; k < 300; k++) {
                int gi = rnd.nextInt(n + 1), gj = rnd.nextInt(n + 1);
                double uu = 32767.0 * gi / n, vv = 32767.0 * gj / n;
                double mesh = interpolate(d, uu, vv);
                double dem = nz(DEM.elevation(env.getMinX() + env.getWidth() * gi / n, env.getMinY() + env.getHeight() * gj / n));
                assertThat(Math.abs(mesh - dem)).as("z%d at %d,%d", z, gi, gj).isLessThanOrEqualTo(tolerance);
            }
        }
    }

    private static double interpolate(QmDecoder d, double px, double py) {
        for (int t = 0; t < d.indices.length; t += 3) {
            int a = d.indices[t], b = d.indices[t + 1], c = d.indices[t + 2];
            double det = (double) (d.v[b] - d.v[c]) * (d.u[a] - d.u[c]) + (double) (d.u[c] - d.u[b]) * (d.v[a] - d.v[c]);
            double l1 = ((d.v[b] - d.v[c]) * (px - d.u[c]) + (d.u[c] - d.u[b]) * (py - d.v[c])) / det;
            double l2 = ((d.v[c] - d.v[a]) * (px - d.u[c]) + (d.u[a] - d.u[c]) * (py - d.v[c])) / det;
            double l3 = 1 - l1 - l2;
            if (l1 >= -1e-9 && l2 >= -1e-9 && l3 >= -1e-9) return l1 * d.height(a) + l2 * d.height(b) + l3 * d.height(c);
        }
        throw new AssertionError("point outside mesh: " + px + "," + py);
    }

    @Test
    void neighbouringTilesAgreeOnEdgeHeightsAndNormals() {
        TileCoord a = tileAt(13, 121.76, 29.42);
        TileCoord b = new TileCoord(a.z(), a.x() + 1, a.y());
        QmDecoder da = decode(a), db = decode(b);
        org.tidemark.tiles.testing.Dump.write("tile-" + a.z() + "-" + a.x() + "-" + a.y() + ".terrain", SOURCE.encode(a, ALL));
        Map<Integer, Integer> east = new HashMap<>();
        for (int i : da.east) east.put(da.v[i], i);
        int shared = 0;
        double step = Math.max(da.maxHeight - da.minHeight, db.maxHeight - db.minHeight) / 32767.0;
        for (int j : db.west) {
            Integer i = east.get(db.v[j]);
            if (i == null) continue;
            shared++;
            assertThat(db.height(j)).isCloseTo(da.height(i), org.assertj.core.data.Offset.offset(step + 1e-3));
            double[] na = da.normal(i), nb = db.normal(j);
            assertThat(na[0] * nb[0] + na[1] * nb[1] + na[2] * nb[2]).isGreaterThan(0.9999);
        }
        assertThat(shared).isGreaterThanOrEqualTo(2);
    }

    @Test
    void normalsAreUnitAndPointOutwards() {
        TileCoord c = tileAt(12, 121.76, 29.42);
        QmDecoder d = decode(c);
        byte[] raw = d.extensions.get(1);
        assertThat(raw).hasSize(2 * d.vertexCount);
        Envelope env = GeographicTiling.envelope(c.z(), c.x(), c.y());
        double[] p = new double[3];
        for (int i = 0; i < d.vertexCount; i++) {
            double[] n = d.normal(i);
            assertThat(Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2])).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
            vertexEcef(d, env, i, p);
            double len = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
            assertThat((n[0] * p[0] + n[1] * p[1] + n[2] * p[2]) / len).isGreaterThan(0.5);
        }
    }

    @Test
    void flatSeaTileHasUpwardNormalsAndUniformWaterMask() {
        TileCoord c = tileAt(14, 121.88, 29.35);
        QmDecoder d = decode(c);
        assertThat(d.extensions.get(2)).containsExactly((byte) 255);
        Envelope env = GeographicTiling.envelope(c.z(), c.x(), c.y());
        double lam = Math.toRadians(env.centre().x), phi = Math.toRadians(env.centre().y);
        double[] up = {Math.cos(phi) * Math.cos(lam), Math.cos(phi) * Math.sin(lam), Math.sin(phi)};
        double[] n = d.normal(0);
        assertThat(n[0] * up[0] + n[1] * up[1] + n[2] * up[2]).isGreaterThan(Math.cos(Math.toRadians(1.5)));
    }

    @Test
    void waterMaskIsLandInlandAndMixedOnTheCoast() {
        assertThat(decode(tileAt(14, 121.76, 29.42)).extensions.get(2)).containsExactly((byte) 0);
        byte[] coast = decode(tileAt(12, 121.85, 29.4)).extensions.get(2);
        assertThat(coast).hasSize(256 * 256);
        // West columns are land, east columns water; rows run north to south.
        TileCoord c = tileAt(12, 121.85, 29.4);
        Envelope env = GeographicTiling.envelope(c.z(), c.x(), c.y());
        int coastCol = (int) ((Fixtures.COAST_LON - env.getMinX()) / env.getWidth() * 256);
        assertThat(Byte.toUnsignedInt(coast[128 * 256 + Math.max(0, coastCol - 3)])).isZero();
        assertThat(Byte.toUnsignedInt(coast[128 * 256 + Math.min(255, coastCol + 3)])).isEqualTo(255);
    }

    @Test
    void extensionsAreOmittedUnlessRequested() {
        QmDecoder d = QmDecoder.decode(SOURCE.encode(tileAt(12, 121.76, 29.42), TerrainExtensions.NONE));
        assertThat(d.extensions).isEmpty();
        QmDecoder w = QmDecoder.decode(SOURCE.encode(tileAt(12, 121.76, 29.42), new TerrainExtensions(false, true)));
        assertThat(w.extensions).containsOnlyKeys(2);
    }

    @Test
    void coarseTilesFollowTheEllipsoid() {
        QmDecoder d = QmDecoder.decode(SOURCE.encode(new TileCoord(0, 1, 0), TerrainExtensions.NONE));
        assertThat(d.vertexCount).isGreaterThanOrEqualTo(81);
    }

    @Test
    void manyVerticesSwitchTo32BitIndices() {
        // A noisy 1 m grid: nothing can be simplified at level 16, so a 257² grid keeps > 65,536 vertices.
        double res = 1e-5;
        int n = 400;
        float[] h = new float[n * n];
        Random rnd = new Random(3);
        for (int i = 0; i < h.length; i++) h[i] = rnd.nextFloat() * 20000;
        double west = GeographicTiling.envelope(16, 98000, 49000).getMinX() - 0.0005;
        double north = GeographicTiling.envelope(16, 98000, 49000).getMaxY() + 0.0005;
        var dem = new GridElevationModel(h, n, n, west, north, res);
        var src = new Terrain(dem, (org.tidemark.core.source.FeatureSource) null, 0, 16).generator();
        QmDecoder d = QmDecoder.decode(src.encode(new TileCoord(16, 98000, 49000), TerrainExtensions.NONE));
        assertThat(d.vertexCount).isGreaterThan(65536);
        assertThat(d.wideIndices).isTrue();
        int next = 0;
        for (int i : d.indices) {
            assertThat(i).isBetween(0, next);
            if (i == next) next++;
        }
        assertThat(next).isEqualTo(d.vertexCount);
        assertThat(d.west).hasSize(257);
    }

    private static void vertexEcef(QmDecoder d, Envelope env, int i, double[] out) {
        double lon = env.getMinX() + env.getWidth() * d.u[i] / 32767.0;
        double lat = env.getMinY() + env.getHeight() * d.v[i] / 32767.0;
        Ellipsoid.toEcef(lon, lat, d.height(i), out, 0);
    }

    private static double nz(double v) { return Double.isNaN(v) ? 0 : v; }

    private static double sq(double v) { return v * v; }
}
