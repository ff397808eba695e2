package org.tidemark.app.security;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tidemark.core.access.Principal;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies bearer tokens issued by the intranet's identity provider (OpenID Connect ID/access tokens,
 * RS256 JWS per RFC 7515/7518): signature with the configured public key, {@code iss}, {@code aud},
 * {@code exp}/{@code nbf} with 60 s leeway. The subject comes from {@code preferred_username} or
 * {@code sub}; department and roles from configurable claims ({@code roles} may also be Keycloak's
 * {@code realm_access.roles}). Keys are configured, not fetched: the IdP's JWKS endpoint may not be
 * reachable from every zone of a government network.
 */
public final class OidcTokenVerifier {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long LEEWAY_SECONDS = 60;

    private final PublicKey key;
    private final String issuer;
    private final String audience;
    private final String departmentClaim;
    private final String rolesClaim;
    private final Clock clock;

    public OidcTokenVerifier(String publicKeyPem, String issuer, String audience, String departmentClaim, String rolesClaim,
                             Clock clock) {
        this.key = parseKey(publicKeyPem);
        this.issuer = issuer;
        this.audience = audience;
        this.departmentClaim = departmentClaim == null || departmentClaim.isBlank() ? "department" : departmentClaim;
        this.rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        this.clock = clock;
    }

    static PublicKey parseKey(String pem) {
        try {
            String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("tidemark.security.oidc.public-key is not an RSA public key in PEM", e);
        }
    }

    @SuppressWarnings("unchecked")
    public Optional<Principal> verify(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) return Optional.empty();
        try {
            Map<String, Object> header = JSON.readValue(Base64.getUrlDecoder().decode(parts[0]), Map.class);
            if (!"RS256".equals(header.get("alg"))) return Optional.empty(); // no "none", no HS256 key confusion
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) return Optional.empty();
            Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            long now = clock.instant().getEpochSecond();
            if (!(claims.get("exp") instanceof Number exp) || exp.longValue() + LEEWAY_SECONDS < now) return Optional.empty();
            if (claims.get("nbf") instanceof Number nbf && nbf.longValue() - LEEWAY_SECONDS > now) return Optional.empty();
            if (issuer != null && !issuer.equals(claims.get("iss"))) return Optional.empty();
            if (audience != null && !audiences(claims.get("aud")).contains(audience)) return Optional.empty();
            Object name = claims.getOrDefault("preferred_username", claims.get("sub"));
            if (name == null) return Optional.empty();
            Object dept = claims.get(departmentClaim);
            return Optional.of(new Principal("oidc:" + name, dept == null ? null : dept.toString(), roles(claims)));
        } catch (RuntimeException | java.security.GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static List<String> audiences(Object aud) {
        if (aud instanceof String s) return List.of(s);
        if (aud instanceof Collection<?> c) return c.stream().map(String::valueOf).toList();
        return List.of();
    }

    @SuppressWarnings("unchecked")
    private Set<String> roles(Map<String, Object> claims) {
        Object roles = claims.get(rolesClaim);
        if (roles == null && claims.get("realm_access") instanceof Map<?, ?> realm) roles = realm.get("roles");
        Set<String> out = new HashSet<>();
        if (roles instanceof Collection<?> c) for (Object r : c) out.add(String.valueOf(r));
        else if (roles instanceof String s) out.addAll(new ArrayList<>(List.of(s.split("[ ,]+"))));
        return out;
    }
}
