package org.tidemark.app.cite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A loopback HTTP proxy that answers the OGC and W3C schema URLs the CITE suite resolves (the
 * {@code xsi:schemaLocation}s of our responses and the imports inside those schemas) from the copies of the
 * official XSDs bundled in the suite jar. {@code schemas.opengis.net} is unreachable on the build machines; the
 * suite's JVM runs with {@code -Dhttp.proxyHost} pointing here, while the server under test (loopback) bypasses the
 * proxy. Anything that is not a bundled schema gets 404, so nothing else leaves the machine.
 */
final class SchemaProxy implements AutoCloseable {
    private static final String BASE = "org/opengis/cite/iso19142/xsd/";
    /** URL path (on schemas.opengis.net or www.w3.org) → the copy inside the suite jar. */
    static final Map<String, String> SCHEMAS = Map.ofEntries(
            Map.entry("/gml/3.2.1/gml.xsd", "opengis/gml/3.2.1/gml-3.2.1.xsd"),
            Map.entry("/wfs/2.0/wfs.xsd", "opengis/wfs/2.0/wfs-2.0.2.xsd"),
            Map.entry("/wfs/2.0.0/wfs.xsd", "opengis/wfs/2.0/wfs-2.0.0.xsd"),
            Map.entry("/ows/1.1.0/owsAll.xsd", "opengis/ows/1.1/ows-1.1.0.xsd"),
            Map.entry("/ows/1.1.0/owsExceptionReport.xsd", "opengis/ows/1.1/ows-1.1.0.xsd"),
            Map.entry("/filter/2.0/filterAll.xsd", "opengis/filter/2.0/filter-2.0.2.xsd"),
            Map.entry("/iso/19139/20070417/gmd/gmd.xsd", "iso/19139/2007/gmd-2007.xsd"),
            Map.entry("/iso/19139/20070417/gco/gco.xsd", "iso/19139/2007/gco-2007.xsd"),
            Map.entry("/iso/19139/20070417/gts/gts.xsd", "iso/19139/2007/gts-2007.xsd"),
            Map.entry("/iso/19139/20070417/gss/gss.xsd", "iso/19139/2007/gss-2007.xsd"),
            Map.entry("/iso/19139/20070417/gsr/gsr.xsd", "iso/19139/2007/gsr-2007.xsd"),
            Map.entry("/XML/2008/06/xlink.xsd", "w3c/2008/06/xlink.xsd"),
            Map.entry("/1999/xlink.xsd", "w3c/2008/06/xlink.xsd"),
            Map.entry("/2001/xml.xsd", "w3c/2009/01/xml.xsd"),
            Map.entry("/2009/01/xml.xsd", "w3c/2009/01/xml.xsd"));

    private final ZipFile jar;
    private final HttpServer server;

    SchemaProxy(Path suiteJar) throws IOException {
        this.jar = new ZipFile(suiteJar.toFile());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> Thread.ofPlatform().daemon().name("schema-proxy").unstarted(r)));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            // a proxy request carries the absolute URL; only its path selects the schema
            String entry = SCHEMAS.get(exchange.getRequestURI().getPath());
            ZipEntry zip = entry == null ? null : jar.getEntry(BASE + entry);
            if (zip == null || !"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body;
            try (InputStream in = jar.getInputStream(zip)) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        jar.close();
    }
}
