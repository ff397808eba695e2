package org.tidemark.tiles.mvt;

import com.wdtinc.mapbox_vector_tile.VectorTile;
import com.wdtinc.mapbox_vector_tile.adapt.jts.IGeometryFilter;
import com.wdtinc.mapbox_vector_tile.adapt.jts.JtsAdapter;
import com.wdtinc.mapbox_vector_tile.adapt.jts.TileGeomResult;
import com.wdtinc.mapbox_vector_tile.adapt.jts.UserDataKeyValueMapConverter;
import com.wdtinc.mapbox_vector_tile.build.MvtLayerBuild;
import com.wdtinc.mapbox_vector_tile.build.MvtLayerParams;
import com.wdtinc.mapbox_vector_tile.build.MvtLayerProps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureSource;
import org.tidemark.core.tile.TileMatrix;
import org.tidemark.core.tile.TileMatrixSet;
import org.tidemark.core.tile.TileResult;
import org.tidemark.tiles.web.ContentHash;
import org.tidemark.tiles.web.Gzip;
import org.tidemark.tiles.web.TileGrids;

/**
 * Encodes one layer's features in one tile as a Mapbox Vector Tile 2.1 (extent 4096): the query covers
 * the tile plus a buffer, geometries are simplified to the tile's pixel size (topology-preserving for
 * polygons), projected into the tile matrix set's CRS, clipped to the buffered tile and quantized. The
 * access decision is applied here: its row filter joins the query, hidden attributes are never read or
 * written, and the spatial limit clips geometries. The feature id travels as the {@code id} property
 * (MVT ids are integers; ours are strings).
 */
public final class VectorTiles {
    public static final String MEDIA_TYPE = "application/vnd.mapbox-vector-tile";
    static final int EXTENT = 4096;
    static final int BUFFER = 64;
    private static final IGeometryFilter ACCEPT_ALL = g -> true;

    private final GeometryFactory gf = new GeometryFactory();

    TileResult encode(FeatureSource source, AccessDecision decision, TileMatrixSet set, TileMatrix m, long col, long row) {
        Envelope tile = m.envelope(col, row);
        double pixel = tile.getWidth() / EXTENT;
        Envelope clip = new Envelope(tile);
        clip.expandBy(pixel * BUFFER);
        Envelope query = TileGrids.lonLat(set, clip);
        List<String> props = decision.attributes() == null ? null
                : source.type().attributeNames().stream().filter(decision::attributeVisible).toList();
        FeatureQuery q = FeatureQuery.all(source.type().name()).withFilter(decision.rowFilter()).withBbox(query)
                .withProperties(props);
        List<Geometry> geoms = new ArrayList<>();
        try (FeatureCursor cursor = source.query(q)) {
            while (cursor.hasNext()) {
                Feature f = cursor.next();
                Geometry g = f.geometry();
                if (g == null || g.isEmpty()) continue;
                if (decision.spatialLimit() != null) {
                    if (!decision.spatialLimit().intersects(g)) continue;
                    g = safeIntersection(g, decision.spatialLimit());
                    if (g == null || g.isEmpty()) continue;
                }
                Geometry projected = simplify(TileGrids.project(set, g), pixel / 2);
                if (projected.isEmpty()) continue;
                Map<String, Object> attrs = new LinkedHashMap<>();
                attrs.put("id", f.id());
                f.properties().forEach((k, v) -> {
                    if (v != null && decision.attributeVisible(k)) attrs.put(k, mvtValue(v));
                });
                projected.setUserData(attrs);
                geoms.add(projected);
            }
        }
        if (geoms.isEmpty()) return TileResult.EMPTY;
        MvtLayerParams params = new MvtLayerParams(256, EXTENT);
        TileGeomResult tg;
        try {
            tg = JtsAdapter.createTileGeom(geoms, tile, clip, gf, params, ACCEPT_ALL);
        } catch (RuntimeException e) {
            List<Geometry> repaired = new ArrayList<>();
            for (Geometry g : geoms) {
                Geometry r = g instanceof Polygonal ? g.buffer(0) : g;
                r.setUserData(g.getUserData());
                repaired.add(r);
            }
            tg = JtsAdapter.createTileGeom(repaired, tile, clip, gf, params, ACCEPT_ALL);
        }
        if (tg.mvtGeoms.isEmpty()) return TileResult.EMPTY;
        MvtLayerProps layerProps = new MvtLayerProps();
        List<VectorTile.Tile.Feature> features = JtsAdapter.toFeatures(tg.mvtGeoms, layerProps,
                new UserDataKeyValueMapConverter());
        if (features.isEmpty()) return TileResult.EMPTY;
        VectorTile.Tile.Layer.Builder layer = MvtLayerBuild.newLayerBuilder(source.type().name(), params);
        layer.addAllFeatures(features);
        MvtLayerBuild.writeProps(layer, layerProps);
        byte[] raw = VectorTile.Tile.newBuilder().addLayers(layer.build()).build().toByteArray();
        byte[] gz = Gzip.compress(raw);
        return new TileResult.Found(gz, MEDIA_TYPE, true, ContentHash.of(gz));
    }

    private static Geometry simplify(Geometry g, double tolerance) {
        if (g instanceof Puntal) return g;
        if (g instanceof Polygonal) return TopologyPreservingSimplifier.simplify(g, tolerance);
        return DouglasPeuckerSimplifier.simplify(g, tolerance);
    }

    private static Geometry safeIntersection(Geometry a, Geometry b) {
        try {
            return a.intersection(b);
        } catch (RuntimeException e) {
            return a.buffer(0).intersection(b.buffer(0));
        }
    }

    /** MVT values are string, float/double, int, bool: everything else is written as text. */
    private static Object mvtValue(Object v) {
        if (v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof Float || v instanceof Double) return v;
        if (v instanceof Number n) return n.doubleValue();
        return v.toString();
    }
}
