package org.tidemark.sensors.ingest;

/**
 * The ingest queue cannot take the readings now; the sender should retry later. {@link #storeDown()} tells
 * apart "the store is failing" (refused at once rather than queued behind a dead database) from "the queue
 * is full" (a burst larger than the store absorbs).
 */
public final class QueueFullException extends RuntimeException {
    private final boolean storeDown;

    public QueueFullException(String message) { this(message, false); }

    public QueueFullException(String message, boolean storeDown) {
        super(message, null, false, false);
        this.storeDown = storeDown;
    }

    /** Whether the refusal is because the store is failing (not because of the queue's size). */
    public boolean storeDown() { return storeDown; }
}
