package org.tidemark.app.viewer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * Serves the built viewer from a directory and answers the service URLs it calls with small fixtures
 * (catalog, cameras, stations, observations, WMS images, an SSE stream the test pushes into), recording
 * every request so tests can assert what the page asked for. Not the Tidemark server: a test double for
 * the browser tests of the front end alone.
 */
final class ViewerFixtureServer implements AutoCloseable {
    record Recorded(String method, String path, String query, String authorization) {
        String parameter(String name) {
            for (String pair : query == null ? new String[0] : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (key.equalsIgnoreCase(name)) return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
            return null;
        }
    }

    record Station(String code, String nameZh, String nameEn, String kind, double lon, double lat, double warning, double guarantee, double value) {}

    record Camera(String code, String name, double lon, double lat, double heading, double fov, double range) {}

    static final List<Camera> CAMERAS = List.of(
            new Camera("PC-001", "丹城路口", 121.87, 29.47, 45, 60, 400),
            new Camera("PC-002", "石浦港", 121.95, 29.21, 180, 50, 300),
            new Camera("PC-003", "西周大桥", 121.75, 29.55, 270, 70, 500));

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Path root;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<OutputStream> liveClients = new CopyOnWriteArrayList<>();
    private final List<String> liveResumedFrom = new CopyOnWriteArrayList<>();
    private volatile String lastProcessBody;
    private final List<Station> stations;
    private final AtomicLong bytesServed = new AtomicLong();
    private final AtomicLong eventIds = new AtomicLong();
    private final byte[] overlayPng = png(new Color(30, 120, 230, 110));
    private final byte[] legendPng = png(new Color(230, 90, 30, 255));

