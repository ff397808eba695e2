package org.tidemark.app.importer;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tidemark.app.security.PrincipalFilter;
import org.tidemark.app.store.CachedLayerCatalog;
import org.tidemark.core.access.Principal;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.data.importer.FeatureImporter;
import org.tidemark.data.importer.ImportException;
import org.tidemark.data.importer.ImportMode;
import org.tidemark.data.importer.ImportResult;
import org.tidemark.data.jdbc.JdbcDataStore;

/**
 * {@code POST /api/layers/{layer}/import} (multipart {@code file}, {@code mode} = create | replace | append):
 * a department's data steward loads GeoJSON, GeoPackage, zipped Shapefile or CSV into a layer of their
 * own department while the server runs. Replace swaps atomically; a failed import leaves the layer as it
 * was and answers 400 with the offending rows. The request is audited like every other.
 */
@RestController
class ImportController {
    private static final Logger LOG = LoggerFactory.getLogger(ImportController.class);
    private static final MediaType PROBLEM = MediaType.parseMediaType("application/problem+json");

    private final JdbcDataStore store;
    private final CachedLayerCatalog catalog;
    private final Path dataDir;

    ImportController(JdbcDataStore store, CachedLayerCatalog catalog, org.tidemark.app.config.TidemarkProperties properties) {
        this.store = store;
        this.catalog = catalog;
        this.dataDir = properties.dataDir();
    }

    /**
     * {@code POST /api/dem/import}: a GeoTIFF DEM (EPSG:4490 lon/lat, Float32, nodata over the sea) replaces
     * the county DEM. It is read fully first (a broken file changes nothing), then moved into place
     * atomically; terrain tiles and analyses use it after the next start. Planning stewards and admins only.
     */
    @PostMapping(value = "/api/dem/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> dem(@RequestParam("file") MultipartFile file, HttpServletRequest request) throws IOException {
        Principal p = PrincipalFilter.of(request);
        if (p.isAnonymous()) return problem(401, "Sign in as a data steward to import.", null);
        if (!p.hasRole("admin") && !(p.hasRole("steward") && "planning".equals(p.department()))) {
            return problem(403, "Only the planning bureau's stewards replace the DEM.", null);
        }
        Files.createDirectories(dataDir);
        Path tmp = Files.createTempFile(dataDir, "dem-upload-", ".tif");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            org.tidemark.core.coverage.GridElevationModel dem;
            try {
                dem = org.tidemark.data.raster.GeoTiffReader.read(tmp);
            } catch (IOException | RuntimeException e) {
                return problem(400, "Not a readable Float32 GeoTIFF in EPSG:4490: " + e.getMessage(), "file");
            }
            Files.move(tmp, dataDir.resolve(org.tidemark.data.demo.DemoLoader.DEM_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            var e = dem.extent();
            return ResponseEntity.ok(Map.of("width", dem.width(), "height", dem.height(), "resolutionDegrees", dem.resolution(),
                    "extent", List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()), "effective", "after the next start"));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @PostMapping(value = "/api/layers/{layer}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> upload(@PathVariable String layer, @RequestParam("file") MultipartFile file,
                                               @RequestParam(defaultValue = "create") String mode, HttpServletRequest request)
            throws IOException {
        Principal p = PrincipalFilter.of(request);
        if (p.isAnonymous()) return problem(401, "Sign in as a data steward to import.", null);
        if (!p.hasRole("steward") && !p.hasRole("admin")) return problem(403, "Only data stewards import layers.", null);
        if (!layer.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) return problem(400, "Layer names are letters, digits and _ (max 63).", "layer");
        ImportMode importMode;
        try {
            importMode = ImportMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return problem(400, "mode must be create, replace or append", "mode");
        }
        var existing = store.layers().stream().filter(l -> l.name().equals(layer)).findFirst();
        if (existing.isPresent() && !p.hasRole("admin")
                && (existing.get().department() == null || !existing.get().department().code().equals(p.department()))) {
            return problem(403, "Layer " + layer + " belongs to another department.", "layer");
        }
        String original = file.getOriginalFilename() == null ? "upload" : Path.of(file.getOriginalFilename()).getFileName().toString();
        String suffix = original.contains(".") ? original.substring(original.lastIndexOf('.')).toLowerCase(Locale.ROOT) : "";
        if (!suffix.matches("\\.(geojson|json|gpkg|zip|csv)")) {
            return problem(400, "Upload a .geojson, .json, .gpkg, .zip (Shapefile) or .csv file.", "file");
        }
        Path tmp = Files.createTempFile("tidemark-import-", suffix);
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            ImportResult r = new FeatureImporter(store, msg -> LOG.info("import {}: {}", layer, msg)).importFile(tmp, layer, importMode);
            var department = existing.map(Layer::department).orElseGet(() -> store.layers().stream()
                    .map(Layer::department).filter(d -> d != null && d.code().equals(p.department())).findFirst().orElse(null));
            if (existing.isEmpty()) store.publish(new Layer(r.type(), department, List.of(), "on demand", false, false, null));
            catalog.invalidate();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("layer", r.type().name());
            body.put("mode", importMode.name().toLowerCase(Locale.ROOT));
            body.put("geometryType", r.type().geometryKind().simpleFeaturesName());
            body.put("imported", r.imported());
            body.put("repaired", r.repaired());
            body.put("millis", r.millis());
            request.setAttribute("tidemark.count", r.imported());
            return ResponseEntity.ok(body);
        } catch (ImportException e) {
            Map<String, Object> body = problemBody(400, e.getMessage(), "file");
            body.put("rows", e.errors());
            return ResponseEntity.status(400).contentType(PROBLEM).body(body);
        } catch (GeoServiceException e) {
            return problem(e.kind() == GeoServiceException.Kind.CONFLICT ? 409 : 400, e.getMessage(), e.locator());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static ResponseEntity<Map<String, Object>> problem(int status, String detail, String parameter) {
        return ResponseEntity.status(status).contentType(PROBLEM).body(problemBody(status, detail, parameter));
    }

    private static Map<String, Object> problemBody(int status, String detail, String parameter) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("type", "about:blank");
        b.put("title", status == 401 ? "Unauthorized" : status == 403 ? "Forbidden" : status == 409 ? "Conflict" : "Bad Request");
        b.put("status", status);
        b.put("detail", detail);
        if (parameter != null) b.put("parameter", parameter);
        return b;
    }
}
