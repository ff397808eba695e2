package org.tidemark.sensors.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tidemark.core.access.Principal;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.sensor.Alert;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.ObservationStore;
import org.tidemark.core.sensor.ObservedProperty;
import org.tidemark.core.sensor.Station;
import org.tidemark.sensors.alert.ThresholdEngine;
import org.tidemark.sensors.ingest.Committed;
import org.tidemark.sensors.ingest.IngestService;
import org.tidemark.sensors.ingest.ObservationInput;
import org.tidemark.sensors.ingest.ObservationJson;
import org.tidemark.sensors.ingest.StoreUnavailableException;
import org.tidemark.sensors.live.GaugeAccess;
import org.tidemark.sensors.live.LiveBus;
import org.tidemark.sensors.SensorSettings;
import org.tidemark.sensors.model.LatestValues;
import org.tidemark.sensors.model.RainAccumulator;
import org.tidemark.sensors.model.StationRegistry;
import org.tidemark.sensors.model.StationStates;

/**
 * The sensor REST API under {@code /api/sensors}: ingest ({@code POST observations}), the station list
 * with thresholds, latest values and status, per-station history (JSON or CSV, optional downsampling),
 * the alert log and its acknowledgement, and ingest statistics. Errors are RFC 9457 problem details.
 */
@RestController
public class SensorController {
    private static final int MAX_HISTORY = 100_000;
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final StationRegistry stations;
    private final StationStates states;
    private final ObservationStore store;
    private final IngestService ingest;
    private final GaugeAccess access;
    private final StationJson stationJson;
    private final LiveBus bus;
    private final Clock clock;
    private final int maxBodyBytes;