    ViewerFixtureServer(Path root, List<Station> stations) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.stations = List.copyOf(stations);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static List<Station> demoStations(int count) {
        List<Station> list = new ArrayList<>();
        list.add(new Station("63201500", "亭下水库", "Tingxia Reservoir", "RR", 121.80, 29.45, 4.0, 5.0, 3.2));
        list.add(new Station("63201600", "石浦潮位", "Shipu Tide", "TT", 121.94, 29.20, 3.5, 4.2, 2.1));
        list.add(new Station("63201700", "大徐溪", "Daxu Stream", "ZZ", 121.70, 29.40, 2.8, 3.4, 1.5));
        for (int i = list.size(); i < count; i++) {
            double lon = 121.60 + (i % 25) * 0.024;
            double lat = 29.05 + (i / 25) * 0.03;
            list.add(new Station(String.format(Locale.ROOT, "9%07d", i), "测站" + i, "Station " + i, "ZZ", lon, lat, 3.0, 4.0, 1.0));
        }
        return list;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    long bytesServed() {
        return bytesServed.get();
    }

    void resetCounters() {
        requests.clear();
        bytesServed.set(0);
    }

    int liveClients() {
        return liveClients.size();
    }

    /** The Last-Event-ID header (or lastEventId parameter) of every /api/live request that carried one. */
    List<String> liveResumedFrom() {
        return List.copyOf(liveResumedFrom);
    }

    long lastEventId() {
        return eventIds.get();
    }

    /** Ends every live stream, as a restarting server or a dropped connection would. */
    void dropLiveClients() {
        for (OutputStream out : liveClients) {
            try { out.close(); } catch (IOException ignored) { /* already gone */ }
        }
        liveClients.clear();
    }

    /** Sends one server-sent event to every connected viewer. */
    void publish(String event, String json) {
        String frame = "id: " + eventIds.incrementAndGet() + "\nevent: " + event + "\ndata: " + json + "\n\n";
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        for (OutputStream out : liveClients) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                liveClients.remove(out);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String method = exchange.getRequestMethod();
        Recorded recorded = new Recorded(method, path, query, exchange.getRequestHeaders().getFirst("Authorization"));
        requests.add(recorded);
        try {
            if (path.equals("/api/live")) { live(exchange); return; }
            if (path.equals("/api/catalog")) { json(exchange, 200, catalog()); return; }
            if (path.equals("/api/sensors/stations")) { json(exchange, 200, stationsJson()); return; }
            if (path.equals("/api/sensors/alerts")) { json(exchange, 200, "{\"numberReturned\":0,\"alerts\":[]}"); return; }
            if (path.matches("/api/sensors/stations/[^/]+/observations")) { json(exchange, 200, observations(path.split("/")[4])); return; }
            if (path.matches("/api/sensors/alerts/[^/]+/acknowledge") && method.equals("POST")) { json(exchange, 200, "{}"); return; }
            if (path.equals("/ogc/collections/police_cameras/items")) { json(exchange, 200, cameras()); return; }
            if (path.equals("/wms")) { wms(exchange, recorded); return; }
            if (path.equals("/api/auth/login") && method.equals("POST")) { login(exchange); return; }
            if (path.equals("/ogc/processes/siting-check/execution") && method.equals("POST")) { siting(exchange); return; }
            if (path.equals("/ogc/processes/inundation/execution") && method.equals("POST")) { inundation(exchange); return; }
            if (path.startsWith("/tiles/basemap/")) { send(exchange, 200, "image/png", basemapTile(path)); return; }
            if (path.equals("/tiles/buildings/tileset.json")) { json(exchange, 200, emptyTileset()); return; }
            if (path.startsWith("/api/") || path.startsWith("/ogc/") || path.startsWith("/tiles/")) {
                problem(exchange, 404);
                return;
            }
            staticFile(exchange, path);
        } catch (RuntimeException e) {
            problem(exchange, 500);
        }
    }

    private void staticFile(HttpExchange exchange, String rawPath) throws IOException {
        String decoded = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
        Path file = root.resolve(decoded.substring(1)).normalize();
        if (decoded.endsWith("/")) file = file.resolve("index.html");
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(exchange, 200, contentType(file.getFileName().toString()), Files.readAllBytes(file));
    }

    private static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html")) return "text/html; charset=utf-8";
        if (lower.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (lower.endsWith(".css")) return "text/css; charset=utf-8";
        if (lower.endsWith(".json")) return "application/json";
        if (lower.endsWith(".png")) return "image/png";
        if (lower.endsWith(".jpg")) return "image/jpeg";
        if (lower.endsWith(".svg")) return "image/svg+xml";
        if (lower.endsWith(".wasm")) return "application/wasm";
        if (lower.endsWith(".xml")) return "application/xml";
        return "application/octet-stream";
    }

    private void live(HttpExchange exchange) throws IOException {
        String resume = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        if (resume == null) resume = new Recorded("GET", "", exchange.getRequestURI().getRawQuery(), null).parameter("lastEventId");
        if (resume != null) liveResumedFrom.add(resume);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(": subscribed\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        liveClients.add(out);
    }

    /** The application's sign-in: one demo user, planner/planner. */
    private void login(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).replace(" ", "");
        if (body.contains("\"user\":\"planner\"") && body.contains("\"password\":\"planner\"")) {
            json(exchange, 200, "{\"token\":\"" + TOKEN + "\",\"user\":{\"id\":\"planner\",\"department\":\"planning\",\"roles\":[\"user\"],\"anonymous\":false}}");
        } else {
            send(exchange, 401, "application/problem+json",
                    "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401}".getBytes(StandardCharsets.UTF_8));
        }
    }

    static final String TOKEN = "fixture-token-1";

    String lastProcessBody() {
        return lastProcessBody;
    }

    /** OGC API Processes execution of siting-check: echoes a small report (the real one is computed by the layers module). */
    private void siting(HttpExchange exchange) throws IOException {
        lastProcessBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        json(exchange, 200, """
                {"verdict":{"zh":"不宜建设","en":"Not suitable"},"floodZones":[{"risk_class":3,"area_m2":1200.5,"percent":12.5}],
                 "cameras":[{"code":"PC-001","name":"丹城路口"}],"links":[{"rel":"alternate","type":"text/html","href":"/ogc/jobs/1/results/report.html"}]}""");
    }

    /** OGC API Processes execution of inundation: a small flooded area with the real response's shape. */
    private void inundation(HttpExchange exchange) throws IOException {
        lastProcessBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        json(exchange, 200, """
                {"flooded":{"type":"FeatureCollection","features":[{"type":"Feature","id":"flooded","geometry":{"type":"MultiPolygon",
                 "coordinates":[[[[121.69,29.39],[121.71,29.39],[121.71,29.41],[121.69,29.41],[121.69,29.39]]]]},"properties":{"level":3.2}}],
                 "properties":{"source":"63201700","level":3.2,"floodedAreaM2":4212000.5,"volumeM3":1.2E6,"maxDepthM":1.8,"cells":4400,
                  "buildingCount":37,"buildings":[],"roads":[{"layer":"roads","id":"roads.1","name":"S215","measure":850.0}],
                  "cameras":[],"millis":12,"layer":"inundation_ab12cd34"}}}""");
    }

    private void wms(HttpExchange exchange, Recorded request) throws IOException {
        String operation = String.valueOf(request.parameter("REQUEST"));
        switch (operation.toLowerCase(Locale.ROOT)) {
            case "getmap" -> send(exchange, 200, "image/png", overlayPng);
            case "getlegendgraphic" -> send(exchange, 200, "image/png", legendPng);
            case "getcapabilities" -> send(exchange, 200, "text/xml", capabilities().getBytes(StandardCharsets.UTF_8));
            case "getfeatureinfo" -> json(exchange, 200, """
                    {"type":"FeatureCollection","features":[{"type":"Feature","id":"flood_zones.7","geometry":null,
                     "properties":{"name":"城东低洼区","risk_class":2,"max_depth_m":1.4}}]}""");
            default -> send(exchange, 400, "text/plain", "unsupported".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The storm surge's steps that the capabilities list for flood_progression. */
    static final List<String> FLOOD_STEPS = List.of("2026-09-14T00:00:00Z", "2026-09-14T01:00:00Z", "2026-09-14T02:00:00Z",
            "2026-09-14T03:00:00Z", "2026-09-14T04:00:00Z");

    /** A WMS 1.3.0 capabilities document in the app's shape: flood_progression lists its steps, gauges an interval. */
    private static String capabilities() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><WMS_Capabilities xmlns=\"http://www.opengis.net/wms\" version=\"1.3.0\">"
                + "<Service><Name>WMS</Name><Title>fixture</Title></Service><Capability><Layer><Title>fixture</Title>"
                + "<Layer queryable=\"1\"><Name>flood_zones</Name><Title>洪水风险区</Title></Layer>"
                + "<Layer queryable=\"1\"><Name>flood_progression</Name><Title>风暴潮淹没过程</Title>"
                + "<Dimension name=\"time\" units=\"ISO8601\" default=\"current\" nearestValue=\"0\">" + String.join(",", FLOOD_STEPS) + "</Dimension></Layer>"
                + "<Layer queryable=\"1\"><Name>gauges</Name><Title>实时水雨情站点</Title>"
                + "<Dimension name=\"time\" units=\"ISO8601\">2026-07-01T08:00:00Z/2026-07-02T08:00:00Z/PT1S</Dimension></Layer>"
                + "</Layer></Capability></WMS_Capabilities>";
    }

    /** The governance catalog's shape: a GeoJSON FeatureCollection, one feature per layer, extent as geometry. */
    private static String catalog() {
        String[][] layers = {
                {"flood_zones", "洪水风险区", "Flood zones", "emergency", "应急管理局", "Emergency Management Bureau", "vector", "public", "valid_time"},
                {"low_lying_areas", "低洼易涝区", "Low-lying areas", "emergency", "应急管理局", "Emergency Management Bureau", "vector", "public", null},
                {"flood_progression", "风暴潮淹没过程", "Storm-surge flood progression", "emergency", "应急管理局", "Emergency Management Bureau", "vector", "public", null},
                {"police_cameras", "公安视频监控", "Police cameras", "police", "公安局", "Public Security Bureau", "vector", "granted", null},
                {"gauges", "实时水雨情站点", "Live gauges", "water", "水利局", "Water Resources Bureau", "live", "public", null},
                {"reservoirs", "水库", "Reservoirs", "water", "水利局", "Water Resources Bureau", "vector", "public", null},
                {"coastal_cameras", "海岸视频监控", "Coastal cameras", "ocean", "海洋与渔业局", "Ocean and Fisheries Bureau", "vector", "none", null}};
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"numberMatched\":" + layers.length + ",\"features\":[");
        for (int i = 0; i < layers.length; i++) {
            String[] l = layers[i];
            if (i > 0) sb.append(',');
            sb.append("{\"type\":\"Feature\",\"id\":\"").append(l[0]).append("\",")
                    .append("\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.6,29.0],[122.1,29.0],[122.1,29.7],[121.6,29.7],[121.6,29.0]]]},")
                    .append("\"properties\":{\"type\":\"dataset\",\"title\":\"").append(l[1]).append("\",\"title_en\":\"").append(l[2])
                    .append("\",\"provider\":{\"code\":\"").append(l[3]).append("\",\"name\":\"").append(l[4])
                    .append("\",\"name_en\":\"").append(l[5]).append("\"},\"kind\":\"").append(l[6])
                    .append("\",\"access\":\"").append(l[7]).append('"');
            if (l[8] != null) sb.append(",\"timeAttribute\":\"").append(l[8]).append('"');
            sb.append("}}");
        }
        return sb.append("]}").toString();
    }

    /** The sensor service's shape: SL 323 field names, thresholds, latest values keyed by property. */
    private String stationsJson() {
        StringBuilder sb = new StringBuilder("{\"numberReturned\":" + stations.size() + ",\"stations\":[");
        String tm = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        for (int i = 0; i < stations.size(); i++) {
            Station s = stations.get(i);
            String property = switch (s.kind()) { case "RR" -> "RZ"; case "TT" -> "TDZ"; default -> "Z"; };
            if (i > 0) sb.append(',');
            sb.append(String.format(Locale.ROOT,
                    "{\"STCD\":\"%s\",\"STNM\":\"%s\",\"STNM_EN\":\"%s\",\"STTP\":\"%s\",\"lon\":%.5f,\"lat\":%.5f,"
                            + "\"thresholds\":{\"WRZ\":%.2f,\"GRZ\":%.2f},\"latest\":{\"%s\":{\"value\":%.2f,\"unit\":\"m\",\"TM\":\"%s\"}},"
                            + "\"TM\":\"%s\",\"status\":\"normal\"}",
                    s.code(), s.nameZh(), s.nameEn(), s.kind(), s.lon(), s.lat(), s.warning(), s.guarantee(), property, s.value(), tm, tm));
        }
        return sb.append("]}").toString();
    }

    private static String observations(String code) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        StringBuilder sb = new StringBuilder("{\"STCD\":\"" + code + "\",\"observations\":[");
        for (int h = 24; h >= 0; h--) {
            if (h < 24) sb.append(',');
            double value = 2.5 + Math.sin(h / 4.0) * 0.8;
            sb.append(String.format(Locale.ROOT, "{\"property\":\"Z\",\"TM\":\"%s\",\"value\":%.3f,\"unit\":\"m\"}", now.minus(h, ChronoUnit.HOURS), value));
        }
        return sb.append("]}").toString();
    }

    private static String cameras() {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < CAMERAS.size(); i++) {
            Camera c = CAMERAS.get(i);
            if (i > 0) sb.append(',');
            sb.append(String.format(Locale.ROOT,
                    "{\"type\":\"Feature\",\"id\":\"%s\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]},"
                            + "\"properties\":{\"code\":\"%s\",\"name\":\"%s\",\"heading\":%.1f,\"fov\":%.1f,\"range_m\":%.1f,\"height_m\":8,"
                            + "\"road\":\"测试路\",\"stream_url\":\"/streams/%s\"}}",
                    c.code(), c.lon(), c.lat(), c.code(), c.name(), c.heading(), c.fov(), c.range(), c.code()));
        }
        return sb.append("],\"links\":[]}").toString();
    }

    private static String emptyTileset() {
        // 3D Tiles 1.1: a valid tileset whose root tile has no content (the county has no buildings here).
        return """
                {"asset":{"version":"1.1"},"geometricError":100,
                 "root":{"boundingVolume":{"region":[2.1206,0.5061,2.1311,0.5187,0,100]},"geometricError":0,"refine":"ADD"}}""";
    }

    private static byte[] basemapTile(String path) {
        int hash = path.hashCode();
        return png(new Color(200 + Math.floorMod(hash, 40), 215, 190 + Math.floorMod(hash >> 8, 40), 255));
    }

    private static byte[] png(Color fill) {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(fill);
        g.fillRect(16, 16, 224, 224);
        g.setColor(fill.darker());
        g.drawRect(16, 16, 223, 223);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private void problem(HttpExchange exchange, int status) throws IOException {
        send(exchange, status, "application/problem+json",
                ("{\"type\":\"about:blank\",\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8));
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
        bytesServed.addAndGet(body.length);
    }

    @Override
    public void close() {
        for (OutputStream out : liveClients) {
            try { out.close(); } catch (IOException ignored) { /* client gone */ }
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
