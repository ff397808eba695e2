package org.tidemark.sensors.sl651;

/** A frame or body that does not follow SL 651-2014. */
public final class Sl651Exception extends RuntimeException {
    /** The kind of defect. */
    public enum Reason { BAD_FRAME, BAD_CRC, TOO_LONG, UNSUPPORTED }

    private final Reason reason;

    public Sl651Exception(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
