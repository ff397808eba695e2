package org.tidemark.sensors.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.tidemark.core.sensor.Observation;

/**
 * The one entry for every channel (HTTP, MQTT, SL651, the demo feed): validates, counts rejects by
 * channel and reason, and queues what is valid. HTTP submits all-or-nothing ({@link #validateAll});
 * device channels drop bad readings one by one ({@link #submitValid}).
 */
public final class IngestService {
    private final ObservationValidator validator;
    private final IngestPipeline pipeline;
    private final RejectCounters rejects;

    public IngestService(ObservationValidator validator, IngestPipeline pipeline, RejectCounters rejects) {
        this.validator = validator;
        this.pipeline = pipeline;
        this.rejects = rejects;
    }

    /** The valid readings and the rejections of one submission. */
    public record Checked(List<Observation> valid, List<Rejection> rejected) {}

    public Checked check(String channel, List<ObservationInput> inputs) {
        List<Observation> ok = new ArrayList<>(inputs.size());
        List<Rejection> bad = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ObservationValidator.Outcome o = validator.validate(i, inputs.get(i));
            if (o.valid()) {
                ok.add(o.observation());
            } else {
                bad.add(o.rejection());
                rejects.count(channel, o.rejection().reason());
            }
        }
        return new Checked(ok, bad);
    }

    /** Queues the readings (already validated or built by a trusted decoder). */
    public CompletableFuture<Committed> submit(List<Observation> observations) {
        return pipeline.submit(observations);
    }

    /** Validates and queues the valid readings; rejected ones are counted and dropped. */
    public CompletableFuture<Committed> submitValid(String channel, List<ObservationInput> inputs) {
        return pipeline.submit(check(channel, inputs).valid());
    }

    public void reject(String channel, RejectReason reason) { rejects.count(channel, reason); }

    public RejectCounters rejects() { return rejects; }

    public IngestPipeline pipeline() { return pipeline; }
}
