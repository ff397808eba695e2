package org.tidemark.sensors.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tidemark.core.sensor.InMemoryObservationStore;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.ObservationStore;
import org.tidemark.core.sensor.Quality;

class IngestPipelineTest {
    private static final Instant T0 = Instant.parse("2026-09-14T00:00:00Z");
    private final InMemoryObservationStore store = new InMemoryObservationStore();
    private IngestPipeline pipeline;

    @AfterEach
    void close() { if (pipeline != null) pipeline.close(); }

    private static Observation obs(String station, int second, double v) {
        return new Observation(station, "Z", T0.plusSeconds(second), null, v, "m", Quality.GOOD);
    }

    @Test
    void futureCompletesAfterCommitAndListenersSeeOnlyNewReadings() throws Exception {
        pipeline = new IngestPipeline(store, 100, 50);
        List<List<Observation>> seen = Collections.synchronizedList(new ArrayList<>());
        pipeline.addListener(fresh -> {
            // the readings are already readable from the store when listeners run
            assertThat(store.latest(fresh.get(0).station(), "Z")).isPresent();
            seen.add(fresh);
        });
        Committed c = pipeline.submit(List.of(obs("A", 0, 1), obs("A", 60, 2))).get(5, TimeUnit.SECONDS);
        assertThat(c).isEqualTo(new Committed(2, 0));
        assertThat(store.history("A", "Z", T0, T0.plusSeconds(3600), 10)).hasSize(2);
        Committed again = pipeline.submit(List.of(obs("A", 60, 2), obs("A", 120, 3))).get(5, TimeUnit.SECONDS);
        assertThat(again).isEqualTo(new Committed(1, 1));
        waitFor(() -> seen.size() == 2);
        assertThat(seen.get(1)).extracting(Observation::value).containsExactly(3.0);
    }

