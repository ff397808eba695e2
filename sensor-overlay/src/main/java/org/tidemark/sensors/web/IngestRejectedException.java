package org.tidemark.sensors.web;

import java.util.List;
import org.tidemark.sensors.ingest.RejectReason;
import org.tidemark.sensors.ingest.Rejection;

/** An HTTP ingest request refused as a whole because some of its readings are invalid. */
final class IngestRejectedException extends RuntimeException {
    private final List<Rejection> rejections;

    IngestRejectedException(List<Rejection> rejections) {
        super(rejections.get(0).detail(), null, false, false);
        this.rejections = List.copyOf(rejections);
    }

    List<Rejection> rejections() { return rejections; }

    /** Every refusal is an unknown station: the request was well-formed but cannot be processed (422). */
    boolean onlyUnknownStations() {
        return rejections.stream().allMatch(r -> r.reason() == RejectReason.UNKNOWN_STATION);
    }
}
