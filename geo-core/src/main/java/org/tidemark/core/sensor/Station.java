package org.tidemark.core.sensor;

import java.util.Objects;
import org.tidemark.core.feature.LocalizedText;

/**
 * A hydrological station as registered in SL 323 {@code ST_STBPRP_B}.
 *
 * @param code       {@code STCD}, the station code (8 characters in SL 323)
 * @param name       {@code STNM} (zh) and its English name
 * @param kind       from {@code STTP}
 * @param longitude  {@code LGTD}, degrees east on CGCS2000
 * @param latitude   {@code LTTD}, degrees north on CGCS2000
 * @param department the owning department code (e.g. {@code water})
 * @param datum      {@code DTMNM}, the vertical datum levels refer to (e.g. 1985国家高程基准)
 * @param thresholds the station's alarm thresholds
 */
public record Station(String code, LocalizedText name, StationKind kind, double longitude, double latitude,
                      String department, String datum, Thresholds thresholds) {
    public Station {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (thresholds == null) thresholds = Thresholds.NONE;
    }
}