    @Test
    void refusesWhatDoesNotFitInsteadOfGrowing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ObservationStore slow = new BlockingStore(store, release);
        pipeline = new IngestPipeline(slow, 10, 5);
        CompletableFuture<Committed> first = pipeline.submit(List.of(obs("A", 0, 1), obs("A", 1, 1), obs("A", 2, 1),
                obs("A", 3, 1), obs("A", 4, 1), obs("A", 5, 1)));
        assertThat(pipeline.depth()).isEqualTo(6);
        pipeline.submit(List.of(obs("B", 0, 1), obs("B", 1, 1), obs("B", 2, 1), obs("B", 3, 1)));
        assertThatThrownBy(() -> pipeline.submit(List.of(obs("C", 0, 1)))).isInstanceOf(QueueFullException.class);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).accepted()).isEqualTo(6);
        waitFor(() -> pipeline.depth() == 0);
        assertThat(pipeline.submit(List.of(obs("C", 0, 1))).get(5, TimeUnit.SECONDS).accepted()).isEqualTo(1);
    }

    @Test
    void waitingSubmissionsAreCoalescedIntoFewTransactions() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        pipeline = new IngestPipeline(new BlockingStore(store, release), 10_000, 500);
        List<CompletableFuture<Committed>> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) all.add(pipeline.submit(List.of(obs("S" + i, i, i))));
        release.countDown();
        for (CompletableFuture<Committed> f : all) assertThat(f.get(5, TimeUnit.SECONDS).accepted()).isEqualTo(1);
        assertThat(store.appendCalls()).isLessThanOrEqualTo(3);
    }

    @Test
    void storeOutageFailsTheSubmissionWithNothingAcknowledged() throws Exception {
        pipeline = new IngestPipeline(store, 100, 50);
        store.setAvailable(false);
        CompletableFuture<Committed> f = pipeline.submit(List.of(obs("A", 0, 1)));
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(StoreUnavailableException.class);
        assertThat(pipeline.storeFailureCount()).isEqualTo(1);
        store.setAvailable(true);
        waitFor(() -> !pipeline.storeDown());
        assertThat(pipeline.submit(List.of(obs("A", 0, 1))).get(5, TimeUnit.SECONDS).accepted()).isEqualTo(1);
    }

    @Test
    void whileTheStoreIsDownSubmissionsAreRefusedAtOnceAndQueuedOnesFail() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FailingOnceStore failing = new FailingOnceStore(store, release);
        pipeline = new IngestPipeline(failing, 100, 1);
        CompletableFuture<Committed> first = pipeline.submit(List.of(obs("A", 0, 1)));
        CompletableFuture<Committed> queued = pipeline.submit(List.of(obs("A", 1, 1)));
        store.setAvailable(false);
        release.countDown();   // the first write now meets the dead store
        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreUnavailableException.class);
        assertThat(pipeline.storeDown()).isTrue();
        assertThatThrownBy(() -> pipeline.submit(List.of(obs("A", 2, 1))))
                .isInstanceOfSatisfying(QueueFullException.class, e -> assertThat(e.storeDown()).isTrue());
        assertThat(pipeline.depth()).isZero();
        store.setAvailable(true);
        waitFor(() -> !pipeline.storeDown());
        assertThat(pipeline.submit(List.of(obs("A", 0, 1), obs("A", 1, 1))).get(5, TimeUnit.SECONDS).accepted())
                .isEqualTo(2);
    }

    @Test
    void aStalledWriteFailsItsSendersAndRefusesNewReadingsUntilTheStoreAnswers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        pipeline = new IngestPipeline(new BlockingStore(store, release), 100, 10, java.time.Duration.ofMillis(300));
        CompletableFuture<Committed> stalled = pipeline.submit(List.of(obs("A", 0, 1)));
        assertThatThrownBy(() -> stalled.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> pipeline.submit(List.of(obs("A", 1, 1))))
                .isInstanceOfSatisfying(QueueFullException.class, e -> assertThat(e.storeDown()).isTrue());
        release.countDown();   // the database answers again: the stalled write commits after all
        waitFor(() -> !pipeline.storeDown());
        assertThat(pipeline.submit(List.of(obs("A", 0, 1), obs("A", 1, 1))).get(5, TimeUnit.SECONDS))
                .isEqualTo(new Committed(1, 1));   // the stalled reading was stored: its retry is a duplicate
    }

    @Test
    void lateReadingsAreWrittenInPhenomenonTimeOrder() throws Exception {
        List<Instant> order = Collections.synchronizedList(new ArrayList<>());
        pipeline = new IngestPipeline(new RecordingStore(store, order), 100, 50);
        pipeline.submit(List.of(obs("A", 300, 3), obs("A", 0, 1), obs("A", 120, 2))).get(5, TimeUnit.SECONDS);
        assertThat(order).isSorted();
    }

    static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not met in 5 s");
            Thread.sleep(10);
        }
    }

    /** Holds the first append until released (a slow database). */
    private record BlockingStore(InMemoryObservationStore delegate, CountDownLatch release) implements ObservationStore {
        public List<Observation> append(List<Observation> o) {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.append(o);
        }
        public List<Observation> latest() { return delegate.latest(); }
        public java.util.Optional<Observation> latest(String s, String p) { return delegate.latest(s, p); }
        public List<Observation> history(String s, String p, Instant f, Instant t, int l) { return delegate.history(s, p, f, t, l); }
        public org.tidemark.core.sensor.Alert appendAlert(org.tidemark.core.sensor.Alert a) { return delegate.appendAlert(a); }
        public List<org.tidemark.core.sensor.Alert> alerts(Instant since, int limit) { return delegate.alerts(since, limit); }
        public java.util.Optional<org.tidemark.core.sensor.Alert> acknowledge(long id, String by, Instant at) { return delegate.acknowledge(id, by, at); }
        public boolean isAvailable() { return true; }
    }

    /** Holds the first append until released, then delegates (which fails while the delegate is down). */
    private record FailingOnceStore(InMemoryObservationStore delegate, CountDownLatch release) implements ObservationStore {
        public List<Observation> append(List<Observation> o) {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.append(o);
        }
        public List<Observation> latest() { return delegate.latest(); }
        public java.util.Optional<Observation> latest(String s, String p) { return delegate.latest(s, p); }
        public List<Observation> history(String s, String p, Instant f, Instant t, int l) { return delegate.history(s, p, f, t, l); }
        public org.tidemark.core.sensor.Alert appendAlert(org.tidemark.core.sensor.Alert a) { return delegate.appendAlert(a); }
        public List<org.tidemark.core.sensor.Alert> alerts(Instant since, int limit) { return delegate.alerts(since, limit); }
        public java.util.Optional<org.tidemark.core.sensor.Alert> acknowledge(long id, String by, Instant at) { return delegate.acknowledge(id, by, at); }
        public boolean isAvailable() { return delegate.isAvailable(); }
    }

    private record RecordingStore(InMemoryObservationStore delegate, List<Instant> order) implements ObservationStore {
        public List<Observation> append(List<Observation> o) {
            o.forEach(x -> order.add(x.phenomenonTime()));
            return delegate.append(o);
        }
        public List<Observation> latest() { return delegate.latest(); }
        public java.util.Optional<Observation> latest(String s, String p) { return delegate.latest(s, p); }
        public List<Observation> history(String s, String p, Instant f, Instant t, int l) { return delegate.history(s, p, f, t, l); }
        public org.tidemark.core.sensor.Alert appendAlert(org.tidemark.core.sensor.Alert a) { return delegate.appendAlert(a); }
        public List<org.tidemark.core.sensor.Alert> alerts(Instant since, int limit) { return delegate.alerts(since, limit); }
        public java.util.Optional<org.tidemark.core.sensor.Alert> acknowledge(long id, String by, Instant at) { return delegate.acknowledge(id, by, at); }
        public boolean isAvailable() { return true; }
    }
}
