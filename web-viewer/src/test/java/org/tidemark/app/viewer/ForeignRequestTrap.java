package org.tidemark.app.viewer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The browser's proxy in the tests. Chromium never sends loopback traffic to a proxy, so every request
 * that arrives here was meant for another host: it is recorded (request line, e.g. {@code CONNECT
 * host:443} or {@code GET http://host/...}) and refused. Catches requests from workers too, which the
 * page's Performance API does not see.
 */
final class ForeignRequestTrap implements AutoCloseable {
    private final ServerSocket socket;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    ForeignRequestTrap() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    int port() {
        return socket.getLocalPort();
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    /**
     * Chromium's own background services that keep calling home even with --disable-background-networking
     * (update checks, network time, autofill, account sign-in, the default search engine's preconnect).
     * They come from the browser process, never from the page: the page's CSP (default-src 'self') would block them.
     */
    static final List<String> BROWSER_SERVICE_HOSTS = List.of("accounts.google.com", "clients2.google.com",
            "content-autofill.googleapis.com", "optimizationguide-pa.googleapis.com", "update.googleapis.com",
            "start.duckduckgo.com", "www.google.com");

    /** The recorded requests minus those of {@link #BROWSER_SERVICE_HOSTS}. */
    List<String> pageRequests() {
        return requests.stream().filter(line -> BROWSER_SERVICE_HOSTS.stream().noneMatch(host -> hostOf(line).equals(host))).toList();
    }

    /** The host of a proxy request line: "CONNECT host:443 HTTP/1.1" or "GET http://host/path HTTP/1.1". */
    static String hostOf(String requestLine) {
        String[] parts = requestLine.split(" ");
        if (parts.length < 2) return "";
        String target = parts[1].replaceFirst("^[a-z]+://", "");
        int end = target.length();
        for (char c : new char[] {'/', ':', '?'}) {
            int i = target.indexOf(c);
            if (i >= 0) end = Math.min(end, i);
        }
        return target.substring(0, end);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(2000);
                var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                String line = in.readLine();
                if (line != null) requests.add(line);
                OutputStream out = client.getOutputStream();
                out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // closed while accepting, or a client that went away: nothing to record
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
