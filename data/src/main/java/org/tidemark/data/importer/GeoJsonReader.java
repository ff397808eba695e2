package org.tidemark.data.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the features of a GeoJSON FeatureCollection (RFC 7946 §3.3) one at a time with the Jackson
 * token parser: only the current feature is held as a tree, so memory stays flat for any file size.
 * Coordinates are longitude/latitude (RFC 7946 §4); a legacy {@code crs} member naming EPSG:4326, EPSG:4490
 * or CRS84 is accepted, any other CRS is rejected (reproject before import or use a shapefile with .prj).
 */
final class GeoJsonReader implements RecordReader {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(), 4490);

    private final InputStream in;
    private final JsonParser parser;
    private long row;
    private SourceRecord next;
    private boolean done;

    GeoJsonReader(Path file) {
        this(open(file));
    }

    GeoJsonReader(InputStream in) {
        this.in = in;
        try {
            this.parser = MAPPER.createParser(in);
            seekFeatures();
        } catch (JacksonException e) {
            close();
            throw new ImportException("not a readable GeoJSON FeatureCollection: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void seekFeatures() {
        if (parser.nextToken() != JsonToken.START_OBJECT) throw new ImportException("GeoJSON must start with an object");
        while (true) {
            JsonToken t = parser.nextToken();
            if (t == null || t == JsonToken.END_OBJECT) throw new ImportException("no \"features\" array: not a GeoJSON FeatureCollection");
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "features" -> {
                    if (value != JsonToken.START_ARRAY) throw new ImportException("\"features\" must be an array");
                    return;
                }
                case "type" -> {
                    if (!"FeatureCollection".equals(parser.getString())) {
                        throw new ImportException("GeoJSON type " + parser.getString() + " is not FeatureCollection");
                    }
                }
                case "crs" -> checkCrs(MAPPER.readTree(parser));
                default -> parser.skipChildren();
            }
        }
    }

    private static void checkCrs(JsonNode crs) {
        String name = crs.path("properties").path("name").asString("");
        if (name.isEmpty() || name.endsWith("CRS84") || name.matches(".*EPSG:*(4326|4490)$")) return;
        throw new ImportException("GeoJSON crs " + name + " is not supported: coordinates must be longitude/latitude "
                + "(RFC 7946); reproject to EPSG:4490 or CRS84 first");
    }

    @Override
    public boolean hasNext() {
        if (next != null) return true;
        if (done) return false;
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
                done = true;
                return false;
            }
            if (t == null) throw new ImportException("file ends after feature " + row + " (truncated?)");
            row++;
            if (t != JsonToken.START_OBJECT) {
                parser.skipChildren();
                next = SourceRecord.bad(row, "feature is not a JSON object");
                return true;
            }
            next = feature(row, MAPPER.readTree(parser));
            return true;
        } catch (JacksonException e) {
            done = true;
            throw new ImportException("row " + Math.max(row, 1) + ": malformed JSON near line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        }
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        SourceRecord r = next;
        next = null;
        return r;
    }

    static SourceRecord feature(long row, JsonNode f) {
        if (!"Feature".equals(f.path("type").asString(""))) return SourceRecord.bad(row, "type is not \"Feature\"");
        Map<String, Object> props = new LinkedHashMap<>();
        JsonNode p = f.path("properties");
        if (p.isObject()) for (Map.Entry<String, JsonNode> e : p.properties()) props.put(e.getKey(), value(e.getValue()));
        JsonNode idNode = f.get("id");
        String id = idNode == null || idNode.isNull() ? null : idNode.asString();
        JsonNode g = f.get("geometry");
        if (g == null || g.isNull()) return new SourceRecord(row, id, null, props, "feature has no geometry");
        try {
            return new SourceRecord(row, id, geometry(g), props, null);
        } catch (IllegalArgumentException e) {
            return new SourceRecord(row, id, null, props, e.getMessage());
        }
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isIntegralNumber() && v.canConvertToLong()) return v.longValue();
        if (v.isNumber()) return v.doubleValue();
        if (v.isString()) return v.stringValue();
        return v.toString();
    }

    /** Decodes an RFC 7946 §3.1 geometry object; throws IllegalArgumentException with the reason. */
    static Geometry geometry(JsonNode g) {
        String type = g.path("type").asString("");
        JsonNode c = g.get("coordinates");
        if (!type.equals("GeometryCollection") && (c == null || !c.isArray())) {
            throw new IllegalArgumentException("geometry has no coordinates array");
        }
        GeometryFactory gf = GEOMETRIES;
        return switch (type) {
            case "Point" -> gf.createPoint(coordinate(c));
            case "LineString" -> gf.createLineString(coordinates(c, 2));
            case "Polygon" -> polygon(c);
            case "MultiPoint" -> {
                Point[] pts = new Point[c.size()];
                for (int i = 0; i < pts.length; i++) pts[i] = gf.createPoint(coordinate(c.get(i)));
                yield gf.createMultiPoint(pts);
            }
            case "MultiLineString" -> {
                LineString[] ls = new LineString[c.size()];
                for (int i = 0; i < ls.length; i++) ls[i] = gf.createLineString(coordinates(c.get(i), 2));
                yield gf.createMultiLineString(ls);
            }
            case "MultiPolygon" -> {
                Polygon[] ps = new Polygon[c.size()];
                for (int i = 0; i < ps.length; i++) ps[i] = polygon(c.get(i));
                yield gf.createMultiPolygon(ps);
            }
            case "GeometryCollection" -> throw new IllegalArgumentException("GeometryCollection is not supported in a layer");
            default -> throw new IllegalArgumentException("unknown geometry type \"" + type + "\"");
        };
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) throw new IllegalArgumentException("polygon without rings");
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i));
        return GEOMETRIES.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode c) {
        Coordinate[] cs = coordinates(c, 4);
        if (!cs[0].equals2D(cs[cs.length - 1])) throw new IllegalArgumentException("polygon ring is not closed");
        return GEOMETRIES.createLinearRing(cs);
    }

    private static Coordinate[] coordinates(JsonNode c, int min) {
        if (!c.isArray() || c.size() < min) throw new IllegalArgumentException("needs at least " + min + " positions");
        Coordinate[] cs = new Coordinate[c.size()];
        for (int i = 0; i < cs.length; i++) cs[i] = coordinate(c.get(i));
        return cs;
    }

    private static Coordinate coordinate(JsonNode p) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException("position must be [longitude, latitude]: " + p);
        }
        double x = p.get(0).doubleValue();
        double y = p.get(1).doubleValue();
        if (!Double.isFinite(x) || !Double.isFinite(y)) throw new IllegalArgumentException("position is not finite: " + p);
        return new Coordinate(x, y);
    }

    @Override
    public void close() {
        try {
            if (parser != null) parser.close();
        } catch (RuntimeException ignored) {
            // closing a half-read parser may fail; the stream is closed below anyway
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing useful to do
        }
    }
}
