package org.tidemark.sensors.sl651;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One element of a report (§6.5 "要素标识符"): its identifier ({@code 0x39} instantaneous level,
 * {@code 0x20} current-period rainfall...; two-byte {@code FFxx} private identifiers as {@code 0xFFxx}),
 * the data definition (byte count, decimals) and the value, null when the station reported it invalid
 * (all {@code FF}) or it is not a BCD number.
 *
 * @param time the observation time (the preceding {@code F0F0} group)
 */
public record Sl651Element(int identifier, int bytes, int decimals, BigDecimal value, Instant time) {
    public static final int PERIOD_RAIN = 0x20, RAIN_ACCUMULATED = 0x26, LEVEL = 0x39, DOWNSTREAM_LEVEL = 0x3A,
            UPSTREAM_LEVEL = 0x3B, VOLTAGE = 0x38, FLOW = 0x27, FIVE_MINUTE_RAIN = 0xF4;

    /** The data definition byte: high 5 bits the byte count, low 3 bits the decimal places. */
    public int definition() { return (bytes << 3) | decimals; }
}
