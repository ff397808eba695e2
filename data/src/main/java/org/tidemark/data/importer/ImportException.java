package org.tidemark.data.importer;

import java.util.List;
import org.tidemark.core.error.GeoServiceException;

/**
 * A failed import. The store is unchanged: nothing was written, or the created layer was dropped again.
 * Carries the rejected rows (at most {@link FeatureImporter#MAX_REPORTED_ERRORS}) for the caller to show.
 */
public final class ImportException extends GeoServiceException {
    private final transient List<RowError> errors;

    public ImportException(String message, List<RowError> errors) {
        super(Kind.INVALID_PARAMETER, "InvalidParameterValue", "file", message + describe(errors));
        this.errors = List.copyOf(errors);
    }

    public ImportException(String message) {
        this(message, List.of());
    }

    public ImportException(String message, Throwable cause) {
        super(Kind.INVALID_PARAMETER, "InvalidParameterValue", "file", message, cause);
        this.errors = List.of();
    }

    public List<RowError> errors() { return errors; }

    private static String describe(List<RowError> errors) {
        if (errors.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        for (RowError e : errors.subList(0, Math.min(errors.size(), 10))) sb.append("\n  ").append(e);
        if (errors.size() > 10) sb.append("\n  ... ").append(errors.size() - 10).append(" more");
        return sb.toString();
    }
}
