package org.tidemark.sensors.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tidemark.core.sensor.Observation;

/**
 * Reduces a time-ordered series to one value per property and time bucket (buckets aligned to the
 * epoch): rainfall ({@code DRP}) is summed over the bucket, other properties keep the bucket's last
 * reading. Each output reading carries the bucket's start as its time.
 */
final class Downsampler {
    private Downsampler() {}

    static List<Observation> downsample(List<Observation> rows, Duration bucket) {
        long size = bucket.toMillis();
        Map<String, Observation> open = new LinkedHashMap<>();
        List<Observation> out = new ArrayList<>();
        for (Observation o : rows) {
            Instant start = Instant.ofEpochMilli(Math.floorDiv(o.phenomenonTime().toEpochMilli(), size) * size);
            Observation cur = open.get(o.property());
            if (cur != null && !cur.phenomenonTime().equals(start)) {
                out.add(cur);
                cur = null;
            }
            double value = cur != null && o.property().equals("DRP") ? cur.value() + o.value() : o.value();
            open.put(o.property(), new Observation(o.station(), o.property(), start, o.resultTime(),
                    Math.round(value * 1000) / 1000.0, o.unit(), o.quality()));
        }
        out.addAll(open.values());
        out.sort(java.util.Comparator.comparing(Observation::phenomenonTime).thenComparing(Observation::property));
        return out;
    }
}
