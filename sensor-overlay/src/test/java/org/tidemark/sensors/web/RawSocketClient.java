package org.tidemark.sensors.web;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A WebSocket client that can stop reading (RFC 6455 over a plain socket with a tiny receive buffer), for
 * tests of clients that fall behind: the JDK client's own buffering would hide a slow reader for megabytes.
 */
final class RawSocketClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;

    private RawSocketClient(Socket socket, DataInputStream in) {
        this.socket = socket;
        this.in = in;
    }

    /** Connects and completes the opening handshake (RFC 6455 §4.1); fails unless the server answers 101. */
    static RawSocketClient open(int port, String pathAndQuery) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(2048);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(30_000);
        s.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGVzdC1zbG93LWNsaWVudA==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        DataInputStream in = new DataInputStream(s.getInputStream());
        String head = headers(in);
        if (!head.startsWith("HTTP/1.1 101")) {
            s.close();
            throw new IOException("handshake refused: " + head.lines().findFirst().orElse(""));
        }
        return new RawSocketClient(s, in);
    }

    private static String headers(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) throw new EOFException("closed during the handshake");
            b.write(c);
            matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    /**
     * Reads frames, handing each text message to {@code messages}, until a close frame; returns its status code,
     * or -1 when none came within {@code seconds} (pings would keep a plain read timeout from ever firing).
     */
    int readUntilClose(Consumer<String> messages, int seconds) throws IOException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long len = b1 & 0x7F;
            if (len == 126) len = in.readUnsignedShort();
            else if (len == 127) len = in.readLong();
            byte[] payload = new byte[(int) len];   // server frames are never masked (RFC 6455 §5.1)
            in.readFully(payload);
            int opcode = b0 & 0x0F;
            if (opcode == 0x8) return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
            if (opcode == 0x1) messages.accept(new String(payload, StandardCharsets.UTF_8));   // the server sends unfragmented text
        }
        return -1;
    }

    @Override
    public void close() throws IOException { socket.close(); }
}
