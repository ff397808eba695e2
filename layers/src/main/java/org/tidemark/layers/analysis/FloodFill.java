package org.tidemark.layers.analysis;

import java.util.BitSet;

/**
 * Which cells a water level floods from a source: the cells whose ground is below the level and that
 * are hydraulically connected to the source through such cells, over the 8 neighbours (a "bathtub"
 * model, the usual first screening in flood-risk mapping). Barriers (seawall crests, burnt into the
 * grid) stop the water where they are higher than the level. Sea cells ({@code NaN}) are water:
 * passable when the source is the sea, impassable otherwise (a reservoir does not raise the sea).
 */
final class FloodFill {
    private FloodFill() {}

    /**
     * @param grid       ground heights with barriers burnt in
     * @param seeds      source cells (row * width + col)
     * @param level      the water level, metres on the DEM's datum
     * @param seaIsWater whether sea cells carry the water (tide gauges)
     * @return the flooded land cells (sea cells excluded)
     */
    static BitSet fill(HeightGrid grid, int[] seeds, double level, boolean seaIsWater) {
        return fill(grid, seeds, level, Double.NEGATIVE_INFINITY, seaIsWater);
    }

    /**
     * As {@link #fill(HeightGrid, int[], double, boolean)}, flooding only ground at or above {@code floor}:
     * an inland water body (a reservoir behind its dam, a stream at its gauge) raises its own surface, and
     * ground below that surface's floor lies beyond the dam or downstream, where this level does not apply.
     */
    static BitSet fill(HeightGrid grid, int[] seeds, double level, double floor, boolean seaIsWater) {
        int w = grid.width();
        int h = grid.height();
        float[] z = grid.heights();
        BitSet visited = new BitSet(w * h);
        BitSet flooded = new BitSet(w * h);
        int[] stack = new int[Math.max(16, seeds.length * 2)];
        int top = 0;
        for (int s : seeds) {
            if (s < 0 || s >= w * h || visited.get(s)) continue;
            if (!passable(z[s], level, floor, seaIsWater)) continue;
            visited.set(s);
            if (top == stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            stack[top++] = s;
        }
        while (top > 0) {
            int i = stack[--top];
            if (!Float.isNaN(z[i])) flooded.set(i);
            int r = i / w;
            int c = i - r * w;
            for (int dr = -1; dr <= 1; dr++) {
                int rr = r + dr;
                if (rr < 0 || rr >= h) continue;
                for (int dc = -1; dc <= 1; dc++) {
                    int cc = c + dc;
                    if ((dr == 0 && dc == 0) || cc < 0 || cc >= w) continue;
                    int j = rr * w + cc;
                    if (visited.get(j) || !passable(z[j], level, floor, seaIsWater)) continue;
                    visited.set(j);
                    if (top == stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                    stack[top++] = j;
                }
            }
        }
        return flooded;
    }

    private static boolean passable(float ground, double level, double floor, boolean seaIsWater) {
        return Float.isNaN(ground) ? seaIsWater : ground < level && ground >= floor;
    }
}
