package org.tidemark.layers.wms;

import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.error.GeoServiceException.Kind;

/** The WMS exception codes (WMS 1.3.0 Table E.1; WMS 1.1.1 Annex A.3). */
final class WmsErrors {
    private WmsErrors() {}

    static GeoServiceException invalidCrs(WmsVersion v, String crs) {
        return new GeoServiceException(Kind.INVALID_PARAMETER, v.is13() ? "InvalidCRS" : "InvalidSRS", v.crsParam(),
                "CRS not supported: " + crs);
    }

    static GeoServiceException layerNotDefined(String layer) {
        return new GeoServiceException(Kind.NOT_FOUND, "LayerNotDefined", "LAYERS", "No such layer: " + layer);
    }

    static GeoServiceException styleNotDefined(String style) {
        return new GeoServiceException(Kind.NOT_FOUND, "StyleNotDefined", "STYLES", "No such style: " + style);
    }

    static GeoServiceException invalidFormat(String locator, String format) {
        return new GeoServiceException(Kind.INVALID_PARAMETER, "InvalidFormat", locator, "Format not supported: " + format);
    }

    static GeoServiceException invalidPoint(String locator, String message) {
        return new GeoServiceException(Kind.INVALID_PARAMETER, "InvalidPoint", locator, message);
    }

    static GeoServiceException layerNotQueryable(String layer) {
        return new GeoServiceException(Kind.INVALID_PARAMETER, "LayerNotQueryable", "QUERY_LAYERS", "Layer not queryable: " + layer);
    }

    static GeoServiceException invalidDimension(String dim, String value) {
        return new GeoServiceException(Kind.INVALID_PARAMETER, "InvalidDimensionValue", dim, "Invalid " + dim + " value: " + value);
    }

    static GeoServiceException missingDimension(String dim) {
        return new GeoServiceException(Kind.INVALID_PARAMETER, "MissingDimensionValue", dim, "A value for " + dim + " is required");
    }

    static GeoServiceException operationNotSupported(String request) {
        return new GeoServiceException(Kind.NOT_SUPPORTED, "OperationNotSupported", "REQUEST", "Request not supported: " + request);
    }

    /** HTTP status for an error: 400 for client errors, 404 unknown layers/styles, 403, 503; never 200. */
    static int status(GeoServiceException e) {
        return switch (e.kind()) {
            case INVALID_PARAMETER, MISSING_PARAMETER, NOT_SUPPORTED, CONFLICT -> 400;
            case NOT_FOUND -> 404;
            case NOT_ACCEPTABLE -> 406;
            case FORBIDDEN -> 403;
            case UNAUTHENTICATED -> 401;
            case TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
        };
    }
}
