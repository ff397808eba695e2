package org.tidemark.sensors.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.ObservationStore;

/**
 * The bounded ingest queue and its single writer. Senders {@link #submit} validated readings and get a
 * future that completes after the store committed them (so HTTP 2xx, MQTT PUBACK and SL651 ACK are
 * sent only for durable readings). The writer coalesces waiting submissions into one transaction of at
 * most {@code maxBatch} readings, sorted by phenomenon time, then notifies {@link CommitListener}s.
 *
 * <p>Capacity is counted in readings; a submission that does not fit is refused at once with
 * {@link QueueFullException} (backpressure) instead of growing memory during a typhoon burst.
 *
 * <p>A store that fails or stalls (a write not confirmed within {@code stallLimit}, e.g. a pool waiting for a
 * database that went away) marks the store down: the batch in flight and everything queued behind it complete
 * with {@link StoreUnavailableException} at once (nothing of theirs was acknowledged; their senders retry, and
 * a reading that was committed after all is dropped as a duplicate then), new submissions are refused with
 * {@link QueueFullException#storeDown()} instead of waiting behind a dead database, and the writer probes
 * {@link ObservationStore#isAvailable()} until the store answers again.
 */
public final class IngestPipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);
    /** How long a write may take before the store counts as down. */
    public static final Duration DEFAULT_STALL_LIMIT = Duration.ofSeconds(5);

    private record Pending(List<Observation> observations, CompletableFuture<Committed> done) {}

    private final ObservationStore store;
    private final int capacity;
    private final int maxBatch;
    private final long stallNanos;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger depth = new AtomicInteger();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong storeFailures = new AtomicLong();
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private final Thread writer;
    private final ScheduledExecutorService watchdog;
    private volatile boolean storeDown;
    private volatile long writeStartedNanos;         // 0 while no write is in progress
    private volatile List<Pending> inFlight = List.of();
    private volatile boolean running = true;

    public IngestPipeline(ObservationStore store, int capacity, int maxBatch) {
        this(store, capacity, maxBatch, DEFAULT_STALL_LIMIT);
    }

    public IngestPipeline(ObservationStore store, int capacity, int maxBatch, Duration stallLimit) {
        if (capacity < 1 || maxBatch < 1) throw new IllegalArgumentException("capacity and maxBatch must be positive");
        this.store = store;
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.stallNanos = stallLimit.toNanos();
        this.writer = Thread.ofPlatform().name("sensor-ingest-writer").daemon().unstarted(this::run);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("sensor-ingest-watchdog").daemon().unstarted(r));
        writer.start();
        long every = Math.max(50, stallLimit.toMillis() / 10);
        watchdog.scheduleWithFixedDelay(this::checkStall, every, every, TimeUnit.MILLISECONDS);
    }

    public void addListener(CommitListener l) { listeners.add(l); }

    /**
     * Queues readings for the next batch.
     *
     * @throws QueueFullException when they do not fit, or while the store is down
     */
    public CompletableFuture<Committed> submit(List<Observation> observations) {
        if (!running) throw new QueueFullException("ingest is shutting down");
        if (storeDown) throw new QueueFullException("the observation store is unavailable", true);
        CompletableFuture<Committed> done = new CompletableFuture<>();
        if (observations.isEmpty()) {
            done.complete(new Committed(0, 0));
            return done;
        }
        int n = observations.size();
        while (true) {
            int d = depth.get();
            if (d + n > capacity) throw new QueueFullException("ingest queue full (" + d + "/" + capacity + " readings)");
            if (depth.compareAndSet(d, d + n)) break;
        }
        queue.add(new Pending(List.copyOf(observations), done));
        return done;
    }

    /** Readings waiting to be written. */
    public int depth() { return depth.get(); }

    public int capacity() { return capacity; }

    public long committedCount() { return committed.get(); }

    public long duplicateCount() { return duplicates.get(); }

    public long storeFailureCount() { return storeFailures.get(); }

    /** Whether the store failed or stalled and has not answered since (ingest is refused meanwhile). */
    public boolean storeDown() { return storeDown; }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                if (storeDown) {
                    probe();
                    continue;
                }
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                int size = first.observations().size();
                synchronized (queue) {   // failQueued may drain concurrently
                    Pending next;
                    while (size < maxBatch && (next = queue.peek()) != null
                            && size + next.observations().size() <= maxBatch) {
                        batch.add(queue.poll());
                        size += next.observations().size();
                    }
                }
                write(batch, size);
            } catch (InterruptedException e) {
                if (!running) break;
            } catch (RuntimeException e) {
                log.error("ingest writer error", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch, int size) {
        List<Observation> all = new ArrayList<>(size);
        for (Pending p : batch) all.addAll(p.observations());
        all.sort(Comparator.comparing(Observation::phenomenonTime));   // late readings stored in time order
        List<Observation> fresh;
        inFlight = List.copyOf(batch);
        writeStartedNanos = System.nanoTime();
        try {
            fresh = store.append(all);
        } catch (RuntimeException e) {
            storeFailures.incrementAndGet();
            storeDown = true;
            log.warn("store write of {} readings failed: {}; refusing ingest until the store answers", size,
                    e.getMessage());
            for (Pending p : batch) p.done().completeExceptionally(new StoreUnavailableException(e));
            failQueued(e);
            return;
        } finally {
            writeStartedNanos = 0;
            inFlight = List.of();
            depth.addAndGet(-size);
        }
        if (storeDown) log.info("observation store answers again; ingest resumed");
        storeDown = false;
        committed.addAndGet(fresh.size());
        duplicates.addAndGet(all.size() - fresh.size());
        Set<Observation.Key> freshKeys = new HashSet<>();
        for (Observation o : fresh) freshKeys.add(o.key());
        for (Pending p : batch) {
            int accepted = 0;
            for (Observation o : p.observations()) if (freshKeys.remove(o.key())) accepted++;
            p.done().complete(new Committed(accepted, p.observations().size() - accepted));
        }
        for (CommitListener l : listeners) {
            try {
                l.committed(fresh);
            } catch (RuntimeException e) {
                log.error("commit listener failed", e);
            }
        }
    }

    /** Watchdog: a write unconfirmed for longer than the stall limit takes the store down (see the class comment). */
    private void checkStall() {
        long started = writeStartedNanos;
        if (started == 0 || System.nanoTime() - started < stallNanos) return;
        if (!storeDown) {
            log.warn("store write unconfirmed after {} ms; refusing ingest until the store answers", stallNanos / 1_000_000);
            storeFailures.incrementAndGet();
        }
        storeDown = true;
        StoreUnavailableException e = new StoreUnavailableException(new TimeoutException("store write stalled"));
        for (Pending p : inFlight) p.done().completeExceptionally(e);   // no-op for those already completed
        failQueued(e);
    }

    /** Fails what waits behind a failed or stalled write: it would meet the same dead store. */
    private void failQueued(RuntimeException cause) {
        synchronized (queue) {
            Pending p;
            while ((p = queue.poll()) != null) {
                depth.addAndGet(-p.observations().size());
                p.done().completeExceptionally(cause instanceof StoreUnavailableException s ? s
                        : new StoreUnavailableException(cause));
            }
        }
    }

    /** While the store is down: asks it every 250 ms whether it answers again (the probe may block). */
    private void probe() throws InterruptedException {
        Thread.sleep(250);
        boolean up;
        try {
            up = store.isAvailable();
        } catch (RuntimeException e) {
            up = false;
        }
        if (up) {
            storeDown = false;
            log.info("observation store answers again; ingest resumed");
        } else {
            failQueued(new IllegalStateException("observation store down"));
        }
    }

    @Override
    public void close() {
        running = false;
        watchdog.shutdownNow();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
