package org.tidemark.layers.processes;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.tidemark.core.error.GeoServiceException;

/**
 * Asynchronous jobs: at most {@code concurrency} run at once, at most {@code capacity} are kept
 * (oldest finished ones are forgotten first). Jobs live in this instance's memory; behind a load
 * balancer, clients must stick to the instance that accepted the job (documented in the README).
 */
final class JobRegistry implements AutoCloseable {
    private final ConcurrentHashMap<String, Job> jobs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Future<?>> running = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots;
    private final int capacity;
    private final Clock clock;

    JobRegistry(int concurrency, int capacity, Clock clock) {
        this.slots = new Semaphore(concurrency);
        this.capacity = capacity;
        this.clock = clock;
    }

    Job submit(String processId, String owner, Supplier<Object> work) {
        if (jobs.size() >= capacity) evict();
        if (jobs.size() >= capacity) {
            throw new GeoServiceException(GeoServiceException.Kind.UNAVAILABLE, "ServerBusy", null, "Too many jobs; try again later");
        }
        String id = UUID.randomUUID().toString();
        Job job = new Job(id, processId, owner, Job.Status.accepted, "queued", clock.instant(), null, null, null);
        jobs.put(id, job);
        try {
            running.put(id, executor.submit(() -> run(id, work)));
        } catch (RejectedExecutionException e) {
            jobs.remove(id);
            throw GeoServiceException.unavailable("job executor closed", e);
        }
        return job;
    }

    private void run(String id, Supplier<Object> work) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            if (update(id, Job.Status.running, "running", null) == null) return;
            Object result = work.get();
            update(id, Job.Status.successful, "done", result);
        } catch (GeoServiceException e) {
            update(id, Job.Status.failed, e.getMessage(), null);
        } catch (RuntimeException e) {
            update(id, Job.Status.failed, "internal error", null);
        } finally {
            slots.release();
            running.remove(id);
        }
    }

    private Job update(String id, Job.Status status, String message, Object result) {
        return jobs.computeIfPresent(id, (k, j) -> j.status() == Job.Status.dismissed ? j : j.with(status, message, clock.instant(), result));
    }

    Optional<Job> get(String id, String owner) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner().equals(owner));
    }

    List<Job> list(String owner) {
        return jobs.values().stream().filter(j -> j.owner().equals(owner)).sorted(Comparator.comparing(Job::created).reversed()).toList();
    }

    /** Dismisses (cancels if running) and forgets the job's result. */
    Optional<Job> dismiss(String id, String owner) {
        Optional<Job> job = get(id, owner);
        job.ifPresent(j -> {
            Future<?> f = running.remove(id);
            if (f != null) f.cancel(true);
            jobs.put(id, j.with(Job.Status.dismissed, "dismissed", clock.instant(), null));
        });
        return job.map(j -> jobs.get(id));
    }

    private void evict() {
        jobs.values().stream().filter(j -> j.finished() != null).sorted(Comparator.comparing(Job::finished))
                .limit(Math.max(1, capacity / 10)).forEach(j -> jobs.remove(j.id()));
    }

    @Override
    public void close() { executor.shutdownNow(); }
}
