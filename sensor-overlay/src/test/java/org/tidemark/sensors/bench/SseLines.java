package org.tidemark.sensors.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** The lines of a chunked HTTP/1.1 event-stream response read from a raw socket (benchmark client only). */
final class SseLines {
    private SseLines() {}

    static void read(InputStream raw, Consumer<String> lines) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        boolean chunked = false;
        String header;
        while (!(header = asciiLine(in)).isEmpty()) {
            if (header.toLowerCase().startsWith("transfer-encoding:") && header.toLowerCase().contains("chunked")) chunked = true;
        }
        byte[] line = new byte[1024];
        int len = 0;
        byte[] buf = new byte[1 << 16];
        while (true) {
            int size = chunked ? Integer.parseInt(asciiLine(in).trim(), 16) : buf.length;
            if (chunked && size == 0) return;
            int left = size;
            while (left > 0) {
                int n = in.read(buf, 0, Math.min(left, buf.length));
                if (n < 0) return;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines.accept(new String(line, 0, len, StandardCharsets.UTF_8));
                        len = 0;
                    } else {
                        if (len == line.length) line = java.util.Arrays.copyOf(line, len * 2);
                        line[len++] = buf[i];
                    }
                }
                left = chunked ? left - n : buf.length;
            }
            if (chunked) asciiLine(in);   // the CRLF after the chunk
        }
    }

    private static String asciiLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') if (c != '\r') b.append((char) c);
        if (c < 0 && b.isEmpty()) throw new IOException("end of stream");
        return b.toString();
    }
}
