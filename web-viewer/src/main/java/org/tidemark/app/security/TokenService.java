package org.tidemark.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tidemark.core.access.Principal;

/**
 * Issues and verifies compact HS256 JSON Web Tokens (RFC 7519 / RFC 7515) for signed-in users: the
 * subject, department and roles travel in the token so that any instance behind a load balancer can
 * verify it with the shared secret; logout adds the token id to a revocation set until it expires.
 */
public final class TokenService {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private static final String HEADER = ENC.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final byte[] secret;
    private final Clock clock;
    private final Duration lifetime;
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    public TokenService(String secret, Clock clock, Duration lifetime) {
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.secret = random;
        } else {
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
        }
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public String issue(Principal p) {
        long now = clock.instant().getEpochSecond();
        String jti = Long.toHexString(new SecureRandom().nextLong());
        var claims = new java.util.LinkedHashMap<String, Object>();
        claims.put("sub", p.id());
        claims.put("dept", p.department());
        claims.put("roles", p.roles().stream().sorted().toList());
        claims.put("iat", now);
        claims.put("exp", now + lifetime.toSeconds());
        claims.put("jti", jti);
        String payload = JSON.writeValueAsString(claims);
        String body = HEADER + "." + ENC.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + ENC.encodeToString(sign(body));
    }

    /** The principal of a valid, unexpired, unrevoked token; empty otherwise. */
    public Optional<Principal> verify(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !parts[0].equals(HEADER)) return Optional.empty();
        byte[] sig;
        try {
            sig = DEC.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sig, sign(parts[0] + "." + parts[1]))) return Optional.empty();
        var claims = claims(parts[1]);
        long exp = ((Number) claims.getOrDefault("exp", 0L)).longValue();
        if (exp < clock.instant().getEpochSecond() || revoked.contains(String.valueOf(claims.get("jti")))) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        var roles = (java.util.List<Object>) claims.getOrDefault("roles", java.util.List.of());
        return Optional.of(new Principal((String) claims.get("sub"), (String) claims.get("dept"),
                Set.copyOf(roles.stream().map(String::valueOf).toList())));
    }

    public void revoke(String token) {
        String[] parts = token.split("\\.");
        if (parts.length == 3 && verify(token).isPresent()) {
            var claims = claims(parts[1]);
            revoked.add(String.valueOf(claims.get("jti")));
        }
    }

    private byte[] sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> claims(String part) {
        try {
            return JSON.readValue(DEC.decode(part), java.util.Map.class);
        } catch (RuntimeException e) {
            return java.util.Map.of();
        }
    }
}
