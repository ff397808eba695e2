package org.tidemark.layers.ows;

import org.tidemark.core.error.GeoServiceException;

/**
 * Exceptions with the WFS 2.0 specific codes of OGC 09-025r2 §7.5 Table 3 (and OWS 1.1 codes the core does
 * not name), built on {@link GeoServiceException} so every edge maps them the same way.
 */
public final class OwsException {
    private OwsException() {}

    /** The request could not be parsed (malformed XML, bad filter encoding). */
    public static GeoServiceException parsingFailed(String locator, String message) {
        return new GeoServiceException(GeoServiceException.Kind.INVALID_PARAMETER, "OperationParsingFailed", locator, message);
    }

    /** The value is not valid (WFS 2.0 InvalidValue, e.g. an unknown property in a filter). */
    public static GeoServiceException invalidValue(String locator, String message) {
        return new GeoServiceException(GeoServiceException.Kind.INVALID_PARAMETER, "InvalidParameterValue", locator, message);
    }

    public static GeoServiceException optionNotSupported(String locator, String message) {
        return new GeoServiceException(GeoServiceException.Kind.NOT_SUPPORTED, "OptionNotSupported", locator, message);
    }

    public static GeoServiceException versionNegotiationFailed(String message) {
        return new GeoServiceException(GeoServiceException.Kind.INVALID_PARAMETER, "VersionNegotiationFailed", "AcceptVersions", message);
    }

    public static GeoServiceException tooLarge(String message) {
        return new GeoServiceException(GeoServiceException.Kind.TOO_LARGE, "OperationParsingFailed", null, message);
    }
}
