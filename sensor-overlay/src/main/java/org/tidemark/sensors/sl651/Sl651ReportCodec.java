package org.tidemark.sensors.sl651;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the text of report frames (§6.5, §7.2): elements are an identifier, a definition byte
 * (high 5 bits byte count, low 3 bits decimals) and a packed-BCD value; a leading {@code FF} byte marks a
 * negative value and an all-{@code FF} value marks an invalid reading. Unknown identifiers, including
 * provincial {@code FFxx} ones, are skipped by their length bits.
 */
public final class Sl651ReportCodec {
    private Sl651ReportCodec() {}

    public static Sl651Report read(byte[] text) {
        if (text.length < 8) throw new Sl651Exception(Sl651Exception.Reason.BAD_FRAME, "report text too short");
        int serial = ((text[0] & 0xFF) << 8) | (text[1] & 0xFF);
        Instant sendTime = Bcd.time(text, 2, 6);
        int pos = 8;
        if (pos + 8 > text.length || (text[pos] & 0xFF) != 0xF1 || (text[pos + 1] & 0xFF) != 0xF1) {
            throw new Sl651Exception(Sl651Exception.Reason.BAD_FRAME, "missing F1F1 station address");
        }
        String station = Sl651HexCodec.hex(text, pos + 2, 5);
        int type = text[pos + 7] & 0xFF;
        pos += 8;
        Instant obsTime = null;
        List<Sl651Element> elements = new ArrayList<>();
        while (pos < text.length) {
            int id = text[pos] & 0xFF;
            if (id == 0xF0 && pos + 1 < text.length && (text[pos + 1] & 0xFF) == 0xF0) {
                if (pos + 7 > text.length) throw new Sl651Exception(Sl651Exception.Reason.BAD_FRAME, "truncated observation time");
                obsTime = Bcd.time(text, pos + 2, 5);
                pos += 7;
                continue;
            }
            pos++;
            if (id == 0xFF) {
                if (pos >= text.length) throw new Sl651Exception(Sl651Exception.Reason.BAD_FRAME, "truncated identifier");
                id = 0xFF00 | (text[pos++] & 0xFF);
            }
            if (pos >= text.length) throw new Sl651Exception(Sl651Exception.Reason.BAD_FRAME, "missing data definition");
            int def = text[pos++] & 0xFF;
            int n = def >> 3, dec = def & 7;
            if (n == 0 || pos + n > text.length) {
                throw new Sl651Exception(Sl651Exception.Reason.BAD_FRAME, "element " + Integer.toHexString(id) + " overruns the text");
            }
            if (obsTime == null) throw new Sl651Exception(Sl651Exception.Reason.BAD_FRAME, "element before F0F0 time");
            elements.add(new Sl651Element(id, n, dec, id == Sl651Element.FIVE_MINUTE_RAIN ? null : value(text, pos, n, dec), obsTime));
            pos += n;
        }
        return new Sl651Report(serial, sendTime, station, type, elements);
    }

    private static BigDecimal value(byte[] b, int off, int n, int dec) {
        boolean allFF = true;
        for (int i = off; i < off + n; i++) allFF &= (b[i] & 0xFF) == 0xFF;
        if (allFF) return null;
        boolean negative = (b[off] & 0xFF) == 0xFF;
        long digits = negative ? Bcd.decode(b, off + 1, n - 1) : Bcd.decode(b, off, n);
        if (digits < 0) return null;
        BigDecimal v = BigDecimal.valueOf(digits, dec);
        return negative ? v.negate() : v;
    }

    /** Writes a report text; elements are grouped under an {@code F0F0} header whenever their time changes. */
    public static byte[] write(Sl651Report r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        byte[] head = new byte[8];
        head[0] = (byte) (r.serial() >> 8);
        head[1] = (byte) r.serial();
        Bcd.time(r.sendTime(), head, 2, 6);
        out.writeBytes(head);
        out.write(0xF1);
        out.write(0xF1);
        out.writeBytes(Sl651HexCodec.hex(r.station()));
        out.write(r.stationType());
        Instant current = null;
        for (Sl651Element e : r.elements()) {
            if (!e.time().equals(current)) {
                byte[] t = new byte[5];
                Bcd.time(e.time(), t, 0, 5);
                out.write(0xF0);
                out.write(0xF0);
                out.writeBytes(t);
                current = e.time();
            }
            if (e.identifier() > 0xFF) {
                out.write(0xFF);
                out.write(e.identifier() & 0xFF);
            } else {
                out.write(e.identifier());
            }
            out.write(e.definition());
            out.writeBytes(valueBytes(e));
        }
        return out.toByteArray();
    }

    private static byte[] valueBytes(Sl651Element e) {
        byte[] b = new byte[e.bytes()];
        if (e.value() == null) {
            java.util.Arrays.fill(b, (byte) 0xFF);
            return b;
        }
        long digits = e.value().abs().movePointRight(e.decimals()).longValueExact();
        if (e.value().signum() < 0) {
            b[0] = (byte) 0xFF;
            Bcd.encode(digits, b, 1, e.bytes() - 1);
        } else {
            Bcd.encode(digits, b, 0, e.bytes());
        }
        return b;
    }

    /** The text of the centre's reply to a report: serial, send time, {@code F1F1} + station address. */
    public static byte[] ackText(int serial, Instant now, String station) {
        byte[] t = new byte[15];
        t[0] = (byte) (serial >> 8);
        t[1] = (byte) serial;
        Bcd.time(now, t, 2, 6);
        t[8] = (byte) 0xF1;
        t[9] = (byte) 0xF1;
        System.arraycopy(Sl651HexCodec.hex(station), 0, t, 10, 5);
        return t;
    }
}
