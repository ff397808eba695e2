package org.tidemark.app.config;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every Tidemark setting, under the {@code tidemark.} prefix. Defaults live here in code, so the
 * service runs with no configuration at all (embedded H2GIS + Xiangshan demo data); environment
 * variables override (e.g. {@code TIDEMARK_DB_URL}). The effective values are logged at start-up with
 * secrets masked ({@link EffectiveConfigurationLogger}).
 *
 * @param dataDir   where the embedded database, the generated DEM and the tile cache live
 * @param db        the database; an empty URL means the embedded H2GIS file database in {@code dataDir}
 * @param demo      the Xiangshan demo dataset and feed
 * @param service   public service metadata (base URL for capabilities, schema location base)
 * @param mqtt      the MQTT live bus; an empty URL disables it
 * @param security  users and API keys
 * @param sensors   how the live gauges layer is published
 */
@ConfigurationProperties(prefix = "tidemark")
public record TidemarkProperties(Path dataDir, Db db, Demo demo, Service service, Mqtt mqtt, Security security,
                                 Sensors sensors) {

    public TidemarkProperties {
        if (dataDir == null) dataDir = Path.of("tidemark-data");
        if (db == null) db = new Db(null, null, null, 0);
        if (demo == null) demo = new Demo(true, true);
        if (service == null) service = new Service(null, null, 4096, 10_000);
        if (mqtt == null) mqtt = new Mqtt(null, "tidemark/obs/#");
        if (security == null) security = new Security(null, List.of(), List.of(), null);
        if (sensors == null) sensors = new Sensors(null);
    }

    /** The store: {@code jdbc:postgresql://...} for PostGIS, empty for embedded H2GIS. */
    public record Db(String url, String user, String password, int poolSize) {
        public Db { if (poolSize <= 0) poolSize = 8; }

        public boolean embedded() { return url == null || url.isBlank(); }
    }

    /** Load the Xiangshan demo layers on first start; run the simulated gauge feed. */
    public record Demo(boolean load, boolean feed) {}

    /**
     * @param baseUrl          public base URL advertised in capabilities (empty: derived from each request)
     * @param schemaBaseUrl    base of OGC schema locations (default {@code http://schemas.opengis.net})
     * @param maxImageSize     WMS/WMTS maximum width or height in pixels
     * @param maxFeatures      the largest page any feature request returns
     */
    public record Service(String baseUrl, String schemaBaseUrl, int maxImageSize, int maxFeatures) {
        public Service {
            if (schemaBaseUrl == null || schemaBaseUrl.isBlank()) schemaBaseUrl = "http://schemas.opengis.net";
            if (maxImageSize <= 0) maxImageSize = 4096;
            if (maxFeatures <= 0) maxFeatures = 10_000;
        }
    }

    /**
     * @param gaugesPublic whether the water bureau publishes the live {@code gauges} layer to everyone
     *                     (default true, as in the demo); false makes it like any other layer: its own
     *                     department sees it, others only through a grant (rows, fields, area)
     */
    public record Sensors(Boolean gaugesPublic) {
        public Sensors { if (gaugesPublic == null) gaugesPublic = Boolean.TRUE; }
    }

    /** @param url broker such as {@code tcp://127.0.0.1:1883}; empty disables MQTT */
    public record Mqtt(String url, String topic) {
        public Mqtt { if (topic == null || topic.isBlank()) topic = "tidemark/obs/#"; }

        public boolean enabled() { return url != null && !url.isBlank(); }
    }

    /**
     * @param tokenSecret signing secret for session tokens (generated per start when empty)
     * @param users       built-in users (demo accounts)
     * @param apiKeys     API keys for other systems
     */
    public record Security(String tokenSecret, List<User> users, List<ApiKey> apiKeys, Oidc oidc) {
        public Security {
            if (oidc == null) oidc = new Oidc(null, null, null, null, null);
            users = users == null ? List.of() : List.copyOf(users);
            apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        }
    }

    /**
     * Bearer tokens from the intranet's OpenID Connect provider (RS256). Disabled while {@code publicKey} is empty.
     *
     * @param publicKey       the IdP's RSA signing key, PEM ({@code -----BEGIN PUBLIC KEY-----})
     * @param issuer          required {@code iss}
     * @param audience        required {@code aud}
     * @param departmentClaim claim holding the department code (default {@code department})
     * @param rolesClaim      claim holding the roles (default {@code roles}; Keycloak's realm roles also work)
     */
    public record Oidc(String publicKey, String issuer, String audience, String departmentClaim, String rolesClaim) {
        public boolean enabled() { return publicKey != null && !publicKey.isBlank(); }
    }

    /** A user: password is stored as a PBKDF2 hash ({@code pbkdf2$iterations$salt$hash}) or plain for demos. */
    public record User(String name, String password, String department, List<String> roles) {}

    /** An API key for a system client, acting for a department. */
    public record ApiKey(String key, String name, String department, List<String> roles) {}
}
