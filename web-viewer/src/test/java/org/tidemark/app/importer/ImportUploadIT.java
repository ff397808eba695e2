package org.tidemark.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tidemark.app.DemoApplicationTest;
import tools.jackson.databind.json.JsonMapper;

/** Issue #3's HTTP upload: stewards import into their department's layers; bad files change nothing. */
class ImportUploadIT extends DemoApplicationTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String GOOD = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","id":"p1","geometry":{"type":"Point","coordinates":[121.87,29.47]},"properties":{"name":"排涝泵站 1","capacity":12.5}},
             {"type":"Feature","id":"p2","geometry":{"type":"Point","coordinates":[121.90,29.45]},"properties":{"name":"排涝泵站 2","capacity":8}}]}
            """;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void stewardImportsCreatesAndReplacesAndBadFilesChangeNothing() throws Exception {
        String water = login("water");
        assertThat(upload("pumps", "create", "pumps.geojson", GOOD, null).statusCode()).isEqualTo(401);
        assertThat(upload("pumps", "create", "pumps.geojson", GOOD, login("planner")).statusCode()).isEqualTo(403);

        var created = upload("pumps", "create", "pumps.geojson", GOOD, water);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(JSON.readTree(created.body()).get("imported").asLong()).isEqualTo(2);
        assertThat(count("pumps", water)).isEqualTo(2);

        String broken = GOOD.substring(0, GOOD.length() / 2);
        var refused = upload("pumps", "replace", "pumps.geojson", broken, water);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(count("pumps", water)).as("a failed replace leaves the layer as it was").isEqualTo(2);

        assertThat(upload("pumps", "replace", "pumps.geojson", GOOD.replace(",\n {\"type\":\"Feature\",\"id\":\"p2\"", ",\n {\"type\":\"Feature\",\"id\":\"p3\""), water)
                .statusCode()).isEqualTo(200);
        assertThat(upload("police_cameras", "append", "c.geojson", GOOD, water).statusCode())
                .as("another department's layer").isEqualTo(403);
        assertThat(upload("pumps", "create", "evil.exe", GOOD, water).statusCode()).isEqualTo(400);
    }

    @Test
    void onlyPlanningStewardsReplaceTheDemAndBrokenTiffsAreRefused() throws Exception {
        assertThat(uploadTo("/api/dem/import", "dem.tif", "II*\0garbage", login("water")).statusCode()).isEqualTo(403);
        var refused = uploadTo("/api/dem/import", "dem.tif", "II*\0garbage", login("admin"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("GeoTIFF");
    }

    long count(String layer, String token) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base() + "/ogc/collections/" + layer + "/items?limit=1"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("numberMatched").asLong();
    }

    HttpResponse<String> upload(String layer, String mode, String filename, String content, String token) throws Exception {
        return uploadTo("/api/layers/" + layer + "/import?mode=" + mode, filename, content, token);
    }

    HttpResponse<String> uploadTo(String path, String filename, String content, String token) throws Exception {
        String boundary = "----tm" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/geo+json\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        var b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String login(String user) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + user + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("token").asString();
    }

    String base() { return "http://127.0.0.1:" + port; }
}
