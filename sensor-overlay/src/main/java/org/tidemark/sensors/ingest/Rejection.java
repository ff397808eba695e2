package org.tidemark.sensors.ingest;

/** A refused reading: its position in the submitted array, the reason and a human-readable detail. */
public record Rejection(int index, RejectReason reason, String detail) {}
