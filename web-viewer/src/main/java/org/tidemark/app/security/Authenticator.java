package org.tidemark.app.security;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tidemark.app.config.TidemarkProperties;
import org.tidemark.core.access.Principal;

/**
 * Resolves credentials to a {@link Principal}: user name + password (for sign-in), API keys for
 * other systems ({@code X-API-Key} header or {@code key} parameter, as QGIS/GDAL URLs can carry it), and
 * bearer tokens issued by {@link TokenService}.
 */
public final class Authenticator {
    private final Map<String, TidemarkProperties.User> users;
    private final Map<String, TidemarkProperties.ApiKey> apiKeys;
    private final TokenService tokens;
    private final OidcTokenVerifier oidc;

    public Authenticator(TidemarkProperties.Security settings, TokenService tokens) {
        var o = settings.oidc();
        this.oidc = o.enabled() ? new OidcTokenVerifier(o.publicKey(), o.issuer(), o.audience(), o.departmentClaim(),
                o.rolesClaim(), java.time.Clock.systemUTC()) : null;
        this.users = settings.users().stream().collect(Collectors.toMap(TidemarkProperties.User::name, Function.identity(), (a, b) -> a));
        this.apiKeys = settings.apiKeys().stream().collect(Collectors.toMap(TidemarkProperties.ApiKey::key, Function.identity(), (a, b) -> a));
        this.tokens = tokens;
    }

    public Optional<Principal> password(String user, String password) {
        var u = users.get(user);
        // Hash even for unknown users so timing does not reveal which names exist.
        boolean ok = PasswordHasher.matches(password, u != null ? u.password() : "pbkdf2$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAA");
        if (u == null || !ok) return Optional.empty();
        return Optional.of(new Principal(u.name(), u.department(), roles(u.roles())));
    }

    /**
     * A configured user's principal without a password: for tools run by the server's operator on the server
     * (seeding a department's tiles), never for requests.
     */
    public Optional<Principal> configuredUser(String name) {
        var u = users.get(name);
        return u == null ? Optional.empty() : Optional.of(new Principal(u.name(), u.department(), roles(u.roles())));
    }

    public Optional<Principal> apiKey(String key) {
        var k = apiKeys.get(key);
        return k == null ? Optional.empty() : Optional.of(new Principal("key:" + k.name(), k.department(), roles(k.roles())));
    }

    /** Our own sign-in tokens first, then the OIDC provider's (when configured). */
    public Optional<Principal> bearer(String token) {
        Optional<Principal> own = tokens.verify(token);
        return own.isPresent() || oidc == null ? own : oidc.verify(token);
    }

    public TokenService tokens() { return tokens; }

    private static java.util.Set<String> roles(List<String> roles) {
        return roles == null ? java.util.Set.of() : new HashSet<>(roles);
    }
}
