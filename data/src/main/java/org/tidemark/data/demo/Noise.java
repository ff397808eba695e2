package org.tidemark.data.demo;

/**
 * Seeded value noise and fractal sums of it. Pure integer hashing plus arithmetic (no transcendental
 * functions), so the same seed gives bit-identical terrain on every JVM.
 */
final class Noise {
    private final long seed;

    Noise(long seed) {
        this.seed = seed;
    }

    /** A hash of (seed, x, y) mapped to [0, 1). */
    double lattice(long x, long y) {
        long h = seed ^ (x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL);
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Smooth value noise in [0, 1]. */
    double value(double x, double y) {
        long ix = (long) Math.floor(x);
        long iy = (long) Math.floor(y);
        double fx = x - ix;
        double fy = y - iy;
        double sx = fx * fx * (3 - 2 * fx);
        double sy = fy * fy * (3 - 2 * fy);
        double a = lattice(ix, iy);
        double b = lattice(ix + 1, iy);
        double c = lattice(ix, iy + 1);
        double d = lattice(ix + 1, iy + 1);
        return (a + (b - a) * sx) + ((c + (d - c) * sx) - (a + (b - a) * sx)) * sy;
    }

    /** Fractal Brownian motion in [0, 1]: {@code octaves} layers, each twice the frequency and half the amplitude. */
    double fbm(double x, double y, int octaves) {
        double sum = 0;
        double amp = 1;
        double norm = 0;
        double f = 1;
        for (int i = 0; i < octaves; i++) {
            sum += amp * value(x * f + i * 17.3, y * f - i * 9.1);
            norm += amp;
            amp *= 0.5;
            f *= 2;
        }
        return sum / norm;
    }

    /** Ridged noise in [0, 1]: sharp crests where the noise crosses its middle value. */
    double ridged(double x, double y, int octaves) {
        double sum = 0;
        double amp = 1;
        double norm = 0;
        double f = 1;
        for (int i = 0; i < octaves; i++) {
            double n = 1 - Math.abs(2 * value(x * f + i * 31.7, y * f + i * 5.3) - 1);
            sum += amp * n * n;
            norm += amp;
            amp *= 0.5;
            f *= 2;
        }
        return sum / norm;
    }

    static double smoothstep(double e0, double e1, double x) {
        double t = Math.max(0, Math.min(1, (x - e0) / (e1 - e0)));
        return t * t * (3 - 2 * t);
    }
}
