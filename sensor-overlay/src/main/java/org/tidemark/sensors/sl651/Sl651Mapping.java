package org.tidemark.sensors.sl651;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.tidemark.core.sensor.Station;
import org.tidemark.sensors.ingest.ObservationInput;

/**
 * Maps report elements to Tidemark readings with SL 323 property names: {@code 39H} instantaneous level
 * becomes {@code TDZ} at tide stations, {@code RZ} at reservoirs and {@code Z} elsewhere; {@code 3BH}
 * upstream level becomes {@code RZ}; {@code 20H} current-period rainfall becomes {@code DRP};
 * {@code 38H} supply voltage becomes {@code VT}. Other elements are not stored.
 *
 * <p>The 5-byte station address is matched to a station code as its 10 digits, or its last 8 digits
 * (SL 323 codes have 8), so {@code 0063201100} finds {@code 63201100}.
 */
public final class Sl651Mapping {
    private Sl651Mapping() {}

    public static Optional<Station> station(String address, Function<String, Optional<Station>> lookup) {
        Optional<Station> s = lookup.apply(address);
        return s.isPresent() ? s : lookup.apply(address.substring(2));
    }

    public static List<ObservationInput> inputs(Sl651Report r, String stationCode) {
        List<ObservationInput> out = new ArrayList<>();
        for (Sl651Element e : r.elements()) {
            String property = property(e.identifier(), r.stationType());
            if (property == null || e.value() == null) continue;
            out.add(new ObservationInput(stationCode, property, e.time().atOffset(ZoneOffset.ofHours(8)).toString(),
                    e.value().doubleValue(), null, null));
        }
        return out;
    }

    static String property(int identifier, int stationType) {
        return switch (identifier) {
            case Sl651Element.LEVEL -> stationType == Sl651Report.TIDE ? "TDZ"
                    : stationType == Sl651Report.RESERVOIR ? "RZ" : "Z";
            case Sl651Element.UPSTREAM_LEVEL -> "RZ";
            case Sl651Element.PERIOD_RAIN -> "DRP";
            case Sl651Element.VOLTAGE -> "VT";
            default -> null;
        };
    }
}
