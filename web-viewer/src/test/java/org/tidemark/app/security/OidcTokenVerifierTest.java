package org.tidemark.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OidcTokenVerifierTest {
    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    final KeyPair idp = rsa();
    final KeyPair attacker = rsa();
    final OidcTokenVerifier verifier = new OidcTokenVerifier(pem(idp), "https://idp.xiangshan.example/realms/gov", "tidemark",
            "dept", null, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void validTokenYieldsUserDepartmentAndRealmRoles() {
        String t = sign(idp, "{\"alg\":\"RS256\"}", claims(NOW.getEpochSecond() + 300, "tidemark"));
        var p = verifier.verify(t).orElseThrow();
        assertThat(p.id()).isEqualTo("oidc:zhang");
        assertThat(p.department()).isEqualTo("water");
        assertThat(p.roles()).containsExactlyInAnyOrder("steward", "user");
    }

    @Test
    void wrongKeyWrongAudienceExpiredOrAlgNoneAreRejected() {
        assertThat(verifier.verify(sign(attacker, "{\"alg\":\"RS256\"}", claims(NOW.getEpochSecond() + 300, "tidemark")))).isEmpty();
        assertThat(verifier.verify(sign(idp, "{\"alg\":\"RS256\"}", claims(NOW.getEpochSecond() + 300, "other")))).isEmpty();
        assertThat(verifier.verify(sign(idp, "{\"alg\":\"RS256\"}", claims(NOW.getEpochSecond() - 120, "tidemark")))).isEmpty();
        String none = B64.encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + B64.encodeToString(claims(NOW.getEpochSecond() + 300, "tidemark").getBytes()) + ".";
        assertThat(verifier.verify(none)).isEmpty();
        assertThat(verifier.verify("not-a-token")).isEmpty();
    }

    static String claims(long exp, String aud) {
        return "{\"iss\":\"https://idp.xiangshan.example/realms/gov\",\"aud\":[\"" + aud + "\"],\"exp\":" + exp
                + ",\"preferred_username\":\"zhang\",\"sub\":\"f1\",\"dept\":\"water\",\"realm_access\":{\"roles\":[\"steward\",\"user\"]}}";
    }

    static String sign(KeyPair kp, String header, String payload) {
        try {
            String body = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(kp.getPrivate());
            s.update(body.getBytes(StandardCharsets.US_ASCII));
            return body + "." + B64.encodeToString(s.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(KeyPair kp) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(kp.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
    }
}
