package org.tidemark.layers.wfs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidemark.core.access.Principal;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.layers.gml.GmlVersion;
import org.tidemark.layers.ows.ExceptionReportWriter;
import org.tidemark.layers.ows.KvpParams;
import org.tidemark.layers.ows.OwsException;
import org.tidemark.layers.ows.OwsService;
import org.tidemark.layers.web.BaseUrls;
import org.tidemark.layers.web.Callers;
import org.tidemark.layers.web.FeatureServiceSettings;
import org.tidemark.layers.web.GatedCatalog;
import org.tidemark.layers.web.GatedLayer;

/**
 * The Web Feature Service (ISO 19142 / OGC 09-025r2 version 2.0.0, and OGC 04-094r1 version 1.1.0): decodes
 * KVP (§7.6.2 / Annex) and XML requests, negotiates the version, runs the operation against the caller's
 * view of the catalog and writes errors as OWS exception reports (OWS 1.1 for 2.0, OWS 1.0 for 1.1).
 * Reachable at {@code /wfs} and through {@code /ows?SERVICE=WFS}.
 */
public final class WfsService implements OwsService {
    /**
     * The writers' buffer in front of the servlet stream. Jackson and StAX buffer their own output, and
     * Tomcat buffers the response and sends in 64 KB pieces, so this only gathers the writers' small writes:
     * 8 KB, not more, since every GetFeature allocates one (32 KB was a third of a small page's garbage).
     */
    private static final int SINK_BUFFER = 8 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(WfsService.class);
    private static final Set<String> UNSUPPORTED = Set.of("Transaction", "LockFeature", "GetFeatureWithLock",
            "CreateStoredQuery", "DropStoredQuery", "GetGmlObject");

    private final GatedCatalog catalog;
    private final FeatureServiceSettings settings;
    private final QueryPlanner planner;
    private final TransactionHandler transactions;
    private final QueryAdmission admission;

    public WfsService(GatedCatalog catalog, FeatureServiceSettings settings) {
        this(catalog, settings, new QueryAdmission(QueryAdmission.DEFAULT_PERMITS));
    }

    public WfsService(GatedCatalog catalog, FeatureServiceSettings settings, QueryAdmission admission) {
        this.catalog = catalog;
        this.settings = settings;
        this.admission = admission;
        this.planner = new QueryPlanner(catalog);
        this.transactions = new TransactionHandler(catalog);
    }

    @Override
    public String service() { return "WFS"; }

