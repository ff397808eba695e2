package org.tidemark.sensors.ingest;

/**
 * One reading as a client sent it, before validation: {@code {station, property, time, value, unit?, quality?}}.
 * Every field may be missing or malformed; {@link ObservationValidator} decides.
 */
public record ObservationInput(String station, String property, String time, Double value, String unit,
                               String quality) {}
