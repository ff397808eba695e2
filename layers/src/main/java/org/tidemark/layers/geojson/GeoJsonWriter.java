package org.tidemark.layers.geojson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.tidemark.core.feature.Feature;
import tools.jackson.core.JsonGenerator;

/**
 * Streams features and geometries as GeoJSON (RFC 7946) with a Jackson generator. Coordinates are written
 * east/north (longitude first) in whatever CRS the caller already reprojected to; RFC 7946 §3.1.1 puts
 * longitude first, and OGC API – Features Part 2 keeps easting first for projected CRSs as well unless the
 * CRS says otherwise — callers pass {@code swap} for the latter case.
 */
public final class GeoJsonWriter {
    private GeoJsonWriter() {}

    /**
     * Writes one Feature object.
     *
     * @param id          the published id
     * @param properties  the attribute names to write, in order
     * @param geometry    the geometry in the output CRS (east/north), or null
     * @param writeGeometry whether to write the geometry member at all
     */
    public static void writeFeature(JsonGenerator g, String id, Feature f, List<String> properties, Geometry geometry,
                                    boolean writeGeometry, boolean swap) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeStringProperty("id", id);
        if (writeGeometry) {
            g.writeName("geometry");
            if (geometry == null) g.writeNull();
            else writeGeometry(g, geometry, swap);
        } else {
            g.writeNullProperty("geometry");
        }
        g.writeObjectPropertyStart("properties");
        for (String p : properties) {
            g.writeName(p);
            writeValue(g, f.get(p));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    public static void writeValue(JsonGenerator g, Object v) {
        switch (v) {
            case null -> g.writeNull();
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Double d -> { if (Double.isFinite(d)) g.writeNumber(d); else g.writeNull(); }
            case Float fl -> g.writeNumber(fl);
            case java.math.BigDecimal b -> g.writeNumber(b);
            case Number n -> g.writeNumber(n.doubleValue());
            case Boolean b -> g.writeBoolean(b);
            case Instant t -> g.writeString(t.toString());
            case LocalDate d -> g.writeString(d.toString());
            default -> g.writeString(v.toString());
        }
    }

    public static void writeGeometry(JsonGenerator g, Geometry geom, boolean swap) {
        g.writeStartObject();
        switch (geom) {
            case Point p -> {
                g.writeStringProperty("type", "Point");
                g.writeName("coordinates");
                if (p.isEmpty()) { g.writeStartArray(); g.writeEndArray(); }
                else position(g, p.getCoordinateSequence(), 0, swap);
            }
            case LineString l -> {
                g.writeStringProperty("type", "LineString");
                g.writeName("coordinates");
                positions(g, l.getCoordinateSequence(), swap);
            }
            case Polygon p -> {
                g.writeStringProperty("type", "Polygon");
                g.writeName("coordinates");
                rings(g, p, swap);
            }
            case MultiPoint mp -> {
                g.writeStringProperty("type", "MultiPoint");
                g.writeArrayPropertyStart("coordinates");
                for (int i = 0; i < mp.getNumGeometries(); i++) position(g, ((Point) mp.getGeometryN(i)).getCoordinateSequence(), 0, swap);
                g.writeEndArray();
            }
            case MultiLineString ml -> {
                g.writeStringProperty("type", "MultiLineString");
                g.writeArrayPropertyStart("coordinates");
                for (int i = 0; i < ml.getNumGeometries(); i++) positions(g, ((LineString) ml.getGeometryN(i)).getCoordinateSequence(), swap);
                g.writeEndArray();
            }
            case MultiPolygon mp -> {
                g.writeStringProperty("type", "MultiPolygon");
                g.writeArrayPropertyStart("coordinates");
                for (int i = 0; i < mp.getNumGeometries(); i++) rings(g, (Polygon) mp.getGeometryN(i), swap);
                g.writeEndArray();
            }
            case GeometryCollection gc -> {
                g.writeStringProperty("type", "GeometryCollection");
                g.writeArrayPropertyStart("geometries");
                for (int i = 0; i < gc.getNumGeometries(); i++) writeGeometry(g, gc.getGeometryN(i), swap);
                g.writeEndArray();
            }
            default -> throw new IllegalArgumentException("Unsupported geometry " + geom.getGeometryType());
        }
        g.writeEndObject();
    }

    private static void rings(JsonGenerator g, Polygon p, boolean swap) {
        g.writeStartArray();
        positions(g, p.getExteriorRing().getCoordinateSequence(), swap);
        for (int i = 0; i < p.getNumInteriorRing(); i++) positions(g, p.getInteriorRingN(i).getCoordinateSequence(), swap);
        g.writeEndArray();
    }

    private static void positions(JsonGenerator g, CoordinateSequence seq, boolean swap) {
        g.writeStartArray();
        for (int i = 0; i < seq.size(); i++) position(g, seq, i, swap);
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, CoordinateSequence seq, int i, boolean swap) {
        g.writeStartArray();
        double x = seq.getX(i);
        double y = seq.getY(i);
        g.writeNumber(swap ? y : x);
        g.writeNumber(swap ? x : y);
        double z = seq.getZ(i);
        if (seq.getDimension() > 2 && !Double.isNaN(z)) g.writeNumber(z);
        g.writeEndArray();
    }
}
