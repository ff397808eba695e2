package org.tidemark.core.style;

/** A style document that cannot be read: malformed, unsafe or outside the supported SLD/SE subset. */
public class StyleException extends RuntimeException {
    public StyleException(String message) { super(message); }

    public StyleException(String message, Throwable cause) { super(message, cause); }
}
