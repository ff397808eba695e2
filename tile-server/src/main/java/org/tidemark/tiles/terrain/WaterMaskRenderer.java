package org.tidemark.tiles.terrain;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureSource;

/**
 * The quantized-mesh {@code watermask} extension (id 2) from the coastline's land polygons: 255 = water,
 * 0 = land, antialiased edges in between; rows run north to south, columns west to east. A single byte
 * when the tile is uniformly land or water. Only the DEM and land layer's area is known to have sea; outside it
 * the tile counts as land, so the rest of the world is not painted as ocean.
 */
final class WaterMaskRenderer {
    static final int SIZE = 256;
    private static final byte[] ALL_LAND = {0};
    private static final byte[] ALL_WATER = {(byte) 255};

    private final FeatureSource land;
    private final Envelope known;
    private final GeometryFactory gf = new GeometryFactory();

    /**
     * @param land  the land polygon layer, or null when there is none (every tile is then land)
     * @param known the area whose coastline the layer describes (the DEM and land extent): water there
     *              unless covered by land
     */
    WaterMaskRenderer(FeatureSource land, Envelope known) {
        this.land = land;
        this.known = known;
    }

    boolean available() { return land != null; }

    byte[] render(Envelope tile) {
        if (land == null) return ALL_LAND.clone();
        if (known == null || !known.intersects(tile)) return ALL_LAND.clone();
        Geometry tileRect = gf.toGeometry(tile);
        BufferedImage img = null;
        Graphics2D g = null;
        boolean anyLand = false;
        try (FeatureCursor cursor = land.query(FeatureQuery.all(land.type().name()).withBbox(tile))) {
            while (cursor.hasNext()) {
                Feature f = cursor.next();
                Geometry geom = f.geometry();
                if (geom == null || !geom.getEnvelopeInternal().intersects(tile)) continue;
                if (!anyLand && known.contains(tile) && geom.covers(tileRect)) return ALL_LAND.clone();
                if (g == null) {
                    img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
                    g = start(img, tile, known);
                }
                anyLand = true;
                g.fill(toShape(geom));
            }
        } finally {
            if (g != null) g.dispose();
        }
        if (img == null) return known.contains(tile) ? ALL_WATER.clone() : renderSeaOnly(tile, known);
        return uniformOr(((DataBufferByte) img.getRaster().getDataBuffer()).getData());
    }

    private byte[] renderSeaOnly(Envelope tile, Envelope known) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        start(img, tile, known).dispose();
        return uniformOr(((DataBufferByte) img.getRaster().getDataBuffer()).getData());
    }

    /** Land everywhere, then water over the known extent; land polygons are painted after. */
    private Graphics2D start(BufferedImage img, Envelope tile, Envelope known) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, SIZE, SIZE);
        AffineTransform t = new AffineTransform();
        t.scale(SIZE / tile.getWidth(), -SIZE / tile.getHeight());
        t.translate(-tile.getMinX(), -tile.getMaxY());
        g.setTransform(t);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(known.getMinX(), known.getMinY(), known.getWidth(), known.getHeight()));
        g.setColor(Color.BLACK);
        return g;
    }

    private static byte[] uniformOr(byte[] data) {
        byte first = data[0];
        for (byte b : data) if (b != first) return data.clone();
        return new byte[] {first};
    }

    private static Path2D toShape(Geometry geom) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < geom.getNumGeometries(); i++) {
            if (geom.getGeometryN(i) instanceof Polygon p) {
                ring(path, p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) ring(path, p.getInteriorRingN(h));
            }
        }
        return path;
    }

    private static void ring(Path2D.Double path, LineString ring) {
        Coordinate[] cs = ring.getCoordinates();
        if (cs.length == 0) return;
        path.moveTo(cs[0].x, cs[0].y);
        for (int i = 1; i < cs.length; i++) path.lineTo(cs[i].x, cs[i].y);
        path.closePath();
    }
}
