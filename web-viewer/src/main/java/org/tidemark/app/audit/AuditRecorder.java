package org.tidemark.app.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidemark.core.access.AuditEvent;
import org.tidemark.core.access.AuditLog;
import org.tidemark.core.access.Principal;

/**
 * Writes audit events off the request thread: a bounded queue drained in batches (one transaction per
 * batch), and tile requests folded into one counted entry per principal, tileset and flush interval —
 * a viewer fetches hundreds of tiles a minute, and supervision needs "who read which basemap, how
 * much", not one row per tile. When the queue is full the request still succeeds and the overflow is
 * counted and logged (STYLE.md §11: reject on purpose, observably).
 */
public final class AuditRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);

    private record TileKey(String principal, String department, String tileset, String outcome) {}

    private final AuditLog log;
    private final Clock clock;
    private final BlockingQueue<AuditEvent> queue;
    private final Map<TileKey, LongAdder> tiles = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;

    public AuditRecorder(AuditLog log, Clock clock, int capacity) {
        this.log = log;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = Thread.ofPlatform().daemon().name("audit-writer").start(this::drainLoop);
    }

    public void record(AuditEvent event) {
        if (!queue.offer(event) && dropped.incrementAndGet() % 1000 == 1) {
            LOG.warn("Audit queue full: {} events dropped so far", dropped.get());
        }
    }

    public void tile(Principal p, String tileset, String outcome) {
        tiles.computeIfAbsent(new TileKey(p.id(), p.department(), tileset, outcome), k -> new LongAdder()).increment();
    }

    public long dropped() { return dropped.get(); }

    /** Writes everything queued so far (tests and shutdown). */
    public void flush() {
        foldTiles();
        List<AuditEvent> batch = new ArrayList<>();
        queue.drainTo(batch);
        write(batch);
    }

    private void drainLoop() {
        long lastTileFold = System.nanoTime();
        while (running) {
            try {
                AuditEvent first = queue.poll(1, TimeUnit.SECONDS);
                if (System.nanoTime() - lastTileFold > TimeUnit.SECONDS.toNanos(10)) {
                    foldTiles();
                    lastTileFold = System.nanoTime();
                }
                if (first == null) continue;
                List<AuditEvent> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch, 499);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void foldTiles() {
        for (var key : List.copyOf(tiles.keySet())) {
            LongAdder n = tiles.remove(key);
            if (n == null || n.sum() == 0) continue;
            queue.offer(new AuditEvent(0, clock.instant(), key.principal(), key.department(), "TILES", key.tileset(),
                    "tiles served since last entry", n.sum(), key.outcome(), null));
        }
    }

    private void write(List<AuditEvent> batch) {
        if (batch.isEmpty()) return;
        try {
            log.appendAll(batch);
        } catch (RuntimeException e) {
            dropped.addAndGet(batch.size());
            LOG.error("Could not write {} audit events", batch.size(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
        flush();
    }
}