    @Override
    public String postNamespace() { return WfsVersion.V200.namespace; }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, byte[] body) throws IOException {
        WfsVersion errorVersion = WfsVersion.V200;
        try {
            WfsCall call;
            if (body == null) {
                KvpParams p = KvpParams.of(request.getParameterMap());
                WfsVersion v = WfsVersion.parse(p.get("VERSION"));
                if (v != null) errorVersion = v;
                call = decodeKvp(p);
            } else {
                org.w3c.dom.Element root = org.tidemark.layers.ows.SafeXml.parse(body, "request").getDocumentElement();
                if ("Transaction".equals(root.getLocalName()) && WfsVersion.V200.namespace.equals(root.getNamespaceURI())) {
                    WfsContext ctx = new WfsContext(settings, BaseUrls.of(request, settings), Callers.of(request));
                    transactions.execute(root, ctx, response);
                    return;
                }
                call = WfsXmlParser.parse(root);
            }
            if (call.version() != null) errorVersion = call.version();
            WfsContext ctx = new WfsContext(settings, BaseUrls.of(request, settings), Callers.of(request));
            execute(call, ctx, request, response);
        } catch (GeoServiceException e) {
            if (e.kind() == GeoServiceException.Kind.UNAVAILABLE) LOG.warn("WFS source unavailable: {}", e.getMessage(), e);
            ExceptionReportWriter.write(response, e, errorVersion.owsNamespace, errorVersion.exceptionVersion, settings.schemaBaseUrl());
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString();
            LOG.error("WFS request failed [{}]", id, e);
            ExceptionReportWriter.writeInternal(response, id, errorVersion.owsNamespace, errorVersion.exceptionVersion, settings.schemaBaseUrl());
        }
    }

    private static WfsCall decodeKvp(KvpParams p) {
        String service = p.get("SERVICE");
        if (service == null) throw GeoServiceException.missing("service");
        if (!"WFS".equalsIgnoreCase(service)) throw GeoServiceException.invalid("service", "Unknown service: " + service);
        String request = p.require("REQUEST");
        if (request.equalsIgnoreCase("GetCapabilities")) {
            List<String> versions = new ArrayList<>();
            String accept = p.get("ACCEPTVERSIONS");
            if (accept != null) versions.addAll(Arrays.stream(accept.split(",")).map(String::trim).toList());
            else if (p.get("VERSION") != null) versions.add(p.get("VERSION"));
            Set<String> sections = new LinkedHashSet<>();
            if (p.get("SECTIONS") != null) sections.addAll(Arrays.stream(p.get("SECTIONS").split(",")).map(String::trim).toList());
            return new WfsCall("GetCapabilities", null, versions, sections, null, null, null, null);
        }
        String versionText = p.get("VERSION");
        if (versionText == null) throw GeoServiceException.missing("version");
        WfsVersion version = WfsVersion.parse(versionText);
        if (version == null) throw GeoServiceException.invalid("version", "Unsupported version: " + versionText);
        String op = canonical(request);
        return switch (op) {
            case "DescribeFeatureType" -> new WfsCall(op, version, null, null,
                    p.get("TYPENAMES", "TYPENAME") == null ? List.of() : WfsKvpParser.split(p.get("TYPENAMES", "TYPENAME")),
                    p.get("OUTPUTFORMAT"), null, null);
            case "GetFeature" -> new WfsCall(op, version, null, null, null, null, WfsKvpParser.parse(p, version, false), null);
            case "GetPropertyValue" -> new WfsCall(op, version, null, null, null, null, WfsKvpParser.parse(p, version, true), null);
            case "DescribeStoredQueries" -> new WfsCall(op, version, null, null, null, null, null,
                    p.get("STOREDQUERY_ID") == null ? List.of() : WfsKvpParser.split(p.get("STOREDQUERY_ID")));
            default -> new WfsCall(op, version, null, null, null, null, null, null);
        };
    }

    private static String canonical(String request) {
        for (String op : List.of("DescribeFeatureType", "GetFeature", "GetPropertyValue", "ListStoredQueries",
                "DescribeStoredQueries", "Transaction", "LockFeature", "GetFeatureWithLock", "CreateStoredQuery",
                "DropStoredQuery", "GetGmlObject")) {
            if (op.equalsIgnoreCase(request)) return op;
        }
        return request;
    }

    private void execute(WfsCall call, WfsContext ctx, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = ctx.principal();
        Locale locale = request.getLocale();
        switch (call.request()) {
            case "GetCapabilities" -> {
                WfsVersion v = negotiate(call.acceptVersions());
                List<GatedLayer> layers = catalog.visible(principal);
                response.setContentType("application/xml;charset=UTF-8");
                try (OutputStream out = buffered(response)) {
                    if (v == WfsVersion.V110) Capabilities11Writer.write(out, ctx, layers, locale);
                    else Capabilities20Writer.write(out, ctx, layers, call.sections(), locale);
                }
            }
            case "DescribeFeatureType" -> {
                GmlVersion gml = schemaFormat(call.outputFormat(), call.version());
                List<GatedLayer> layers = new ArrayList<>();
                if (call.typeNames().isEmpty()) layers.addAll(catalog.visible(principal));
                for (String name : call.typeNames()) {
                    layers.add(catalog.find(principal, QueryPlanner.localName(name))
                            .orElseThrow(() -> GeoServiceException.invalid("typeName", "Unknown feature type: " + name)));
                }
                response.setContentType((gml == GmlVersion.GML32 ? "application/gml+xml; version=3.2" : "text/xml; subtype=gml/3.1.1") + ";charset=UTF-8");
                try (OutputStream out = buffered(response)) {
                    SchemaWriter.write(out, ctx, layers, gml);
                }
            }
            case "GetFeature", "GetPropertyValue" -> getFeature(call.getFeature(), ctx, response);
            case "ListStoredQueries" -> {
                response.setContentType("application/xml;charset=UTF-8");
                try (OutputStream out = buffered(response)) {
                    StoredQueriesWriter.list(out, ctx, catalog.visible(principal));
                }
            }
            case "DescribeStoredQueries" -> {
                List<GatedLayer> layers = catalog.visible(principal);
                List<String> ids = call.storedQueryIds().isEmpty() ? List.of(WfsKvpParser.GET_FEATURE_BY_ID) : call.storedQueryIds();
                for (String id : ids) {
                    if (!WfsKvpParser.GET_FEATURE_BY_ID.equals(id)) throw GeoServiceException.invalid("STOREDQUERY_ID", "Unknown stored query: " + id);
                }
                response.setContentType("application/xml;charset=UTF-8");
                try (OutputStream out = buffered(response)) {
                    StoredQueriesWriter.describe(out, ctx, layers, ids);
                }
            }
            default -> {
                if (UNSUPPORTED.contains(call.request())) {
                    throw GeoServiceException.notSupported(call.request(), call.request() + " is not supported by this server");
                }
                throw GeoServiceException.notSupported("request", "Unknown operation: " + call.request());
            }
        }
    }

    private void getFeature(GetFeatureRequest r, WfsContext ctx, HttpServletResponse response) throws IOException {
        if (r.valueReference() != null && r.version() != WfsVersion.V200) {
            throw GeoServiceException.notSupported("GetPropertyValue", "GetPropertyValue is a WFS 2.0 operation");
        }
        List<PlannedQuery> queries = planner.plan(r, ctx.principal());
        if (queries.isEmpty()) throw GeoServiceException.invalid("typeNames", "No feature type to query");
        OutputStream raw = response.getOutputStream();
        FeatureSink sink;
        if (r.valueReference() != null) {
            response.setContentType("application/xml;charset=UTF-8");
            sink = new ValueCollectionSink(new BufferedOutputStream(raw, SINK_BUFFER), ctx, r.valueReference(), r.hits());
        } else {
            response.setContentType(r.format().isGml() ? r.format().mime + ";charset=UTF-8"
                    : r.format() == OutputFormat.CSV ? "text/csv;charset=UTF-8" : "application/json");
            if (r.format() == OutputFormat.CSV) response.setHeader("Content-Disposition", "attachment; filename=\"features.csv\"");
            sink = switch (r.format()) {
                case GML32, GML311 -> new GmlCollectionSink(new BufferedOutputStream(raw, SINK_BUFFER), r.version(), r.format().gml(), ctx, r.byId(), r.hits());
                case GEOJSON -> new GeoJsonSink(new BufferedOutputStream(raw, SINK_BUFFER), r.hits(), r.byId());
                case CSV -> new CsvSink(new BufferedOutputStream(raw, SINK_BUFFER));
            };
        }
        admission.run(() -> GetFeatureExecutor.run(queries, r, sink, ctx));
    }

    private static WfsVersion negotiate(List<String> accepted) {
        if (accepted.isEmpty()) return WfsVersion.V200;
        for (String v : accepted) {
            WfsVersion parsed = WfsVersion.parse(v);
            if (parsed != null) return parsed;
        }
        throw OwsException.versionNegotiationFailed("None of the versions " + accepted + " is supported (2.0.0, 1.1.0)");
    }

    private static GmlVersion schemaFormat(String format, WfsVersion version) {
        if (format == null) return version == WfsVersion.V110 ? GmlVersion.GML311 : GmlVersion.GML32;
        String f = format.toLowerCase(Locale.ROOT).replace(" ", "");
        if (f.contains("3.2") || f.equals("application/gml+xml")) return GmlVersion.GML32;
        if (f.contains("3.1.1") || f.equals("xmlschema") || f.equals("text/xml")) return version == WfsVersion.V200 && f.equals("text/xml") ? GmlVersion.GML32 : GmlVersion.GML311;
        throw GeoServiceException.invalid("outputFormat", "Unsupported schema format: " + format);
    }

    private static OutputStream buffered(HttpServletResponse response) throws IOException {
        return new BufferedOutputStream(response.getOutputStream(), 32 * 1024);
    }
}
