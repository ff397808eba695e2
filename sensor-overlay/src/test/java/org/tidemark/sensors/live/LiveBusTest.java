package org.tidemark.sensors.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveBusTest {
    @Test
    void resumeReplaysExactlyTheMissedEvents() {
        LiveBus bus = new LiveBus(10, 100);
        for (int i = 0; i < 5; i++) bus.publish("observation", "A", Map.of("n", i));
        LiveBus.Subscription s = bus.subscribe(2);
        bus.publish("alert", "A", Map.of("n", 5));
        assertThat(s.drain()).extracting(LiveEvent::id).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void resumeFromBeforeTheBufferSendsReset() {
        LiveBus bus = new LiveBus(3, 100);
        for (int i = 0; i < 10; i++) bus.publish("observation", "A", Map.of());
        LiveBus.Subscription s = bus.subscribe(2);
        assertThat(s.drain()).extracting(LiveEvent::type).containsExactly(LiveBus.RESET);
        LiveBus.Subscription ok = bus.subscribe(7);   // 8..10 still buffered
        assertThat(ok.drain()).extracting(LiveEvent::id).containsExactly(8L, 9L, 10L);
        assertThat(bus.subscribe(10).drain()).isEmpty();
        assertThat(bus.subscribe(-1).drain()).isEmpty();
    }

    @Test
    void anIdThisBusNeverIssuedGetsResetNotASilentGap() {
        long started = 1_765_000_000_000L * 1000;   // the app bases ids on its start time in microseconds
        LiveBus before = new LiveBus(10, 100, d -> null, started);
        for (int i = 0; i < 3; i++) before.publish("observation", "A", Map.of());
        long seenBeforeRestart = before.lastId();
        LiveBus restarted = new LiveBus(10, 100, d -> null, started + 60_000_000L);   // a minute later
        restarted.publish("observation", "A", Map.of());
        assertThat(restarted.lastId()).isGreaterThan(seenBeforeRestart);
        assertThat(restarted.subscribe(seenBeforeRestart).drain()).extracting(LiveEvent::type).containsExactly(LiveBus.RESET);
        LiveBus other = new LiveBus(10, 100, d -> null, started - 60_000_000L);   // another instance, older
        other.publish("observation", "A", Map.of());
        LiveBus.Subscription moved = other.subscribe(seenBeforeRestart);   // an id from the future, for it
        assertThat(moved.drain()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(LiveBus.RESET);
            assertThat(e.id()).isEqualTo(other.lastId());   // resuming from here later is exact
        });
    }

    @Test
    void aSubscriberThatFallsBehindIsCutOffWithoutAffectingOthers() throws Exception {
        LiveBus bus = new LiveBus(0, 5);
        LiveBus.Subscription slow = bus.subscribe(-1);
        LiveBus.Subscription fast = bus.subscribe(-1);
        for (int i = 0; i < 20; i++) {
            bus.publish("observation", "A", Map.of("n", i));
            assertThat(fast.poll(100)).isNotNull();
        }
        assertThat(slow.overflowed()).isTrue();
        assertThat(fast.overflowed()).isFalse();
        assertThat(bus.subscriberCount()).isEqualTo(1);
        fast.close();
        assertThat(bus.subscriberCount()).isZero();
    }
}
