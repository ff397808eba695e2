package org.tidemark.sensors.sl651;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Encodes and decodes SL 651-2014 HEX/BCD frames (§6.2, §6.3): start {@code 7E 7E}; the address pair;
 * password; function code; the direction (high nibble {@code 0} up, {@code 8} down) with the 12-bit
 * text length; {@code STX}, or {@code SYN} followed by the 3-byte packet count (12 bits) and sequence
 * (12 bits); the text; the end character; CRC-16 high byte first (see {@link Crc16}).
 */
public final class Sl651HexCodec {
    private static final int HEADER = 14;   // 7E7E + 1 + 5 + 2 + 1 + 2 + start byte

    private Sl651HexCodec() {}

    public static byte[] encode(Sl651Frame f) {
        byte[] text = f.text();
        boolean multi = f.start() == Sl651Frame.SYN;
        int len = HEADER + (multi ? 3 : 0) + text.length + 1 + 2;
        byte[] out = new byte[len];
        int i = 0;
        out[i++] = 0x7E;
        out[i++] = 0x7E;
        byte[] station = hex(f.station());
        if (f.upstream()) {
            out[i++] = (byte) f.centre();
            System.arraycopy(station, 0, out, i, 5);
            i += 5;
        } else {
            System.arraycopy(station, 0, out, i, 5);
            i += 5;
            out[i++] = (byte) f.centre();
        }
        out[i++] = (byte) (f.password() >> 8);
        out[i++] = (byte) f.password();
        out[i++] = (byte) f.function();
        int dirLen = (f.upstream() ? 0x0000 : 0x8000) | text.length;
        out[i++] = (byte) (dirLen >> 8);
        out[i++] = (byte) dirLen;
        out[i++] = (byte) f.start();
        if (multi) {
            int packed = (f.packetCount() & 0xFFF) << 12 | (f.packetSeq() & 0xFFF);
            out[i++] = (byte) (packed >> 16);
            out[i++] = (byte) (packed >> 8);
            out[i++] = (byte) packed;
        }
        System.arraycopy(text, 0, out, i, text.length);
        i += text.length;
        out[i++] = (byte) f.end();
        int crc = Crc16.of(out, 0, i);
        out[i++] = (byte) (crc >> 8);
        out[i] = (byte) crc;
        return out;
    }

    /** Decodes one complete frame. */
    public static Sl651Frame decode(byte[] b) {
        if (b.length < HEADER + 3) throw new Sl651Exception(Sl651Exception.Reason.BAD_FRAME, "frame too short");
        if ((b[0] & 0xFF) != 0x7E || (b[1] & 0xFF) != 0x7E) {
            throw new Sl651Exception(Sl651Exception.Reason.BAD_FRAME, "frame does not start with 7E7E");
        }
        int dirLen = ((b[11] & 0xFF) << 8) | (b[12] & 0xFF);
        int dir = dirLen >> 12;
        if (dir != 0 && dir != 8) throw new Sl651Exception(Sl651Exception.Reason.BAD_FRAME, "bad direction nibble " + dir);
        boolean up = dir == 0;
        int textLength = dirLen & 0xFFF;
        int start = b[13] & 0xFF;
        if (start != Sl651Frame.STX && start != Sl651Frame.SYN) {
            throw new Sl651Exception(Sl651Exception.Reason.BAD_FRAME, "missing STX/SYN");
        }
        int textAt = HEADER + (start == Sl651Frame.SYN ? 3 : 0);
        int expected = textAt + textLength + 3;
        if (b.length != expected) {
            throw new Sl651Exception(Sl651Exception.Reason.BAD_FRAME, "length field says " + expected + " bytes, got " + b.length);
        }
        int crc = ((b[b.length - 2] & 0xFF) << 8) | (b[b.length - 1] & 0xFF);
        if (Crc16.of(b, 0, b.length - 2) != crc) throw new Sl651Exception(Sl651Exception.Reason.BAD_CRC, "CRC mismatch");
        int end = b[b.length - 3] & 0xFF;
        int centre;
        String station;
        if (up) {
            centre = b[2] & 0xFF;
            station = hex(b, 3, 5);
        } else {
            station = hex(b, 2, 5);
            centre = b[7] & 0xFF;
        }
        int password = ((b[8] & 0xFF) << 8) | (b[9] & 0xFF);
        int function = b[10] & 0xFF;
        int count = 0, seq = 0;
        if (start == Sl651Frame.SYN) {
            int packed = ((b[14] & 0xFF) << 16) | ((b[15] & 0xFF) << 8) | (b[16] & 0xFF);
            count = packed >> 12;
            seq = packed & 0xFFF;
        }
        byte[] text = java.util.Arrays.copyOfRange(b, textAt, textAt + textLength);
        return new Sl651Frame(centre, station, password, function, up, start, count, seq, text, end);
    }

    /**
     * Reads the next frame from a stream: skips bytes until {@code 7E 7E}, reads the header, then as many
     * bytes as the length field announces. Returns the raw frame (decode it with {@link #decode}).
     *
     * @throws EOFException at the end of the stream
     */
    public static byte[] readFrame(InputStream in) throws IOException {
        int prev = -1;
        while (true) {
            int c = in.read();
            if (c < 0) throw new EOFException();
            if (prev == 0x7E && c == 0x7E) break;
            prev = c;
        }
        return readFrameAfterStart(in);
    }

    /** Reads the rest of a frame whose {@code 7E 7E} has already been consumed. */
    public static byte[] readFrameAfterStart(InputStream in) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(64);
        frame.write(0x7E);
        frame.write(0x7E);
        byte[] head = readFully(in, HEADER - 2);
        frame.writeBytes(head);
        int dirLen = ((head[9] & 0xFF) << 8) | (head[10] & 0xFF);
        int start = head[11] & 0xFF;
        int rest = (start == Sl651Frame.SYN ? 3 : 0) + (dirLen & 0xFFF) + 3;
        frame.writeBytes(readFully(in, rest));
        return frame.toByteArray();
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new EOFException("frame truncated");
        return b;
    }

    static byte[] hex(String digits) {
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        return out;
    }

    static String hex(byte[] b, int off, int len) {
        StringBuilder s = new StringBuilder(len * 2);
        for (int i = off; i < off + len; i++) s.append(String.format("%02X", b[i] & 0xFF));
        return s.toString();
    }
}
