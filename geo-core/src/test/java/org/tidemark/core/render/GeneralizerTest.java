package org.tidemark.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeneralizerTest {

    @Test
    void subPixelStairsCollapseToTheirDiagonal() {
        // a staircase of 0.2-pixel steps from (0,0) to (20,20)
        int n = 201;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (i + 1) / 2 * 0.2;
            ys[i] = i / 2 * 0.2;
        }
        boolean[] keep = new boolean[n];
        Generalizer.simplify(xs, ys, n, 0.35, keep);
        int kept = 0;
        for (boolean k : keep) if (k) kept++;
        assertThat(kept).isEqualTo(2);
        assertThat(keep[0]).isTrue();
        assertThat(keep[n - 1]).isTrue();
    }

    @Test
    void cornersLargerThanTheToleranceStay() {
        double[] xs = {0, 10, 10.1, 20};
        double[] ys = {0, 0, 10, 10};
        boolean[] keep = new boolean[4];
        Generalizer.simplify(xs, ys, 4, 0.35, keep);
        assertThat(keep).containsExactly(true, true, true, true);
    }

    @Test
    void everyDroppedVertexIsWithinTheToleranceOfTheKeptOutline() {
        java.util.Random r = new java.util.Random(1);
        int n = 500;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i * 0.3;
            ys[i] = 20 * Math.sin(i / 40.0) + r.nextGaussian() * 0.2;
        }
        boolean[] keep = new boolean[n];
        Generalizer.simplify(xs, ys, n, 0.35, keep);
        int prev = 0;
        for (int i = 1; i < n; i++) {
            if (!keep[i]) continue;
            for (int k = prev + 1; k < i; k++) {
                double dx = xs[i] - xs[prev];
                double dy = ys[i] - ys[prev];
                double d = Math.abs((xs[k] - xs[prev]) * dy - (ys[k] - ys[prev]) * dx) / Math.hypot(dx, dy);
                assertThat(d).isLessThanOrEqualTo(0.35 + 1e-9);
            }
            prev = i;
        }
    }
}
