package org.tidemark.core.render;

/**
 * Douglas–Peucker line generalisation on pixel coordinates (iterative, no allocation beyond a small stack):
 * marks the vertices to keep so that every dropped vertex lies within {@code tolerance} of the segment that
 * replaces it. The first and last vertices are always kept, so closed rings stay closed.
 */
final class Generalizer {
    private Generalizer() {}

    /** Sets {@code keep[0..n)}: which of the {@code n} vertices ({@code xs}, {@code ys}) survive. */
    static void simplify(double[] xs, double[] ys, int n, double tolerance, boolean[] keep) {
        if (n <= 2) {
            for (int i = 0; i < n; i++) keep[i] = true;
            return;
        }
        java.util.Arrays.fill(keep, 0, n, false);
        keep[0] = true;
        keep[n - 1] = true;
        double tol2 = tolerance * tolerance;
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = n - 1;
        while (top > 0) {
            int last = stack[--top];
            int first = stack[--top];
            if (last - first < 2) continue;
            double ax = xs[first];
            double ay = ys[first];
            double dx = xs[last] - ax;
            double dy = ys[last] - ay;
            double len2 = dx * dx + dy * dy;
            int worst = -1;
            double worstD = tol2;
            for (int i = first + 1; i < last; i++) {
                double px = xs[i] - ax;
                double py = ys[i] - ay;
                double d;
                if (len2 == 0) {
                    d = px * px + py * py;
                } else {
                    double t = (px * dx + py * dy) / len2;
                    if (t <= 0) d = px * px + py * py;
                    else if (t >= 1) d = (xs[i] - xs[last]) * (xs[i] - xs[last]) + (ys[i] - ys[last]) * (ys[i] - ys[last]);
                    else {
                        double cross = px * dy - py * dx;
                        d = cross * cross / len2;
                    }
                }
                if (d > worstD) {
                    worstD = d;
                    worst = i;
                }
            }
            if (worst < 0) continue;
            keep[worst] = true;
            if (top + 4 > stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            stack[top++] = first;
            stack[top++] = worst;
            stack[top++] = worst;
            stack[top++] = last;
        }
    }
}
