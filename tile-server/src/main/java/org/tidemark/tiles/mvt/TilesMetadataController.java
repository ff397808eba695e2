package org.tidemark.tiles.mvt;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.source.FeatureSource;
import org.tidemark.core.tile.TileMatrix;
import org.tidemark.core.tile.TileMatrixSet;
import org.tidemark.tiles.web.Gate;
import org.tidemark.tiles.web.TileGrids;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metadata resources of OGC API – Tiles 1.0 (OGC 20-057) for the vector tiles: the tile matrix sets
 * ({@code /ogc/tileMatrixSets[/{id}]}, encoded as in OGC 17-083r4 §7.2 JSON, origins in the CRS's axis
 * order), a collection's tilesets list ({@code /ogc/collections/{id}/tiles}, requirement class
 * "tilesets-list") and one tileset's metadata with its URI template and tile matrix limits over the
 * layer's extent (requirement class "tileset").
 */
@RestController
public class TilesMetadataController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    private static final String MVT = VectorTiles.MEDIA_TYPE;

    private final LayerCatalog catalog;
    private final AccessPolicy policy;
    private final int maxZoom;

    public TilesMetadataController(LayerCatalog catalog, AccessPolicy policy, int maxZoom) {
        this.catalog = catalog;
        this.policy = policy;
        this.maxZoom = maxZoom;
    }

    @GetMapping("/ogc/tileMatrixSets")
    public ResponseEntity<byte[]> tileMatrixSets(HttpServletRequest request) {
        String base = base(request);
        List<Map<String, Object>> sets = new ArrayList<>();
        for (TileMatrixSet s : TileMatrixSet.ALL) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("title", s.title());
            m.put("links", List.of(link("self", base + "/ogc/tileMatrixSets/" + s.id(), "application/json")));
            sets.add(m);
        }
        return json(Map.of("tileMatrixSets", sets));
    }

    @GetMapping("/ogc/tileMatrixSets/{id}")
    public ResponseEntity<byte[]> tileMatrixSet(@PathVariable String id) {
        TileMatrixSet s = TileMatrixSet.byId(id).orElseThrow(() -> GeoServiceException.notFound("tileMatrixSetId", "Unknown tile matrix set"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("title", s.title());
        if (s.firstLevel() == 0 && !s.id().equals("CGCS2000Quad")) m.put("uri", "http://www.opengis.net/def/tilematrixset/OGC/1.0/" + s.id());
        m.put("crs", s.crs());
        m.put("orderedAxes", s.geographic() ? (s.northingFirst() ? List.of("Lat", "Lon") : List.of("Lon", "Lat")) : List.of("E", "N"));
        if (s.wellKnownScaleSet() != null) m.put("wellKnownScaleSet", s.wellKnownScaleSet());
        List<Map<String, Object>> ms = new ArrayList<>();
        for (TileMatrix t : s.matrices()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("id", t.id());
            tm.put("scaleDenominator", t.scaleDenominator());
            tm.put("cellSize", t.cellSize());
            tm.put("cornerOfOrigin", "topLeft");
            tm.put("pointOfOrigin", s.northingFirst() ? List.of(t.originY(), t.originX()) : List.of(t.originX(), t.originY()));
            tm.put("tileWidth", t.tileWidth());
            tm.put("tileHeight", t.tileHeight());
            tm.put("matrixWidth", t.matrixWidth());
            tm.put("matrixHeight", t.matrixHeight());
            ms.add(tm);
        }
        m.put("tileMatrices", ms);
        return json(m);
    }

    @GetMapping("/ogc/collections/{id}/tiles")
    public ResponseEntity<byte[]> tilesets(@PathVariable String id, HttpServletRequest request) {
        FeatureSource src = visible(id, request);
        String base = base(request) + "/ogc/collections/" + id + "/tiles";
        List<Map<String, Object>> list = new ArrayList<>();
        for (TileMatrixSet s : TileMatrixSet.ALL) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("title", src.type().name() + " (" + s.id() + ")");
            t.put("dataType", "vector");
            t.put("crs", s.crs());
            t.put("tileMatrixSetId", s.id());
            t.put("links", List.of(link("self", base + "/" + s.id(), "application/json"),
                    link(TILING_SCHEME, base(request) + "/ogc/tileMatrixSets/" + s.id(), "application/json")));
            list.add(t);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("links", List.of(link("self", base, "application/json")));
        doc.put("tilesets", list);
        return json(doc);
    }

    @GetMapping("/ogc/collections/{id}/tiles/{tms}")
    public ResponseEntity<byte[]> tileset(@PathVariable String id, @PathVariable String tms, HttpServletRequest request) {
        FeatureSource src = visible(id, request);
        TileMatrixSet s = TileMatrixSet.byId(tms).orElseThrow(() -> GeoServiceException.notFound("tileMatrixSetId", "Unknown tile matrix set"));
        String base = base(request) + "/ogc/collections/" + id + "/tiles/" + s.id();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", src.type().name());
        doc.put("dataType", "vector");
        doc.put("crs", s.crs());
        doc.put("tileMatrixSetId", s.id());
        Map<String, Object> item = link("item", base + "/{tileMatrix}/{tileRow}/{tileCol}", MVT);
        item.put("templated", true);
        doc.put("links", List.of(link("self", base, "application/json"), item,
                link(TILING_SCHEME, base(request) + "/ogc/tileMatrixSets/" + s.id(), "application/json")));
        Envelope extent = src.extent();
        if (extent != null) doc.put("tileMatrixSetLimits", limits(s, extent));
        doc.put("layers", List.of(Map.of("id", src.type().name(), "dataType", "vector",
                "geometryType", src.type().geometryKind().simpleFeaturesName())));
        return json(doc);
    }

    private List<Map<String, Object>> limits(TileMatrixSet s, Envelope lonLat) {
        Envelope e = s.geographic() ? lonLat : new Envelope(TileGrids.x(lonLat.getMinX()), TileGrids.x(lonLat.getMaxX()),
                TileGrids.y(lonLat.getMinY()), TileGrids.y(lonLat.getMaxY()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (TileMatrix m : s.matrices()) {
            if (Integer.parseInt(m.id()) - s.firstLevel() > maxZoom) break;
            double w = m.tileWidth() * m.cellSize(), h = m.tileHeight() * m.cellSize();
            long minCol = clamp((long) Math.floor((e.getMinX() - m.originX()) / w), m.matrixWidth());
            long maxCol = clamp((long) Math.floor((e.getMaxX() - m.originX()) / w), m.matrixWidth());
            long minRow = clamp((long) Math.floor((m.originY() - e.getMaxY()) / h), m.matrixHeight());
            long maxRow = clamp((long) Math.floor((m.originY() - e.getMinY()) / h), m.matrixHeight());
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("tileMatrix", m.id());
            l.put("minTileRow", minRow);
            l.put("maxTileRow", maxRow);
            l.put("minTileCol", minCol);
            l.put("maxTileCol", maxCol);
            out.add(l);
        }
        return out;
    }

    private static long clamp(long v, long n) { return Math.max(0, Math.min(n - 1, v)); }

    private FeatureSource visible(String id, HttpServletRequest request) {
        if (!id.matches("[A-Za-z_][A-Za-z0-9_.-]{0,63}")) throw GeoServiceException.invalid("collectionId", "Invalid collection id");
        Gate.decide(policy, request, id);
        return catalog.source(id).orElseThrow(() -> GeoServiceException.notFound("collectionId", "No such collection: " + id));
    }

    private static Map<String, Object> link(String rel, String href, String type) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("rel", rel);
        l.put("href", href);
        l.put("type", type);
        return l;
    }

    private static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    private static ResponseEntity<byte[]> json(Object doc) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("Access-Control-Allow-Origin", "*")
                .body(JSON.writeValueAsBytes(doc));
    }
}
