package org.tidemark.sensors.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 */
public final class IngestPipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    private record Pending(List<Observation> observations, CompletableFuture<Committed> done) {}

    private final ObservationStore store;
    private final int capacity;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger depth = new AtomicInteger();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong storeFailures = new AtomicLong();
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private final Thread writer;
    private volatile boolean running = true;

    public IngestPipeline(ObservationStore store, int capacity, int maxBatch) {
        if (capacity < 1 || maxBatch < 1) throw new IllegalArgumentException("capacity and maxBatch must be positive");
        this.store = store;
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.writer = Thread.ofPlatform().name("sensor-ingest-writer").daemon().unstarted(this::run);
        writer.start();
    }

    public void addListener(CommitListener l) { listeners.add(l); }

    /**
     * Queues readings for the next batch.
     *
     * @throws QueueFullException when they do not fit
     */
    public CompletableFuture<Committed> submit(List<Observation> observations) {
        if (!running) throw new QueueFullException("ingest is shutting down");
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

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                int size = first.observations().size();
                Pending next;
                while (size < maxBatch && (next = queue.peek()) != null
                        && size + next.observations().size() <= maxBatch) {
                    batch.add(queue.poll());
                    size += next.observations().size();
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
        try {
            fresh = store.append(all);
        } catch (RuntimeException e) {
            storeFailures.incrementAndGet();
            depth.addAndGet(-size);
            log.warn("store write of {} readings failed: {}", size, e.getMessage());
            for (Pending p : batch) p.done().completeExceptionally(new StoreUnavailableException(e));
            pause();
            return;
        }
        depth.addAndGet(-size);
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

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
