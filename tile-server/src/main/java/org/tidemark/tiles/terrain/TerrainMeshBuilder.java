package org.tidemark.tiles.terrain;

import java.util.Arrays;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.coverage.ElevationModel;

/**
 * Builds the simplified mesh of one geographic tile from the DEM: samples a (2^k+1)² grid whose edge
 * samples sit exactly on the tile edges (so neighbours share edge heights), simplifies it with an
 * {@link Rtin} to the level's error budget, renumbers vertices in first-use order and computes vertex
 * normals from the DEM itself (central differences over a one-sample border), so that the normals on a
 * shared edge are the same in both tiles. Sea and no-data cells count as height 0.
 */
final class TerrainMeshBuilder {
    private static final int MIN_LOG2 = 4;
    private static final int MAX_LOG2 = 8;
    private static final int QMAX = 32767;

    private final ElevationModel dem;
    private final Envelope demExtent;

    TerrainMeshBuilder(ElevationModel dem) {
        this.dem = dem;
        this.demExtent = dem.extent();
    }

    /**
     * Grid samples per side: the power of two nearest to one sample per DEM cell (so spacing is within a
     * factor √2 of the DEM's), between 17 and 257.
     */
    int gridSize(int z, Envelope tile) {
        if (!tile.intersects(demExtent)) return (1 << MIN_LOG2) + 1;
        double cells = GeographicTiling.tileDegrees(z) / dem.resolution();
        int k = (int) Math.round(Math.log(Math.max(cells, 1)) / Math.log(2));
        return (1 << Math.max(MIN_LOG2, Math.min(MAX_LOG2, k))) + 1;
    }

    TerrainMesh build(int z, long x, long y, boolean withNormals) {
        Envelope tile = GeographicTiling.envelope(z, x, y);
        int n = gridSize(z, tile);
        int m = n + 2;
        double step = tile.getWidth() / (n - 1);
        float[] bordered;
        if (tile.intersects(demExtent)) {
            Envelope ext = new Envelope(tile.getMinX() - step, tile.getMaxX() + step, tile.getMinY() - step,
                    tile.getMaxY() + step);
            bordered = dem.sample(ext, m, m);
            for (int i = 0; i < bordered.length; i++) if (Float.isNaN(bordered[i])) bordered[i] = 0f;
        } else {
            bordered = new float[m * m];
        }
        float[] grid = new float[n * n];
        for (int r = 0; r < n; r++) System.arraycopy(bordered, (r + 1) * m + 1, grid, r * n, n);

        Rtin rtin = Rtin.forGridSize(n);
        float[] errors = rtin.errors(grid);
        double budget = GeographicTiling.levelError(z);
        // Longest chord whose sagitta over the ellipsoid stays within the budget: s ≈ R·θ²/8.
        double maxChordDeg = Math.toDegrees(Math.sqrt(8 * budget / Ellipsoid.A));
        MeshCollector mc = new MeshCollector(n);
        rtin.extract(errors, (float) budget, maxChordDeg / step, mc);
        return mc.toMesh(tile, grid, withNormals ? bordered : null, step);
    }

    /** Collects triangles, fixes their winding and numbers vertices in first-use order. */
    private static final class MeshCollector implements Rtin.TriangleSink {
        private final int n;
        private final int[] remap;
        private int[] order;
        private int vertexCount;
        private int[] indices = new int[3 * 512];
        private int indexCount;

        MeshCollector(int n) {
            this.n = n;
            this.remap = new int[n * n];
            Arrays.fill(remap, -1);
            this.order = new int[256];
        }

        @Override
        public void triangle(int a, int b, int c) {
            // Counter-clockwise in (u east, v north); grid rows grow southwards, so flip the sign.
            long ua = a % n, va = -(a / n), ub = b % n, vb = -(b / n), uc = c % n, vc = -(c / n);
            long cross = (ub - ua) * (vc - va) - (vb - va) * (uc - ua);
            if (cross < 0) { int t = b; b = c; c = t; }
            add(a);
            add(b);
            add(c);
        }

        private void add(int g) {
            int id = remap[g];
            if (id < 0) {
                id = vertexCount++;
                remap[g] = id;
                if (id == order.length) order = Arrays.copyOf(order, order.length * 2);
                order[id] = g;
            }
            if (indexCount == indices.length) indices = Arrays.copyOf(indices, indices.length * 2);
            indices[indexCount++] = id;
        }

        TerrainMesh toMesh(Envelope tile, float[] grid, float[] bordered, double step) {
            int count = vertexCount;
            int[] u = new int[count], v = new int[count];
            float[] h = new float[count];
            double[] lon = new double[count], lat = new double[count];
            int last = n - 1;
            for (int i = 0; i < count; i++) {
                int g = order[i];
                int col = g % n, row = g / n;
                u[i] = (int) Math.round((double) col * QMAX / last);
                v[i] = (int) Math.round((double) (last - row) * QMAX / last);
                h[i] = grid[g];
                lon[i] = col == last ? tile.getMaxX() : tile.getMinX() + col * step;
                lat[i] = row == 0 ? tile.getMaxY() : tile.getMaxY() - row * step;
            }
            float[] normals = bordered == null ? null : normals(order, count, bordered, lon, lat, step);
            return new TerrainMesh(u, v, h, lon, lat, Arrays.copyOf(indices, indexCount), normals);
        }

        private float[] normals(int[] order, int count, float[] b, double[] lon, double[] lat, double step) {
            int m = n + 2;
            float[] out = new float[count * 3];
            for (int i = 0; i < count; i++) {
                int g = order[i];
                int e = (g / n + 1) * m + (g % n + 1);
                double mx = Ellipsoid.metresPerDegreeLon(lat[i]) * step;
                double my = Ellipsoid.metresPerDegreeLat(lat[i]) * step;
                double dzdx = mx < 1e-6 ? 0 : (b[e + 1] - b[e - 1]) / (2 * mx);
                double dzdy = (b[e - m] - b[e + m]) / (2 * my);
                double ex = -dzdx, ny = -dzdy, up = 1;
                double len = Math.sqrt(ex * ex + ny * ny + up * up);
                ex /= len; ny /= len; up /= len;
                double lam = Math.toRadians(lon[i]), phi = Math.toRadians(lat[i]);
                double sl = Math.sin(lam), cl = Math.cos(lam), sp = Math.sin(phi), cp = Math.cos(phi);
                // east = (-sinλ, cosλ, 0); north = (-sinφcosλ, -sinφsinλ, cosφ); up = (cosφcosλ, cosφsinλ, sinφ)
                out[i * 3] = (float) (-sl * ex - sp * cl * ny + cp * cl * up);
                out[i * 3 + 1] = (float) (cl * ex - sp * sl * ny + cp * sl * up);
                out[i * 3 + 2] = (float) (cp * ny + sp * up);
            }
            return out;
        }
    }
}
