package org.tidemark.app.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.tidemark.app.TidemarkApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #4 proof, Transactional conformance class: the OGC CITE WFS 2.0 suite runs as a caller that may write, so the
 * capabilities claim {@code ImplementsTransactionalWFS} and the suite's Insert, Update, Replace and Delete tests run
 * (on every feature type the capabilities list) next to all the read tests, and every test passes.
 *
 * <p>The conformance caller is an ordinary API key configured for this run only, of a department that provides no
 * layers and has no grants to read any ({@code cite}): it sees the public layers, and the providers' stewards grant it,
 * through the grants API, write access to the whole of each (planning, whose steward is the demo admin: land,
 * buildings, roads, place names; water: streams). Its capabilities then list exactly the layers it may write; the
 * departments' other layers stay invisible to it; and the live {@code gauges} layer, which has no feature store, is
 * published to its own department only ({@code tidemark.sensors.gauges-public=false}) — WFS 2.0 capabilities cannot
 * mark a single type read-only, and the suite writes every type it is shown. The read-only anonymous run, with the
 * gauges layer and its temporal tests, is {@link CiteWfs20IT}.
 *
 * <p>The suite cannot send credentials, so it calls the app through {@link KeyedGateway}, which adds the key, and the
 * app advertises the gateway as its base URL. Access control is the app's own: the only rule this run relies on beyond
 * the demo configuration is that a steward's whole-layer write grant on a public layer lets the grantee edit it
 * ({@code GrantPolicy}); every other caller reads public layers as before.
 */
