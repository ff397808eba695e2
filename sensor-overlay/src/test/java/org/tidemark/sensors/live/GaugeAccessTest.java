package org.tidemark.sensors.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.sensors.model.LatestValues;
import org.tidemark.sensors.model.RainAccumulator;
import org.tidemark.sensors.model.StationStates;

/** A followed view (long-lived streams) tracks the policy and the caller's credential. */
class GaugeAccessTest {
    private final AtomicBoolean granted = new AtomicBoolean(true);
    private final AtomicLong version = new AtomicLong();
    private final AccessPolicy policy = new AccessPolicy() {
        public AccessDecision decide(Principal p, String layer) { return granted.get() ? AccessDecision.READ_ALL : AccessDecision.DENY; }

        public long version() { return version.get(); }
    };
    private final GaugeAccess access = new GaugeAccess(policy,
            new GaugeFeatures(new LatestValues(), new RainAccumulator(), new StationStates()));
    private final Principal water = new Principal("w", "water", Set.of("user"));

    @Test
    void aChangedPolicyIsSeenAtOnce() {
        GaugeAccess.Followed f = access.follow(water);
        assertThat(f.current().visible()).isTrue();
        granted.set(false);
        version.incrementAndGet();
        assertThat(f.current().visible()).isFalse();
    }

    @Test
    void aCredentialThatStoppedHoldingEmptiesTheViewAtTheNextRefresh() throws InterruptedException {
        AtomicBoolean signedIn = new AtomicBoolean(true);
        GaugeAccess.Followed f = access.follow(water, signedIn::get);
        assertThat(f.current().visible()).isTrue();
        signedIn.set(false);   // logout
        long end = System.nanoTime() + 3 * GaugeAccess.REFRESH_NANOS;
        while (f.current().visible() && System.nanoTime() < end) Thread.sleep(50);
        assertThat(f.current().visible()).isFalse();
    }

    @Test
    void aCheckThatFailsCountsAsLapsed() {
        GaugeAccess.Followed f = access.follow(water, () -> { throw new IllegalStateException("key store down"); });
        assertThat(f.current().visible()).isFalse();
    }
}
