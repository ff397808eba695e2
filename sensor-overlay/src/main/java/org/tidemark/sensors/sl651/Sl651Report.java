package org.tidemark.sensors.sl651;

import java.time.Instant;
import java.util.List;

/**
 * The text of an uplink report frame (§7.2.3 for 32H timed reports, same layout for 31H–35H): serial
 * number, send time, {@code F1F1} + station address + station type, then one or more {@code F0F0} +
 * observation time groups followed by elements.
 *
 * @param stationType the classification code ({@code 50} rain, {@code 48} river, {@code 4B} reservoir,
 *                    {@code 54} tide...)
 */
public record Sl651Report(int serial, Instant sendTime, String station, int stationType, List<Sl651Element> elements) {
    public static final int RAIN = 0x50, RIVER = 0x48, RESERVOIR = 0x4B, SLUICE = 0x5A, PUMP = 0x44, TIDE = 0x54;

    public Sl651Report { elements = List.copyOf(elements); }
}
