package org.tidemark.core.error;

/**
 * The root of the errors a service reports to a client. It carries the OGC exception code
 * (OGC 06-121r9 §8.5 table 25, WFS 2.0 table 3) and the locator, but no HTTP: each protocol edge maps
 * the {@link Kind} to its status and writes its own format (ExceptionReport or problem+json).
 */
public class GeoServiceException extends RuntimeException {

    /** What went wrong, from the client's point of view. Each edge maps a kind to one HTTP status. */
    public enum Kind {
        /** 400: a parameter value is invalid. */
        INVALID_PARAMETER,
        /** 400: a mandatory parameter is missing. */
        MISSING_PARAMETER,
        /** 400/501: the operation or option is not supported. */
        NOT_SUPPORTED,
        /** 404: the named resource does not exist (or the caller may not know it exists). */
        NOT_FOUND,
        /** 406: no representation acceptable to the client. */
        NOT_ACCEPTABLE,
        /** 403: authenticated but not permitted. */
        FORBIDDEN,
        /** 401: not authenticated. */
        UNAUTHENTICATED,
        /** 409: conflicts with the current state (e.g. duplicate). */
        CONFLICT,
        /** 413: request too large. */
        TOO_LARGE,
        /** 503: a backing source is unavailable or overloaded. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final String locator;

    public GeoServiceException(Kind kind, String code, String locator, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.locator = locator;
    }

    public GeoServiceException(Kind kind, String code, String locator, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
        this.locator = locator;
    }

    public static GeoServiceException invalid(String locator, String message) {
        return new GeoServiceException(Kind.INVALID_PARAMETER, "InvalidParameterValue", locator, message);
    }

    public static GeoServiceException missing(String locator) {
        return new GeoServiceException(Kind.MISSING_PARAMETER, "MissingParameterValue", locator,
                "Mandatory parameter " + locator + " is missing");
    }

    public static GeoServiceException notSupported(String locator, String message) {
        return new GeoServiceException(Kind.NOT_SUPPORTED, "OperationNotSupported", locator, message);
    }

    public static GeoServiceException notFound(String locator, String message) {
        return new GeoServiceException(Kind.NOT_FOUND, "NotFound", locator, message);
    }

    public static GeoServiceException forbidden(String locator, String message) {
        return new GeoServiceException(Kind.FORBIDDEN, "Forbidden", locator, message);
    }

    public static GeoServiceException unavailable(String message, Throwable cause) {
        return new GeoServiceException(Kind.UNAVAILABLE, "NoApplicableCode", null, message, cause);
    }

    public Kind kind() { return kind; }

    /** The OGC exception code, e.g. {@code InvalidParameterValue}. */
    public String code() { return code; }

    /** The offending parameter or element, or null. */
    public String locator() { return locator; }
}
