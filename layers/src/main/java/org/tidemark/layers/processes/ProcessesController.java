package org.tidemark.layers.processes;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.util.GeometricShapeFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tidemark.core.access.AuditEvent;
import org.tidemark.core.access.AuditLog;
import org.tidemark.core.access.Principal;
import org.tidemark.core.crs.Crs;
import org.tidemark.core.crs.CrsReference;
import org.tidemark.core.crs.Reprojector;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.layers.analysis.AnalysisService;
import org.tidemark.layers.analysis.InundationResult;
import org.tidemark.layers.analysis.SitingReport;

/**
 * OGC API – Processes – Part 1: Core 1.0 (OGC 18-062r2) for the two analyses of issue #10:
 * {@code siting-check} and {@code inundation}. Conformance classes: core, ogc-process-description,
 * json, job-list, dismiss. Execution is synchronous unless the client sends {@code Prefer: respond-async}
 * (§7.11.2.3), in which case a job is created (201 + Location) and polled at {@code /ogc/jobs/{id}}.
 */
@RestController
public class ProcessesController {
    static final String EXCEPTIONS = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/";
    private static final MediaType PROBLEM = MediaType.parseMediaType("application/problem+json");

    private final AnalysisService analysis;
    private final AuditLog audit;
    private final InundationLayers inundationLayers;
    private final JobRegistry jobs;
    private final Clock clock;

    public ProcessesController(AnalysisService analysis, AuditLog audit, InundationLayers inundationLayers, Clock clock) {
        this.analysis = analysis;
        this.audit = audit;
        this.inundationLayers = inundationLayers;
        this.clock = clock;
        this.jobs = new JobRegistry(2, 200, clock);
    }

