package org.tidemark.sensors.ingest;

/** The store refused a batch (outage, overload): nothing of it was committed; the sender should retry. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(Throwable cause) { super("observation store unavailable", cause); }
}
