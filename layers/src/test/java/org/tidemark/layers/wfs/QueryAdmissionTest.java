package org.tidemark.layers.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueryAdmissionTest {
    @Test
    void atMostThePermitsRunAtOnceAndWaitersGoInArrivalOrder() throws Exception {
        QueryAdmission admission = new QueryAdmission(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    admission.run(() -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        order.add(n);
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        running.decrementAndGet();
                    });
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
            // the next one arrives only once this one holds a permit or waits for one
            long end = System.nanoTime() + 5_000_000_000L;
            while (order.size() < Math.min(n + 1, 2) && System.nanoTime() < end) Thread.sleep(5);
            Thread.sleep(20);
        }
        assertThat(admission.available()).isZero();
        release.countDown();
        for (Thread t : threads) t.join(10_000);
        assertThat(most.get()).isEqualTo(2);
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(admission.available()).isEqualTo(2);
    }

    @Test
    void aFailingQueryGivesItsPermitBack() {
        QueryAdmission admission = new QueryAdmission(1);
        try {
            admission.run(() -> { throw new IllegalStateException("store down"); });
        } catch (IllegalStateException | java.io.IOException expected) {
            // the WFS answers it with an ExceptionReport
        }
        assertThat(admission.available()).isEqualTo(1);
    }
}
