package org.tidemark.sensors.web;

/** The request body exceeds the configured limit. */
final class PayloadTooLargeException extends RuntimeException {
    PayloadTooLargeException(long limit) { super("the request body exceeds " + limit + " bytes", null, false, false); }
}