@SpringBootTest(classes = TidemarkApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CiteWfs20TransactionalIT {
    /** Guards of the conformance classes the capabilities truthfully do not claim (locking). */
    static final Set<String> UNCLAIMED_CLASS_GUARDS = Set.of("implementsLockingWFS", "sutImplementsGetFeatureWithLock");
    /** The Transactional test classes, then the read classes the writer's layers exercise: each must pass tests. */
    static final List<String> CLAIMED = List.of("TransactionCapabilitiesTests", "InsertTests", "Update", "ReplaceTests",
            "DeleteTests", "SimpleCapabilitiesTests", "DescribeFeatureTypeTests", "StoredQueryTests", "BasicGetFeatureTests",
            "GetPropertyValueTests", "ResourceIdFilterTests", "PropertyIsEqualToOperatorTests", "BBOXTests", "PagingTests");
    /** The layers the conformance caller sees, each of which it may write. */
    static final Set<String> WRITABLE = Set.of("land", "buildings", "roads", "place_names", "streams");
    static final String CONFORMANCE_KEY_NAME = "cite-conformance";
    static final long SUITE_TIMEOUT_MINUTES = 10;
    static final String KEY = "cite-" + UUID.randomUUID();
    static final Path DATA;
    static final KeyedGateway GATEWAY;
    static {
        try {
            DATA = Files.createTempDirectory("tidemark-cite-t");
            GATEWAY = new KeyedGateway(KEY);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                FileSystemUtils.deleteRecursively(DATA);
            } catch (IOException ignored) {
                // a temporary directory; the OS cleans it eventually
            }
        }));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("tidemark.data-dir", DATA::toString);
        r.add("tidemark.demo.feed", () -> "false");
        r.add("tidemark.db.url", () -> "");
        r.add("tidemark.sensors.gauges-public", () -> "false");
        r.add("tidemark.service.base-url", GATEWAY::baseUrl);
        // the configured keys (a list is replaced whole): the telemetry gateway's, and the conformance caller's
        r.add("tidemark.security.api-keys[0].key", () -> "demo-water-telemetry");
        r.add("tidemark.security.api-keys[0].name", () -> "water-telemetry");
        r.add("tidemark.security.api-keys[0].department", () -> "water");
        r.add("tidemark.security.api-keys[0].roles[0]", () -> "ingest");
        r.add("tidemark.security.api-keys[1].key", () -> KEY);
        r.add("tidemark.security.api-keys[1].name", () -> CONFORMANCE_KEY_NAME);
        r.add("tidemark.security.api-keys[1].department", () -> "cite");
        r.add("tidemark.security.api-keys[1].roles[0]", () -> "user");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @AfterAll
    void closeGateway() {
        GATEWAY.close();
    }

    @Test
    void everyTestOfTheClaimedConformanceClassesPassesIncludingTransactional() throws Exception {
        String direct = "http://127.0.0.1:" + port;
        GATEWAY.target(() -> port);
        String planning = signIn(direct, "admin");
        for (String layer : List.of("land", "buildings", "roads", "place_names")) grantWrite(direct, planning, layer);
        grantWrite(direct, signIn(direct, "water"), "streams");

        String caps = GATEWAY.baseUrl() + "/wfs?service=WFS&request=GetCapabilities";
        String keyed = get(caps);
        assertThat(featureTypes(keyed)).as("the conformance caller sees exactly the layers it may write").isEqualTo(new TreeSet<>(WRITABLE));
        assertThat(keyed).containsPattern("ImplementsTransactionalWFS\"[^>]*>\\s*(<[^>]+>\\s*)*<ows:DefaultValue>TRUE");
        String anonymous = get(direct + "/wfs?service=WFS&request=GetCapabilities");
        assertThat(anonymous).as("nothing changes for anonymous callers")
                .containsPattern("ImplementsTransactionalWFS\"[^>]*>\\s*(<[^>]+>\\s*)*<ows:DefaultValue>FALSE");

        Path work = Path.of("target", "cite-wfs20-transactional").toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        long started = System.nanoTime();
        TestNgResults results = new EtsWfs20(EtsWfs20.libraryFromBuild()).run(caps, work, SUITE_TIMEOUT_MINUTES);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        System.out.println(results.summary() + " in " + seconds + " s (results under " + work + ")");
        results.skipReasons().forEach((reason, n) -> System.out.println("  skipped " + n + "× " + reason));

        assertThat(results.total()).as("the suite ran (log: %s)", work.resolve("ets.log")).isPositive();
        assertThat(results.failures()).as(results.summary()).isEmpty();
        assertThat(results.failed()).as(results.summary()).isZero();
        assertThat(results.configFailures().stream().map(TestNgResults.Outcome::method).collect(Collectors.toSet()))
                .as("only the guards of unclaimed conformance classes may fail: %s", results.configFailures())
                .isSubsetOf(UNCLAIMED_CLASS_GUARDS);
        assertThat(results.passesByClass()).as("claimed conformance classes ran").containsKeys(CLAIMED.toArray(String[]::new));
    }

    /** Signs in one of the demo stewards (user name = password in the demo configuration); returns the token. */
    private String signIn(String base, String user) throws IOException, InterruptedException {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + user + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).get("token").asString();
    }

    /** The provider's steward grants the conformance key write access to the whole of one layer. */
    private void grantWrite(String base, String stewardToken, String layer) throws IOException, InterruptedException {
        HttpResponse<String> grant = http.send(HttpRequest.newBuilder(URI.create(base + "/api/grants"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + stewardToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"layer\":\"" + layer + "\",\"grantee\":\"key:" + CONFORMANCE_KEY_NAME
                        + "\",\"write\":true}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(201);
        JsonNode g = JSON.readTree(grant.body());
        assertThat(g.get("write").asBoolean()).isTrue();
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    /** The local names of the FeatureTypes a capabilities document lists. */
    static Set<String> featureTypes(String capabilities) {
        Matcher m = Pattern.compile("<wfs:FeatureType>\\s*<wfs:Name>(?:[^:<]+:)?([^<]+)</wfs:Name>").matcher(capabilities);
        List<String> names = new ArrayList<>();
        while (m.find()) names.add(m.group(1));
        return new TreeSet<>(names);
    }
}
