package org.tidemark.sensors.sl651;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Packed BCD helpers for SL 651 HEX/BCD frames; times are Beijing time (UTC+8), years 2000–2099. */
final class Bcd {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private Bcd() {}

    /** The decimal digits of {@code length} packed bytes; -1 if a nibble is not a decimal digit. */
    static long decode(byte[] b, int off, int length) {
        long v = 0;
        for (int i = off; i < off + length; i++) {
            int hi = (b[i] >> 4) & 0xF, lo = b[i] & 0xF;
            if (hi > 9 || lo > 9) return -1;
            v = v * 100 + hi * 10 + lo;
        }
        return v;
    }

    /** Packs {@code value} into {@code length} bytes of BCD (leading zeros). */
    static void encode(long value, byte[] out, int off, int length) {
        if (value < 0) throw new IllegalArgumentException("negative BCD value");
        for (int i = off + length - 1; i >= off; i--) {
            int two = (int) (value % 100);
            out[i] = (byte) (((two / 10) << 4) | (two % 10));
            value /= 100;
        }
        if (value != 0) throw new IllegalArgumentException("value does not fit in " + length + " BCD bytes");
    }

    /** Decodes {@code YYMMDDhhmm[ss]} (5 or 6 bytes). */
    static Instant time(byte[] b, int off, int length) {
        int[] f = new int[6];
        for (int i = 0; i < length; i++) {
            long v = decode(b, off + i, 1);
            if (v < 0) throw new Sl651Exception(Sl651Exception.Reason.BAD_FRAME, "time is not BCD");
            f[i] = (int) v;
        }
        try {
            return LocalDateTime.of(2000 + f[0], f[1], f[2], f[3], f[4], f[5]).atZone(BEIJING).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new Sl651Exception(Sl651Exception.Reason.BAD_FRAME, "invalid time: " + e.getMessage());
        }
    }

    /** Encodes {@code YYMMDDhhmm[ss]} (5 or 6 bytes) in Beijing time. */
    static void time(Instant t, byte[] out, int off, int length) {
        LocalDateTime l = LocalDateTime.ofInstant(t, BEIJING);
        int[] f = {l.getYear() - 2000, l.getMonthValue(), l.getDayOfMonth(), l.getHour(), l.getMinute(), l.getSecond()};
        for (int i = 0; i < length; i++) encode(f[i], out, off + i, 1);
    }
}
