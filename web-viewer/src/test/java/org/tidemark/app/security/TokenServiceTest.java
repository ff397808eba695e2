package org.tidemark.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tidemark.core.access.Principal;

class TokenServiceTest {
    private final Principal water = new Principal("water", "water", Set.of("user", "steward"));

    @Test
    void issuedTokenVerifiesToTheSamePrincipal() {
        var tokens = new TokenService("s3cret", Clock.systemUTC(), Duration.ofHours(1));
        assertThat(tokens.verify(tokens.issue(water))).contains(water);
    }

    @Test
    void tamperedSignatureOrPayloadIsRejected() {
        var tokens = new TokenService("s3cret", Clock.systemUTC(), Duration.ofHours(1));
        String t = tokens.issue(water);
        String[] p = t.split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"admin\",\"roles\":[\"admin\"],\"exp\":9999999999}".getBytes());
        assertThat(tokens.verify(p[0] + "." + forgedPayload + "." + p[2])).isEmpty();
        assertThat(tokens.verify(t.substring(0, t.length() - 2) + "xx")).isEmpty();
        assertThat(new TokenService("other", Clock.systemUTC(), Duration.ofHours(1)).verify(t)).isEmpty();
        assertThat(tokens.verify("garbage")).isEmpty();
    }

    @Test
    void expiredTokenIsRejected() {
        var issuedAt = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        String t = new TokenService("k", issuedAt, Duration.ofMinutes(5)).issue(water);
        var later = Clock.fixed(Instant.parse("2026-01-01T00:06:00Z"), ZoneOffset.UTC);
        assertThat(new TokenService("k", later, Duration.ofMinutes(5)).verify(t)).isEmpty();
    }

    @Test
    void revokedTokenIsRejected() {
        var tokens = new TokenService("s3cret", Clock.systemUTC(), Duration.ofHours(1));
        String t = tokens.issue(water);
        tokens.revoke(t);
        assertThat(tokens.verify(t)).isEmpty();
    }
}
