package org.tidemark.sensors.sl651;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One SL 651-2014 message frame (§6.2 "报文帧结构", HEX/BCD encoding), independent of direction:
 * {@code 7E7E | address pair | password | function code | direction+length | STX or SYN(+packet
 * count/sequence) | text | end character | CRC}. In uplink frames the centre address precedes the
 * 5-byte station address; in downlink frames the station address comes first.
 *
 * @param centre       the central station address (1 byte)
 * @param station      the telemetry station address as 10 hexadecimal digits (5 bytes)
 * @param password     the 2-byte password
 * @param function     the function code (§7.1 table: 2FH keep-alive, 32H timed report, 33H added report...)
 * @param upstream     true for station → centre
 * @param start        {@link #STX} (single packet) or {@link #SYN} (multi-packet)
 * @param packetCount  total packets (SYN only; 0 otherwise)
 * @param packetSeq    this packet's sequence number (SYN only; 0 otherwise)
 * @param text         the message text (正文): serial number, send time and the rest
 * @param end          the end character: {@link #ETX}, {@link #ETB}, {@link #ENQ}, {@link #EOT}, {@link #ACK},
 *                     {@link #NAK} or {@link #ESC}
 */
public record Sl651Frame(int centre, String station, int password, int function, boolean upstream, int start,
                         int packetCount, int packetSeq, byte[] text, int end) {
    public static final int SOH = 0x7E;
    public static final int STX = 0x02, SYN = 0x16;
    public static final int ETX = 0x03, ETB = 0x17, ENQ = 0x05, EOT = 0x04, ACK = 0x06, NAK = 0x15, ESC = 0x1B;
    public static final int KEEP_ALIVE = 0x2F, TEST = 0x30, EQUAL_INTERVAL = 0x31, TIMED = 0x32, ADDED = 0x33,
            HOURLY = 0x34, MANUAL = 0x35;
    /** The largest text the 12-bit length field can describe. */
    public static final int MAX_TEXT = 4095;

    public Sl651Frame {
        Objects.requireNonNull(station, "station");
        if (!station.matches("[0-9A-Fa-f]{10}")) throw new IllegalArgumentException("station address must be 10 hex digits");
        station = station.toUpperCase();
        text = text.clone();
        if (text.length > MAX_TEXT) throw new IllegalArgumentException("text longer than " + MAX_TEXT);
        if (start != STX && start != SYN) throw new IllegalArgumentException("start must be STX or SYN");
    }

    @Override
    public byte[] text() { return text.clone(); }

    /** The message serial number (流水号), the first two bytes of the text. */
    public int serial() {
        return text.length < 2 ? -1 : ((text[0] & 0xFF) << 8) | (text[1] & 0xFF);
    }

    /** The send time (发报时间), text bytes 2–7. */
    public Instant sendTime() { return Bcd.time(text, 2, 6); }

    /** Whether this function code carries hydrological readings. */
    public boolean isReport() { return function >= EQUAL_INTERVAL && function <= MANUAL; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sl651Frame f && centre == f.centre && station.equals(f.station) && password == f.password
                && function == f.function && upstream == f.upstream && start == f.start && packetCount == f.packetCount
                && packetSeq == f.packetSeq && end == f.end && Arrays.equals(text, f.text);
    }

    @Override
    public int hashCode() { return Objects.hash(centre, station, function, upstream, Arrays.hashCode(text), end); }

    @Override
    public String toString() {
        return "Sl651Frame[" + (upstream ? "up" : "down") + " fn=" + Integer.toHexString(function) + " station=" + station
                + " serial=" + serial() + " len=" + text.length + " end=" + Integer.toHexString(end) + "]";
    }
}
