package org.tidemark.sensors.ingest;

import java.util.List;
import org.tidemark.core.sensor.Observation;

/** Told about readings after they were committed (only new ones; duplicates are not repeated). */
@FunctionalInterface
public interface CommitListener {
    void committed(List<Observation> fresh);
}
