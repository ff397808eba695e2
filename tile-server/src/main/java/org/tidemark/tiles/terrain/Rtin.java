package org.tidemark.tiles.terrain;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Right-triangulated irregular network over a (2^k+1)² height grid: the hierarchy of right isosceles
 * triangles (Evans, Kirkpatrick, Townsend, "Right-Triangulated Irregular Networks", 2001) with the error
 * of every split point propagated up from its descendants, so that cutting the hierarchy at any error
 * threshold yields a conforming mesh (no T-junctions inside the tile). One instance per grid size holds
 * the triangle coordinates, shared by all tiles.
 */
final class Rtin {
    private static final ConcurrentHashMap<Integer, Rtin> BY_SIZE = new ConcurrentHashMap<>();

    final int gridSize;
    private final int tileSize;
    private final int numTriangles;
    private final int lastLevelIndex;
    /** Per triangle of the hierarchy: ax, ay, bx, by (hypotenuse end points), in grid cells. */
    private final short[] coords;

    private Rtin(int gridSize) {
        this.gridSize = gridSize;
        this.tileSize = gridSize - 1;
        if (Integer.bitCount(tileSize) != 1) throw new IllegalArgumentException("grid size must be 2^k+1");
        int smallest = tileSize * tileSize;
        numTriangles = smallest * 2 - 2;
        lastLevelIndex = numTriangles - smallest;
        coords = new short[numTriangles * 4];
        for (int i = 0; i < numTriangles; i++) {
            // Triangle ids are paths in the binary tree: 2 and 3 are the two halves of the square, each
            // further bit chooses the left or right child.
            int id = i + 2;
            int ax = 0, ay = 0, bx = 0, by = 0, cx = 0, cy = 0;
            if ((id & 1) != 0) {
                bx = by = cx = tileSize;
            } else {
                ax = ay = cy = tileSize;
            }
            while ((id >>= 1) > 1) {
                int mx = (ax + bx) >> 1;
                int my = (ay + by) >> 1;
                if ((id & 1) != 0) {
                    bx = ax; by = ay;
                    ax = cx; ay = cy;
                } else {
                    ax = bx; ay = by;
                    bx = cx; by = cy;
                }
                cx = mx;
                cy = my;
            }
            coords[i * 4] = (short) ax;
            coords[i * 4 + 1] = (short) ay;
            coords[i * 4 + 2] = (short) bx;
            coords[i * 4 + 3] = (short) by;
        }
    }

    static Rtin forGridSize(int gridSize) {
        return BY_SIZE.computeIfAbsent(gridSize, Rtin::new);
    }

    /**
     * The approximation error at every split point (grid index): the largest vertical distance between
     * the surface and the triangle that would exist if the point were not inserted, over the point's
     * whole subtree.
     */
    float[] errors(float[] heights) {
        int size = gridSize;
        float[] errors = new float[size * size];
        for (int i = numTriangles - 1; i >= 0; i--) {
            int k = i * 4;
            int ax = coords[k], ay = coords[k + 1], bx = coords[k + 2], by = coords[k + 3];
            int mx = (ax + bx) >> 1;
            int my = (ay + by) >> 1;
            int cx = mx + my - ay;
            int cy = my + ax - mx;
            float interpolated = (heights[ay * size + ax] + heights[by * size + bx]) / 2;
            int middle = my * size + mx;
            float e = Math.max(errors[middle], Math.abs(interpolated - heights[middle]));
            if (i < lastLevelIndex) {
                int left = ((ay + cy) >> 1) * size + ((ax + cx) >> 1);
                int right = ((by + cy) >> 1) * size + ((bx + cx) >> 1);
                e = Math.max(e, Math.max(errors[left], errors[right]));
            }
            errors[middle] = e;
        }
        return errors;
    }

    /** Receives the triangles of an extracted mesh as grid indices. */
    interface TriangleSink {
        void triangle(int a, int b, int c);
    }

    /**
     * Emits the coarsest conforming mesh whose vertical error is at most {@code maxError} and whose
     * hypotenuses are no longer than {@code maxHypotenuseCells} (so coarse tiles still follow the
     * ellipsoid's curvature).
     */
    void extract(float[] errors, float maxError, double maxHypotenuseCells, TriangleSink sink) {
        double maxLenSq = maxHypotenuseCells * maxHypotenuseCells;
        split(errors, maxError, maxLenSq, 0, 0, tileSize, tileSize, tileSize, 0, sink);
        split(errors, maxError, maxLenSq, tileSize, tileSize, 0, 0, 0, tileSize, sink);
    }

    private void split(float[] errors, float maxError, double maxLenSq, int ax, int ay, int bx, int by, int cx,
                       int cy, TriangleSink sink) {
        int mx = (ax + bx) >> 1;
        int my = (ay + by) >> 1;
        int dx = ax - bx;
        int dy = ay - by;
        if (Math.abs(ax - cx) + Math.abs(ay - cy) > 1
                && (errors[my * gridSize + mx] > maxError || (double) dx * dx + (double) dy * dy > maxLenSq)) {
            split(errors, maxError, maxLenSq, cx, cy, ax, ay, mx, my, sink);
            split(errors, maxError, maxLenSq, bx, by, cx, cy, mx, my, sink);
        } else {
            sink.triangle(ay * gridSize + ax, by * gridSize + bx, cy * gridSize + cx);
        }
    }
}
