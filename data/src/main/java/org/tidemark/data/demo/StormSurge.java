package org.tidemark.data.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rising limb of the demo typhoon's storm tide at the coast, hour by hour, up to the 5.2 m
 * 1-in-100-year level of the flood-zone scenario ({@link Hazards#SURGE}). A fixed event date keeps the
 * demo data the same on every run ("same seed, same bytes"); the live sensor feed replays its own cycle.
 */
record StormSurge(Instant time, int step, double tideLevel) {
    /** The demo event: the first hour of the surge (UTC). */
    static final Instant START = Instant.parse("2026-09-14T00:00:00Z");
    static final int STEPS = 7;
    /** Tide level at the start: a high spring tide before the surge arrives (m, national datum). */
    static final double BASE = 1.6;

    /** The steps, hourly, level rising as sin² towards the peak so that the surge speeds up then levels off. */
    static List<StormSurge> steps() {
        List<StormSurge> out = new ArrayList<>();
        for (int k = 0; k < STEPS; k++) {
            double s = Math.sin(Math.PI / 2 * k / (STEPS - 1));
            out.add(new StormSurge(START.plus(Duration.ofHours(k)), k + 1, Geo.round2(BASE + (Hazards.SURGE - BASE) * s * s)));
        }
        return out;
    }
}
