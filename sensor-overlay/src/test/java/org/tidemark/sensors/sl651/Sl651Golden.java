package org.tidemark.sensors.sl651;

import java.util.HexFormat;

/**
 * Frames laid out by hand from SL 651-2014 §6.2 (frame), §6.5 (elements) and §7.2.3 (32H timed report),
 * with the CRC computed by an independent implementation of CRC-16/MODBUS.
 */
final class Sl651Golden {
    private Sl651Golden() {}

    /**
     * Uplink 32H timed report from river station 0063201100 to centre 01, password 1234, serial 1, sent
     * 2026-09-14 10:05:00 (Beijing), observed 10:00: {@code 39 23 00004150} level 4.150 m,
     * {@code 20 19 000125} period rainfall 12.5 mm, {@code 38 12 1234} voltage 12.34 V.
     */
    static final String TIMED_REPORT = "7E7E0100632011001234320026020001260914100500F1F1006320110048F0F0260914100039"
            + "230000415020190001253812123403D452";

    /** The centre's reply to it, sent 2026-09-14 10:05:30, ending EOT. */
    static final String TIMED_REPORT_ACK = "7E7E006320110001123432800F020001260914100530F1F100632011000482E9";

    static byte[] bytes(String hex) { return HexFormat.of().parseHex(hex); }

    static String hex(byte[] b) { return HexFormat.of().withUpperCase().formatHex(b); }
}
