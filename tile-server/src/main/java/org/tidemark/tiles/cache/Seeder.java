package org.tidemark.tiles.cache;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileResult;
import org.tidemark.core.tile.TileSource;

/**
 * Fills a tile set's cache chain ahead of use: every tile of the given levels inside the given ranges,
 * for every variant, on a small worker pool, printing a progress line (tiles done/total, rate, ETA) about
 * once a second. Failures are counted and reported, never fatal.
 */
public final class Seeder {
    /** The result of a run. */
    public record Report(long tiles, long found, long empty, long failed, long millis) {}

    private Seeder() {}

    /**
     * @param source  the cache chain to fill
     * @param ranges  for a level, the inclusive {minX, minY, maxX, maxY} to seed, or null for none
     * @param variants the representations to generate per tile
     */
    public static Report seed(TileSource source, int minZoom, int maxZoom, IntFunction<long[]> ranges,
                              List<String> variants, int threads, PrintStream out) {
        long total = 0;
        for (int z = minZoom; z <= maxZoom; z++) {
            long[] r = ranges.apply(z);
            if (r != null) total += (r[2] - r[0] + 1) * (r[3] - r[1] + 1) * variants.size();
        }
        AtomicLong done = new AtomicLong(), found = new AtomicLong(), empty = new AtomicLong(), failed = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        List<Future<?>> pending = new ArrayList<>();
        long lastPrint = 0;
        try {
            for (int z = minZoom; z <= maxZoom; z++) {
                long[] r = ranges.apply(z);
                if (r == null) continue;
                for (long y = r[1]; y <= r[3]; y++) {
                    for (long x = r[0]; x <= r[2]; x++) {
                        TileCoord c = new TileCoord(z, (int) x, (int) y);
                        for (String v : variants) {
                            pending.add(pool.submit(() -> {
                                try {
                                    TileResult res = source.tile(c, v);
                                    if (res instanceof TileResult.Found) found.incrementAndGet();
                                    else if (res instanceof TileResult.Empty) empty.incrementAndGet();
                                } catch (RuntimeException e) {
                                    failed.incrementAndGet();
                                }
                                done.incrementAndGet();
                            }));
                        }
                        if (pending.size() > 4 * threads + 64) {
                            drain(pending, pending.size() / 2);
                        }
                        long now = System.nanoTime();
                        if (now - lastPrint > 1_000_000_000L) {
                            lastPrint = now;
                            out.print("\r" + progress(done.get(), total, now - start));
                            out.flush();
                        }
                    }
                }
            }
            drain(pending, pending.size());
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long elapsed = System.nanoTime() - start;
        out.println("\r" + progress(done.get(), total, elapsed));
        return new Report(done.get(), found.get(), empty.get(), failed.get(), elapsed / 1_000_000);
    }

    private static void drain(List<Future<?>> pending, int n) {
        for (int i = 0; i < n && !pending.isEmpty(); i++) {
            try {
                pending.remove(0).get();
            } catch (Exception e) {
                // counted by the task itself
            }
        }
    }

    /** e.g. {@code [##########..........]  512/1024 tiles  250.0/s  ETA 0:02}. */
    static String progress(long done, long total, long nanos) {
        int width = 30;
        int filled = total == 0 ? width : (int) (width * done / total);
        double seconds = nanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        long eta = rate > 0 ? (long) ((total - done) / rate) : 0;
        return String.format(Locale.ROOT, "[%s%s] %d/%d tiles  %.1f/s  ETA %d:%02d", "#".repeat(filled),
                ".".repeat(width - filled), done, total, rate, eta / 60, eta % 60);
    }
}
