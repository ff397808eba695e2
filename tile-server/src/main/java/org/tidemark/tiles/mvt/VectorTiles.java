package org.tidemark.tiles.mvt;

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
 * Encodes one layer's features in one tile as a Mapbox Vector Tile 2.1 (extent 4096, {@link MvtWriter}): the query covers
 * the tile plus a buffer, geometries are simplified to the tile's pixel size (topology-preserving for
 * polygons), projected into the tile matrix set's CRS, clipped to the tile plus a 64-pixel buffer and quantized. The
 * access decision is applied here: its row filter joins the query, hidden attributes are never read or
 * written, and the spatial limit clips geometries. The feature id travels as the {@code id} property
 * (MVT ids are integers; ours are strings).
 */
public final class VectorTiles {
    public static final String MEDIA_TYPE = "application/vnd.mapbox-vector-tile";
    static final int EXTENT = 4096;
    static final int BUFFER = 64;

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
        Geometry clipBox = gf.toGeometry(clip);
        MvtWriter layer = new MvtWriter(source.type().name(), EXTENT);
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
                if (!clip.contains(projected.getEnvelopeInternal())) {
                    projected = safeIntersection(projected, clipBox);
                    if (projected == null || projected.isEmpty()) continue;
                }
                Map<String, Object> attrs = new LinkedHashMap<>();
                attrs.put("id", f.id());
                f.properties().forEach((k, v) -> {
                    if (v != null && decision.attributeVisible(k)) attrs.put(k, v);
                });
                layer.add(toTilePixels(projected, tile), attrs);
            }
        }
        if (layer.isEmpty()) return TileResult.EMPTY;
        byte[] gz = Gzip.compress(layer.tile());
        return new TileResult.Found(gz, MEDIA_TYPE, true, ContentHash.of(gz));
    }

    /** CRS units → tile pixels (0…4096, y down). */
    private static Geometry toTilePixels(Geometry g, Envelope tile) {
        double sx = EXTENT / tile.getWidth(), sy = EXTENT / tile.getHeight();
        double minX = tile.getMinX(), maxY = tile.getMaxY();
        Geometry out = g.copy();
        out.apply(new org.locationtech.jts.geom.CoordinateSequenceFilter() {
            public void filter(org.locationtech.jts.geom.CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, (seq.getX(i) - minX) * sx);
                seq.setOrdinate(i, 1, (maxY - seq.getY(i)) * sy);
            }

            public boolean isDone() { return false; }

            public boolean isGeometryChanged() { return true; }
        });
        return out;
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
            try {
                return (a instanceof Polygonal ? a.buffer(0) : a).intersection(b);
            } catch (RuntimeException again) {
                return null; // a geometry JTS cannot repair is left out of the tile
            }
        }
    }

}