    public SensorController(StationRegistry stations, StationStates states, LatestValues latest, RainAccumulator rain,
                            ObservationStore store, IngestService ingest, GaugeAccess access, LiveBus bus, Clock clock,
                            SensorSettings settings) {
        this.stations = stations;
        this.states = states;
        this.store = store;
        this.ingest = ingest;
        this.access = access;
        this.stationJson = new StationJson(latest, rain, states, clock, settings.staleAfter());
        this.bus = bus;
        this.clock = clock;
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    /**
     * Ingests a JSON array of readings, all or nothing. Answers 200 with the counts only after the
     * readings were committed; 400/422 (problem+json with the failing indexes) when any is invalid;
     * 413 over the body limit; 503 with {@code Retry-After} when the queue is full or the store down.
     */
    @PostMapping(path = "/api/sensors/observations")
    public Map<String, Object> ingest(HttpServletRequest request) throws IOException, InterruptedException {
        MediaType type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            throw GeoServiceException.invalid("Content-Type", "the body must be application/json");
        }
        byte[] body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), maxBodyBytes);
        List<ObservationInput> inputs;
        try {
            inputs = ObservationJson.read(body);
        } catch (IllegalArgumentException e) {
            ingest.reject("http", org.tidemark.sensors.ingest.RejectReason.MALFORMED);
            throw GeoServiceException.invalid("body", e.getMessage());
        }
        IngestService.Checked checked = ingest.check("http", inputs);
        if (!checked.rejected().isEmpty()) throw new IngestRejectedException(checked.rejected());
        Committed done;
        try {
            done = ingest.submit(checked.valid()).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StoreUnavailableException su ? su : new StoreUnavailableException(e.getCause());
        } catch (TimeoutException e) {
            throw new StoreUnavailableException(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("received", inputs.size());
        out.put("accepted", done.accepted());
        out.put("duplicates", done.duplicates());
        return out;
    }

    /** Stations with thresholds, latest values and status; alarms first, then by code. */
    @GetMapping(path = "/api/sensors/stations", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> stations(HttpServletRequest request) {
        GaugeAccess.View view = visibleView(request);
        List<Map<String, Object>> list = new ArrayList<>();
        stations.all().stream().filter(view::stationVisible)
                .sorted(Comparator.comparing((Station s) -> states.get(s.code()).status()).reversed()
                        .thenComparing(Station::code))
                .forEach(s -> list.add(stationJson.of(s, view)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timeStamp", clock.instant().toString());
        out.put("numberReturned", list.size());
        out.put("stations", list);
        return out;
    }

    @GetMapping(path = "/api/sensors/stations/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> station(@PathVariable("code") String code, HttpServletRequest request) {
        GaugeAccess.View view = visibleView(request);
        return stationJson.of(visibleStation(code, view), view);
    }

    /**
     * A station's readings with {@code from <= time < to} (RFC 3339; default the last 24 h), optionally
     * one property, downsampled to one value per {@code interval} (ISO 8601 duration; rainfall summed,
     * levels the last value of each bucket), as JSON or CSV ({@code f=csv} or {@code Accept: text/csv}).
     */
    @GetMapping(path = "/api/sensors/stations/{code}/observations")
    public void history(@PathVariable("code") String code,
                        @RequestParam(name = "from", required = false) String from,
                        @RequestParam(name = "to", required = false) String to,
                        @RequestParam(name = "property", required = false) String property,
                        @RequestParam(name = "interval", required = false) String interval,
                        @RequestParam(name = "limit", required = false) Integer limit,
                        @RequestParam(name = "f", required = false) String format,
                        HttpServletRequest request, HttpServletResponse response) throws IOException {
        GaugeAccess.View view = visibleView(request);
        Station s = visibleStation(code, view);
        if (property != null && ObservedProperty.find(property).isEmpty()) {
            throw GeoServiceException.invalid("property", "unknown property " + property);
        }
        if (property != null && !view.attributeVisible(property)) throw GeoServiceException.forbidden("property", "not permitted");
        Instant end = to == null ? clock.instant() : time("to", to);
        Instant start = from == null ? end.minus(Duration.ofHours(24)) : time("from", from);
        if (!start.isBefore(end)) throw GeoServiceException.invalid("from", "from must be before to");
        int max = limit == null ? 10_000 : limit;
        if (max < 1 || max > MAX_HISTORY) throw GeoServiceException.invalid("limit", "limit must be 1.." + MAX_HISTORY);
        Duration bucket = null;
        if (interval != null) {
            try {
                bucket = Duration.parse(interval);
            } catch (DateTimeParseException e) {
                throw GeoServiceException.invalid("interval", "interval must be an ISO 8601 duration such as PT1H");
            }
            if (bucket.toSeconds() < 60) throw GeoServiceException.invalid("interval", "interval must be at least PT1M");
        }
        List<Observation> rows = store.history(s.code(), property, start, end, max).stream()
                .filter(o -> view.attributeVisible(o.property())).toList();
        if (bucket != null) rows = Downsampler.downsample(rows, bucket);
        boolean csv = "csv".equalsIgnoreCase(format) || format == null && accepts(request, "text/csv");
        if (csv) writeCsv(s, rows, response);
        else writeJson(s, start, end, rows, response);
    }

    @GetMapping(path = "/api/sensors/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> alerts(@RequestParam(name = "since", required = false) String since,
                                      @RequestParam(name = "limit", required = false) Integer limit,
                                      HttpServletRequest request) {
        GaugeAccess.View view = visibleView(request);
        Instant from = since == null ? clock.instant().minus(Duration.ofDays(7)) : time("since", since);
        int max = limit == null ? 200 : limit;
        if (max < 1 || max > 10_000) throw GeoServiceException.invalid("limit", "limit must be 1..10000");
        List<Map<String, Object>> list = store.alerts(from, max).stream()
                .filter(a -> stations.find(a.station()).map(view::stationVisible).orElse(false))
                .map(a -> view.mask(ThresholdEngine.alertData(a))).toList();
        return Map.of("numberReturned", list.size(), "alerts", list);
    }

    /** Records that the caller took notice of an alert (who and when); anonymous callers may not. */
    @PostMapping(path = "/api/sensors/alerts/{id}/acknowledge", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> acknowledge(@PathVariable("id") long id, HttpServletRequest request) {
        Principal p = Principals.of(request);
        GaugeAccess.View view = visibleView(request);
        if (p.isAnonymous()) {
            throw new GeoServiceException(GeoServiceException.Kind.UNAUTHENTICATED, "Unauthenticated", null,
                    "acknowledging an alert needs an authenticated caller");
        }
        Alert a = store.acknowledge(id, p.id(), clock.instant())
                .filter(x -> stations.find(x.station()).map(view::stationVisible).orElse(false))
                .orElseThrow(() -> GeoServiceException.notFound("id", "no alert " + id));
        Map<String, Object> data = ThresholdEngine.alertData(a);
        bus.publish("alert", a.station(), data);
        return view.mask(data);
    }

    /** Queue depth, committed and duplicate counts, and rejects by channel and reason. */
    @GetMapping(path = "/api/sensors/ingest/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queueDepth", ingest.pipeline().depth());
        m.put("queueCapacity", ingest.pipeline().capacity());
        m.put("committed", ingest.pipeline().committedCount());
        m.put("duplicates", ingest.pipeline().duplicateCount());
        m.put("storeFailures", ingest.pipeline().storeFailureCount());
        m.put("storeAvailable", !ingest.pipeline().storeDown());
        m.put("rejects", ingest.rejects().snapshot());
        m.put("liveSubscribers", bus.subscriberCount());
        return m;
    }

    private GaugeAccess.View visibleView(HttpServletRequest request) {
        GaugeAccess.View view = access.viewFor(Principals.of(request));
        if (!view.visible()) throw GeoServiceException.notFound("layer", "no such layer: gauges");
        return view;
    }

    private Station visibleStation(String code, GaugeAccess.View view) {
        return stations.find(code).filter(view::stationVisible)
                .orElseThrow(() -> GeoServiceException.notFound("code", "no station " + code));
    }

    private static Instant time(String name, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw GeoServiceException.invalid(name, name + " must be an RFC 3339 time with offset");
        }
    }

    private static boolean accepts(HttpServletRequest request, String type) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(type);
    }

    private static void writeCsv(Station s, List<Observation> rows, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + s.code() + ".csv\"");
        Writer w = response.getWriter();
        w.write("STCD,property,TM,value,unit,quality\r\n");
        for (Observation o : rows) {
            w.write(s.code() + "," + o.property() + "," + o.phenomenonTime() + "," + o.value() + "," + o.unit() + ","
                    + o.quality().name().toLowerCase(Locale.ROOT) + "\r\n");
        }
        w.flush();
    }

    private static void writeJson(Station s, Instant from, Instant to, List<Observation> rows,
                                  HttpServletResponse response) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer w = response.getWriter();
        w.write("{\"STCD\":" + JsonText.quote(s.code()) + ",\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"numberReturned\":" + rows.size() + ",\"observations\":[");
        for (int i = 0; i < rows.size(); i++) {
            Observation o = rows.get(i);
            if (i > 0) w.write(',');
            w.write("{\"property\":" + JsonText.quote(o.property()) + ",\"TM\":\"" + o.phenomenonTime()
                    + "\",\"value\":" + o.value() + ",\"unit\":" + JsonText.quote(o.unit()) + ",\"quality\":\""
                    + o.quality().name().toLowerCase(Locale.ROOT) + "\"}");
        }
        w.write("]}");
        w.flush();
    }
}
