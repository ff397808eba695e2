package org.tidemark.sensors.ingest;

/** The ingest queue cannot take the readings now; the sender should retry later. */
public final class QueueFullException extends RuntimeException {
    public QueueFullException(String message) { super(message, null, false, false); }
}