    @GetMapping(value = "/ogc/processes", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(HttpServletRequest request) {
        String base = base(request);
        List<Map<String, Object>> summaries = new ArrayList<>();
        for (String id : ProcessDescriptions.IDS) summaries.add(ProcessDescriptions.summary(id, base));
        return Map.of("processes", summaries, "links", List.of(link(base + "/ogc/processes", "self", "application/json", "Processes")));
    }

    @GetMapping(value = "/ogc/processes/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> describe(@PathVariable String id, HttpServletRequest request) {
        if (!ProcessDescriptions.IDS.contains(id)) throw noSuch("no-such-process", "No process " + id);
        return ProcessDescriptions.description(id, base(request), analysis.rules());
    }

    @PostMapping(value = "/ogc/processes/{id}/execution", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<?> execute(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body,
                              @RequestHeader(value = "Prefer", required = false) String prefer,
                              @RequestHeader(value = "Accept", required = false) String accept,
                              @RequestParam(value = "f", required = false) String f, HttpServletRequest request) {
        if (!ProcessDescriptions.IDS.contains(id)) throw noSuch("no-such-process", "No process " + id);
        if (body == null || !(body.get("inputs") instanceof Map<?, ?> inputs)) throw GeoServiceException.missing("inputs");
        Principal caller = caller(request);
        boolean html = "html".equals(f) || (accept != null && accept.startsWith("text/html"));
        boolean pdf = "pdf".equals(f) || (accept != null && accept.startsWith("application/pdf"));
        Run run = prepare(id, inputs);
        if (prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async")) {
            Job job = jobs.submit(id, caller.id(), () -> run.execute(caller));
            URI location = URI.create(base(request) + "/ogc/jobs/" + job.id());
            return ResponseEntity.created(location).header("Preference-Applied", "respond-async")
                    .contentType(MediaType.APPLICATION_JSON).body(status(job, base(request)));
        }
        Object result = run.execute(caller);
        if (pdf && result instanceof SitingReport report) return pdf(report, clock.instant().toString(), caller.id());
        if (html && result instanceof SitingReport report) {
            return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                    .body(SitingReportHtml.render(report, clock.instant().toString(), caller.id()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ResultDocuments.of(result, base(request)));
    }

    @GetMapping(value = "/ogc/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> jobList(HttpServletRequest request) {
        String base = base(request);
        return Map.of("jobs", jobs.list(caller(request).id()).stream().map(j -> status(j, base)).toList(),
                "links", List.of(link(base + "/ogc/jobs", "self", "application/json", "Jobs")));
    }

    @GetMapping(value = "/ogc/jobs/{jobId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> job(@PathVariable String jobId, HttpServletRequest request) {
        return status(jobs.get(jobId, caller(request).id()).orElseThrow(() -> noSuch("no-such-job", "No job " + jobId)), base(request));
    }

    @GetMapping(value = "/ogc/jobs/{jobId}/results", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<?> results(@PathVariable String jobId, @RequestParam(value = "f", required = false) String f,
                              HttpServletRequest request) {
        Principal caller = caller(request);
        Job job = jobs.get(jobId, caller.id()).orElseThrow(() -> noSuch("no-such-job", "No job " + jobId));
        if (job.status() == Job.Status.failed) {
            throw new GeoServiceException(GeoServiceException.Kind.INVALID_PARAMETER, "job-results-failed", null, job.message());
        }
        if (job.status() != Job.Status.successful) throw noSuch("result-not-ready", "Job " + jobId + " is " + job.status());
        if ("pdf".equals(f) && job.result() instanceof SitingReport report) return pdf(report, job.finished().toString(), caller.id());
        if ("html".equals(f) && job.result() instanceof SitingReport report) {
            return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                    .body(SitingReportHtml.render(report, job.finished().toString(), caller.id()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ResultDocuments.of(job.result(), base(request)));
    }

    @DeleteMapping(value = "/ogc/jobs/{jobId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> dismiss(@PathVariable String jobId, HttpServletRequest request) {
        Job job = jobs.dismiss(jobId, caller(request).id()).orElseThrow(() -> noSuch("no-such-job", "No job " + jobId));
        return status(job, base(request));
    }

    private static ResponseEntity<byte[]> pdf(SitingReport report, String when, String user) {
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header("Content-Disposition", "inline; filename=\"siting-report.pdf\"")
                    .body(SitingReportPdf.render(report, when, user));
        } catch (java.io.IOException e) {
            throw GeoServiceException.unavailable("could not render the PDF report", e);
        }
    }

    @ExceptionHandler(GeoServiceException.class)
    ResponseEntity<Map<String, Object>> error(GeoServiceException e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
            default -> HttpStatus.BAD_REQUEST;
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", e.code() != null && e.code().contains("-") ? EXCEPTIONS + e.code() : "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", status.is5xxServerError() ? "The service is busy; try again later." : e.getMessage());
        if (e.locator() != null) body.put("parameter", e.locator());
        return ResponseEntity.status(status).contentType(PROBLEM).body(body);
    }

    /** Validated inputs, ready to run (validation happens before a job is accepted). */
    private interface Run { Object execute(Principal caller); }

    private Run prepare(String id, Map<?, ?> inputs) {
        if (id.equals("siting-check")) {
            Geometry site = site(inputs);
            String type = inputs.get("projectType") instanceof String s ? s : null;
            if (type == null) throw GeoServiceException.missing("projectType");
            if (!analysis.rules().types().containsKey(type)) {
                throw GeoServiceException.invalid("projectType", "Unknown project type " + type + "; one of " + analysis.rules().types().keySet());
            }
            return caller -> {
                SitingReport report = analysis.siting(caller, site, type);
                audit.append(AuditEvent.of(clock.instant(), caller, "PROCESS siting-check", "siting-check",
                        "type=" + type + " site=" + site.toText(), report.buildingCount(),
                        report.approved() ? "approved" : "refused: " + report.reasons().stream().filter(r -> !r.passed())
                                .map(SitingReport.Reason::rule).toList()));
                return report;
            };
        }
        String gauge = inputs.get("gauge") instanceof String s ? s : null;
        Coordinate point = null;
        if (inputs.get("point") != null) {
            Geometry p = GeoJsonGeometry.read(inputs.get("point"), "point");
            point = p.getCoordinate();
        }
        if (gauge == null && point == null) throw GeoServiceException.missing("gauge");
        Object levelInput = inputs.get("level");
        Double level;
        if (levelInput == null || "current".equals(levelInput)) level = null;
        else if (levelInput instanceof Number n) level = n.doubleValue();
        else throw GeoServiceException.invalid("level", "level must be a number of metres or \"current\"");
        Coordinate at = point;
        return caller -> {
            InundationResult r = analysis.inundation(caller, gauge, at, level);
            String layer = inundationLayers.publish(r);
            audit.append(AuditEvent.of(clock.instant(), caller, "PROCESS inundation", gauge != null ? gauge : "point",
                    "level=" + r.level() + " area_m2=" + Math.round(r.floodedAreaM2()) + " layer=" + layer, r.buildingCount(), "done"));
            return new InundationRun(r, layer);
        };
    }

    /** An inundation result and the temporary layer it was published as. */
    record InundationRun(InundationResult result, String layer) {}

    private static Geometry site(Map<?, ?> inputs) {
        Object json = inputs.get("site");
        if (json == null) throw GeoServiceException.missing("site");
        Geometry g = GeoJsonGeometry.read(json, "site");
        Crs crs = Crs.crs84();
        boolean swap = false;
        if (inputs.get("crs") instanceof String spelling) {
            CrsReference ref = Crs.decode(spelling, "crs");
            crs = ref.crs();
            swap = ref.swapsAxes();
        }
        if (swap) g = Reprojector.swapAxes(g);
        if (g.getGeometryType().equals("Point")) {
            if (!(inputs.get("radius") instanceof Number r) || r.doubleValue() <= 0 || r.doubleValue() > 5000) {
                throw GeoServiceException.invalid("radius", "a point site needs a radius between 0 and 5000 m");
            }
            g = circle(Reprojector.transform(g, crs, Crs.epsg(4550)).getCoordinate(), r.doubleValue());
            crs = Crs.epsg(4550);
        }
        if (!(g instanceof Polygonal)) throw GeoServiceException.invalid("site", "The site must be a Polygon, MultiPolygon or a Point with a radius");
        if (!g.isEmpty() && !g.isValid()) {
            throw GeoServiceException.invalid("site", "The site polygon is not valid (self-intersecting or badly nested rings)");
        }
        return crs.equals(Crs.crs84()) ? g : Reprojector.transform(g, crs, Crs.cgcs2000());
    }

    private static Geometry circle(Coordinate centre, double radius) {
        GeometricShapeFactory f = new GeometricShapeFactory();
        f.setCentre(centre);
        f.setSize(2 * radius);
        f.setNumPoints(64);
        return f.createCircle();
    }

    private static Map<String, Object> status(Job j, String base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processID", j.processId());
        m.put("type", "process");
        m.put("jobID", j.id());
        m.put("status", j.status().name());
        m.put("message", j.message());
        m.put("created", j.created().toString());
        if (j.started() != null) m.put("started", j.started().toString());
        if (j.finished() != null) m.put("finished", j.finished().toString());
        m.put("progress", j.status() == Job.Status.successful ? 100 : j.status() == Job.Status.running ? 50 : 0);
        List<Map<String, String>> links = new ArrayList<>();
        links.add(link(base + "/ogc/jobs/" + j.id(), "self", "application/json", "Status"));
        if (j.status() == Job.Status.successful) {
            links.add(link(base + "/ogc/jobs/" + j.id() + "/results", "http://www.opengis.net/def/rel/ogc/1.0/results", "application/json", "Results"));
        }
        m.put("links", links);
        return m;
    }

    static Map<String, String> link(String href, String rel, String type, String title) {
        return Map.of("href", href, "rel", rel, "type", type, "title", title);
    }

    private static GeoServiceException noSuch(String code, String message) {
        return new GeoServiceException(GeoServiceException.Kind.NOT_FOUND, code, null, message);
    }

    private static Principal caller(HttpServletRequest request) {
        return request.getAttribute(Principal.class.getName()) instanceof Principal p ? p : Principal.ANONYMOUS;
    }

    static String base(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        int i = url.indexOf("/ogc/");
        return i < 0 ? url : url.substring(0, i);
    }
}
