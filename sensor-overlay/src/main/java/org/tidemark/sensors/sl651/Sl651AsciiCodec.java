package org.tidemark.sensors.sl651;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ASCII encoding of SL 651-2014 frames (§6.2, ASCII column): start {@code SOH} (01H); then as
 * hexadecimal characters the centre address (2), station address (10), password (4), function code (2)
 * and direction + text length (4); {@code STX} (or {@code SYN} + 6 characters of packet count and
 * sequence); the text in ASCII; the end character; the CRC-16 of everything from {@code SOH} to the end
 * character as 4 hexadecimal characters. Report texts read as serial number (4 hex characters), send
 * time ({@code YYMMDDhhmmss}), then space-separated fields: {@code ST <address> <type letter>},
 * {@code TT <YYMMDDhhmm>} and element mnemonics with decimal values ({@code Z 4.150 PJ 12.5}).
 * Readings land in the same {@link Sl651Report} as HEX/BCD ones, with the mnemonics mapped to the
 * HEX identifiers.
 */
public final class Sl651AsciiCodec {
    public static final int SOH = 0x01;
    private static final int HEADER = 1 + 2 + 10 + 4 + 2 + 4 + 1;
    /** Element mnemonics and the HEX identifiers they stand for. */
    static final Map<String, Integer> MNEMONICS = Map.of("PJ", 0x20, "PT", 0x26, "Z", 0x39, "ZB", 0x3A, "ZU", 0x3B,
            "VT", 0x38, "Q", 0x27);

    private Sl651AsciiCodec() {}

