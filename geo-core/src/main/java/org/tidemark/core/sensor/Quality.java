package org.tidemark.core.sensor;

import java.util.Locale;

/** The quality flag of an observation (ISO 19157 / OGC SensorThings {@code resultQuality}, simplified). */
public enum Quality {
    GOOD, SUSPECT, ESTIMATED, BAD;

    /** Parses a flag case-insensitively; null means {@link #GOOD}. */
    public static Quality parse(String text) {
        return text == null || text.isBlank() ? GOOD : valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
