package org.tidemark.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** Slows password guessing: after 5 failures for a client and user, sign-in is refused for a minute. */
final class LoginThrottle {
    private record Failures(int count, Instant since) {}

    private static final int MAX_FAILURES = 5;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) { this.clock = clock; }

    boolean allow(String client) {
        Failures f = failures.get(client);
        if (f == null) return true;
        if (f.since().plus(WINDOW).isBefore(clock.instant())) {
            failures.remove(client);
            return true;
        }
        return f.count() < MAX_FAILURES;
    }

    void failure(String client) {
        failures.merge(client, new Failures(1, clock.instant()), (a, b) -> new Failures(a.count() + 1, a.since()));
    }

    void success(String client) { failures.remove(client); }
}
