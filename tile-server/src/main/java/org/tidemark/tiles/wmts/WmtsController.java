package org.tidemark.tiles.wmts;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.tile.TileMatrixSet;
import org.tidemark.tiles.imagery.ImageryTiles;
import org.tidemark.tiles.web.Gate;
import org.tidemark.tiles.web.TileResponses;

/**
 * WMTS 1.0.0 (OGC 07-057r7) KVP binding at {@code /wmts}: GetCapabilities (§7.1) and GetTile (§7.2),
 * parameter names case-insensitive (OGC 06-121r9 §11.5.2), plus the RESTful capabilities document at
 * {@code /wmts/1.0.0/WMTSCapabilities.xml}; RESTful tiles are served by the imagery endpoint. Errors are OWS
 * 1.1 ExceptionReports with the status codes of WMTS 1.0.0 table 28 (TileOutOfRange and invalid values
 * 400, unknown operations 501).
 */
@RestController
public class WmtsController {
    private static final Logger LOG = LoggerFactory.getLogger(WmtsController.class);
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final ImageryTiles tiles;
    private final Duration maxAge;

    public WmtsController(ImageryTiles tiles, Duration maxAge) {
        this.tiles = tiles;
        this.maxAge = maxAge;
    }

    @GetMapping("/wmts/1.0.0/WMTSCapabilities.xml")
    public ResponseEntity<byte[]> restCapabilities(HttpServletRequest request) {
        return capabilities(request);
    }

    @GetMapping("/wmts")
    public ResponseEntity<byte[]> kvp(@RequestParam MultiValueMap<String, String> raw, HttpServletRequest request) {
        Map<String, String> p = new HashMap<>();
        raw.forEach((k, v) -> p.put(k.toUpperCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
        String service = p.get("SERVICE");
        if (service == null) throw GeoServiceException.missing("service");
        if (!service.equalsIgnoreCase("WMTS")) throw GeoServiceException.invalid("service", "SERVICE must be WMTS");
        String req = p.get("REQUEST");
        if (req == null) throw GeoServiceException.missing("request");
        if (req.equalsIgnoreCase("GetCapabilities")) return capabilities(request);
        if (!req.equalsIgnoreCase("GetTile")) throw GeoServiceException.notSupported("request", "Unsupported request " + req);
        String version = required(p, "VERSION");
        if (!version.equals("1.0.0")) throw GeoServiceException.invalid("version", "Only version 1.0.0 is supported");
        String layer = required(p, "LAYER");
        required(p, "STYLE");
        String format = switch (required(p, "FORMAT").toLowerCase(Locale.ROOT)) {
            case "image/png" -> "png";
            case "image/jpeg", "image/jpg" -> "jpg";
            default -> throw GeoServiceException.invalid("format", "Unsupported format");
        };
        String set = required(p, "TILEMATRIXSET");
        if (TileMatrixSet.byId(set).isEmpty()) throw GeoServiceException.invalid("tileMatrixSet", "Unknown tile matrix set");
        int z = integer(p, "TILEMATRIX");
        long row = integer(p, "TILEROW");
        long col = integer(p, "TILECOL");
        try {
            return TileResponses.of(tiles.tile(layer, set, z, col, row, format, request), request, maxAge, null, layer);
        } catch (GeoServiceException e) {
            if (e.kind() == GeoServiceException.Kind.NOT_FOUND) throw GeoServiceException.invalid("layer", e.getMessage());
            throw e;
        }
    }

    /**
     * Answers a WMTS KVP request outside Spring MVC's dispatch (for a shared {@code /ows?SERVICE=WMTS}
     * endpoint): same behaviour and error reports as {@code /wmts}.
     */
    public void handle(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, List.of(v)));
        ResponseEntity<byte[]> r;
        try {
            r = kvp(params, request);
        } catch (GeoServiceException e) {
            r = error(e);
        } catch (RuntimeException e) {
            r = unexpected(e);
        }
        response.setStatus(r.getStatusCode().value());
        r.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        if (r.getBody() != null && !"HEAD".equals(request.getMethod())) response.getOutputStream().write(r.getBody());
    }

    private ResponseEntity<byte[]> capabilities(HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        List<String[]> sets = tiles.tilesets(Gate.principal(request));
        byte[] xml = CapabilitiesWriter.write(base, sets, tiles.extent(), tiles.maxZoom());
        return ResponseEntity.ok().contentType(XML).header("Access-Control-Allow-Origin", "*").body(xml);
    }

    private static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isBlank()) throw GeoServiceException.missing(name.toLowerCase(Locale.ROOT));
        return v.trim();
    }

    private static int integer(Map<String, String> p, String name) {
        String v = required(p, name);
        try {
            int i = Integer.parseInt(v);
            if (i < 0) throw new NumberFormatException();
            return i;
        } catch (NumberFormatException e) {
            throw GeoServiceException.invalid(name.toLowerCase(Locale.ROOT), name + " must be a non-negative integer");
        }
    }

    @ExceptionHandler(GeoServiceException.class)
    ResponseEntity<byte[]> error(GeoServiceException e) {
        String code = e.code();
        HttpStatus status = HttpStatus.BAD_REQUEST;
        String locator = e.locator();
        if (e.kind() == GeoServiceException.Kind.NOT_SUPPORTED) status = HttpStatus.NOT_IMPLEMENTED;
        else if (e.kind() == GeoServiceException.Kind.NOT_FOUND) status = HttpStatus.NOT_FOUND;
        else if (e.kind() == GeoServiceException.Kind.FORBIDDEN) status = HttpStatus.FORBIDDEN;
        if (locator != null && (locator.startsWith("tileRow") || locator.startsWith("tileMatrix") && !locator.equals("tileMatrixSet"))) {
            code = e.kind() == GeoServiceException.Kind.INVALID_PARAMETER ? "TileOutOfRange" : code;
        }
        return report(status, code, locator, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e) {
        String id = UUID.randomUUID().toString();
        LOG.error("WMTS request failed [{}]", id, e);
        return report(HttpStatus.INTERNAL_SERVER_ERROR, "NoApplicableCode", null, "Internal error, reference " + id);
    }

    private static ResponseEntity<byte[]> report(HttpStatus status, String code, String locator, String text) {
        return ResponseEntity.status(status).contentType(XML).header("Access-Control-Allow-Origin", "*")
                .body(CapabilitiesWriter.exceptionReport(code, locator, text));
    }
}
