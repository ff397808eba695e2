package org.tidemark.app.cite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * A loopback reverse proxy that calls the server under test as one API-key holder, as an organisation's API gateway
 * would: every request it forwards carries {@code X-API-Key}. The CITE suite has no way to send credentials (it also
 * drops the query string of the DCP hrefs for KVP requests), so the transactional run addresses the app through this
 * gateway, and the app advertises the gateway as its public base URL ({@code tidemark.service.base-url}) so every
 * DCP href and schema location leads back here.
 *
 * <p>The target port is asked for on each request: the gateway starts before the app (whose base URL it is), the
 * app's random port is known only after.
 */
final class KeyedGateway implements AutoCloseable {
    /** Request headers passed on; everything else (Host, Accept-Encoding, credentials) is the gateway's own. */
    private static final List<String> FORWARDED = List.of("Content-Type", "Accept");
    /** Response headers passed back. */
    private static final List<String> RETURNED = List.of("Content-Type", "Content-Disposition", "Location");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String apiKey;
    private volatile IntSupplier targetPort = () -> {
        throw new IllegalStateException("the gateway has no target yet");
    };

    KeyedGateway(String apiKey) throws IOException {
        this.apiKey = apiKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> Thread.ofPlatform().daemon().name("keyed-gateway").unstarted(r)));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void target(IntSupplier port) {
        this.targetPort = port;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            URI target = URI.create("http://127.0.0.1:" + targetPort.getAsInt() + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target).header("X-API-Key", apiKey)
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String h : FORWARDED) {
                String v = exchange.getRequestHeaders().getFirst(h);
                if (v != null) request.header(h, v);
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            for (String h : RETURNED) response.headers().firstValue(h).ifPresent(v -> exchange.getResponseHeaders().set(h, v));
            byte[] out = response.body();
            boolean empty = out.length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : out.length);
            if (!empty) {
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
    }
}
