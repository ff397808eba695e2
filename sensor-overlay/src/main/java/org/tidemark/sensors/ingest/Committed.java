package org.tidemark.sensors.ingest;

/** The outcome of one submission once committed: new readings stored and duplicates dropped. */
public record Committed(int accepted, int duplicates) {}