    public static byte[] encode(Sl651Frame f) {
        StringBuilder s = new StringBuilder();
        s.append((char) SOH);
        if (f.upstream()) s.append(hex2(f.centre())).append(f.station());
        else s.append(f.station()).append(hex2(f.centre()));
        s.append(String.format("%04X", f.password())).append(hex2(f.function()));
        s.append(String.format("%04X", (f.upstream() ? 0 : 0x8000) | f.text().length));
        s.append((char) f.start());
        if (f.start() == Sl651Frame.SYN) s.append(String.format("%03X%03X", f.packetCount(), f.packetSeq()));
        s.append(new String(f.text(), StandardCharsets.US_ASCII)).append((char) f.end());
        byte[] body = s.toString().getBytes(StandardCharsets.US_ASCII);
        int crc = Crc16.of(body, 0, body.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 4);
        out.writeBytes(body);
        out.writeBytes(String.format("%04X", crc).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    public static Sl651Frame decode(byte[] b) {
        if (b.length < HEADER + 5 || (b[0] & 0xFF) != SOH) throw bad("not an ASCII frame");
        String s = new String(b, StandardCharsets.US_ASCII);
        int dirLen = hexField(s, 19, 4);
        int dir = dirLen >> 12;
        if (dir != 0 && dir != 8) throw bad("bad direction " + dir);
        boolean up = dir == 0;
        int start = s.charAt(23);
        if (start != Sl651Frame.STX && start != Sl651Frame.SYN) throw bad("missing STX/SYN");
        int textAt = HEADER + (start == Sl651Frame.SYN ? 6 : 0);
        int textLength = dirLen & 0xFFF;
        if (b.length != textAt + textLength + 5) throw bad("length field does not match the frame");
        int crc = hexField(s, b.length - 4, 4);
        if (Crc16.of(b, 0, b.length - 4) != crc) {
            throw new Sl651Exception(Sl651Exception.Reason.BAD_CRC, "CRC mismatch");
        }
        int centre = hexField(s, up ? 1 : 11, 2);
        String station = s.substring(up ? 3 : 1, up ? 13 : 11);
        hexField(s, up ? 3 : 1, 10);
        int count = 0, seq = 0;
        if (start == Sl651Frame.SYN) {
            count = hexField(s, 24, 3);
            seq = hexField(s, 27, 3);
        }
        byte[] text = java.util.Arrays.copyOfRange(b, textAt, textAt + textLength);
        return new Sl651Frame(centre, station, hexField(s, 13, 4), hexField(s, 17, 2), up, start, count, seq, text,
                b[b.length - 5] & 0xFF);
    }

    /** Reads one ASCII frame whose {@code SOH} has already been consumed. */
    public static byte[] readFrameAfterSoh(InputStream in) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream(128);
        f.write(SOH);
        byte[] head = in.readNBytes(HEADER - 1);
        if (head.length < HEADER - 1) throw new EOFException("frame truncated");
        f.writeBytes(head);
        String h = new String(head, StandardCharsets.US_ASCII);
        int dirLen = hexField(h, 18, 4);
        int rest = (head[22] == Sl651Frame.SYN ? 6 : 0) + (dirLen & 0xFFF) + 5;
        byte[] tail = in.readNBytes(rest);
        if (tail.length < rest) throw new EOFException("frame truncated");
        f.writeBytes(tail);
        return f.toByteArray();
    }

    /** Parses the text of an ASCII report. */
    public static Sl651Report readReport(byte[] text) {
        String s = new String(text, StandardCharsets.US_ASCII).trim();
        if (s.length() < 16) throw bad("report text too short");
        int serial = hexField(s, 0, 4);
        Instant sent = Bcd.time(digits(s.substring(4, 16)), 0, 6);
        String[] tokens = s.substring(16).trim().split("\\s+");
        String station = null;
        int type = 0;
        Instant obsTime = null;
        List<Sl651Element> elements = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            String key = tokens[i].toUpperCase(Locale.ROOT);
            if (i + 1 >= tokens.length) throw bad("field " + key + " has no value");
            String value = tokens[++i];
            switch (key) {
                case "ST" -> {
                    if (!value.matches("[0-9A-Fa-f]{10}") || i + 1 >= tokens.length || tokens[i + 1].length() != 1) {
                        throw bad("ST needs a 10-digit address and a type letter");
                    }
                    station = value.toUpperCase(Locale.ROOT);
                    type = tokens[++i].charAt(0);
                }
                case "TT" -> {
                    if (!value.matches("\\d{10}")) throw bad("TT must be YYMMDDhhmm");
                    obsTime = Bcd.time(digits(value), 0, 5);
                }
                default -> {
                    Integer id = MNEMONICS.get(key);
                    if (obsTime == null) throw bad("element before TT");
                    if (id == null) continue;   // an element we do not store
                    BigDecimal v;
                    try {
                        v = new BigDecimal(value);
                    } catch (NumberFormatException e) {
                        v = null;   // invalid reading
                    }
                    int decimals = v == null ? 0 : Math.max(0, v.scale());
                    elements.add(new Sl651Element(id, 0, decimals, v, obsTime));
                }
            }
        }
        if (station == null) throw bad("missing ST station address");
        return new Sl651Report(serial, sent, station, type, elements);
    }

    /** The ASCII text of the centre's reply: serial, send time, ST and the station address. */
    public static byte[] ackText(int serial, Instant now, String station) {
        byte[] t = new byte[6];
        Bcd.time(now, t, 0, 6);
        return String.format("%04X%s ST %s", serial, Sl651HexCodec.hex(t, 0, 6), station)
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] digits(String d) {
        if (!d.matches("\\d+") || d.length() % 2 != 0) throw bad("time must be decimal digits");
        return Sl651HexCodec.hex(d);
    }

    private static int hexField(String s, int at, int len) {
        if (at + len > s.length()) throw bad("frame truncated");
        String f = s.substring(at, at + len);
        if (!f.matches("[0-9A-Fa-f]+")) throw bad("not hexadecimal: " + f.replaceAll("[^ -~]", "?"));
        return (int) Long.parseLong(f, 16);
    }

    private static String hex2(int v) { return String.format("%02X", v & 0xFF); }

    private static Sl651Exception bad(String m) { return new Sl651Exception(Sl651Exception.Reason.BAD_FRAME, m); }
}
