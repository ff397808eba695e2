package org.tidemark.tiles.mvt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Encodes one layer of a Mapbox Vector Tile 2.1 (vector_tile.proto; geometry encoding §4.3): protobuf by
 * hand, command integers {@code (id & 7) | (count << 3)} with zig-zag delta parameters, polygon exterior
 * rings with positive and holes with negative area in tile coordinates (y down, §4.3.4.4), rings closed
 * with ClosePath instead of a repeated point, keys and values de-duplicated per layer. Input geometries
 * are already clipped and in tile pixel units (0…extent, y down).
 */
final class MvtWriter {
    private static final int POINT = 1, LINESTRING = 2, POLYGON = 3;

    private final String name;
    private final int extent;
    private final ByteArrayOutputStream features = new ByteArrayOutputStream();
    private final Map<String, Integer> keys = new LinkedHashMap<>();
    private final Map<Object, Integer> values = new LinkedHashMap<>();
    private int count;

    MvtWriter(String name, int extent) {
        this.name = name;
        this.extent = extent;
    }

    boolean isEmpty() { return count == 0; }

    /** Adds a feature; returns false when nothing of its geometry survives quantization. */
    boolean add(Geometry g, Map<String, Object> attributes) {
        int[] type = new int[1];
        List<Integer> geom = encode(g, type);
        if (geom.isEmpty()) return false;
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        List<Integer> tags = new ArrayList<>();
        for (Map.Entry<String, Object> a : attributes.entrySet()) {
            if (a.getValue() == null) continue;
            tags.add(keys.computeIfAbsent(a.getKey(), k -> keys.size()));
            tags.add(values.computeIfAbsent(normalise(a.getValue()), v -> values.size()));
        }
        packed(f, 2, tags);
        tag(f, 3, 0);
        varint(f, type[0]);
        packed(f, 4, geom);
        bytes(features, 2, f.toByteArray());
        count++;
        return true;
    }

    /** The encoded {@code Tile} message holding this one layer. */
    byte[] tile() {
        ByteArrayOutputStream layer = new ByteArrayOutputStream();
        tag(layer, 15, 0);
        varint(layer, 2);
        bytes(layer, 1, name.getBytes(StandardCharsets.UTF_8));
        layer.writeBytes(features.toByteArray());
        for (String k : keys.keySet()) bytes(layer, 3, k.getBytes(StandardCharsets.UTF_8));
        for (Object v : values.keySet()) bytes(layer, 4, value(v));
        tag(layer, 5, 0);
        varint(layer, extent);
        ByteArrayOutputStream tile = new ByteArrayOutputStream();
        bytes(tile, 3, layer.toByteArray());
        return tile.toByteArray();
    }

    private static Object normalise(Object v) {
        if (v instanceof Integer i) return i.longValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double) return v;
        if (v instanceof Number n) return n.doubleValue();
        return v.toString();
    }

    private static byte[] value(Object v) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        switch (v) {
            case String s -> bytes(b, 1, s.getBytes(StandardCharsets.UTF_8));
            case Double d -> {
                tag(b, 3, 1);
                long bits = Double.doubleToLongBits(d);
                for (int i = 0; i < 8; i++) b.write((int) (bits >>> (8 * i)) & 0xff);
            }
            case Long l -> {
                tag(b, 6, 0);
                varint(b, (l << 1) ^ (l >> 63));
            }
            case Boolean bool -> {
                tag(b, 7, 0);
                varint(b, bool ? 1 : 0);
            }
            default -> bytes(b, 1, v.toString().getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    // --- geometry -----------------------------------------------------------------------------------

    private final int[] cursor = new int[2];

    private List<Integer> encode(Geometry g, int[] type) {
        cursor[0] = 0;
        cursor[1] = 0;
        List<Integer> out = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        List<LineString> lines = new ArrayList<>();
        List<Polygon> polygons = new ArrayList<>();
        collect(g, points, lines, polygons);
        if (!polygons.isEmpty()) {
            type[0] = POLYGON;
            for (Polygon p : polygons) {
                List<int[]> shell = ring(p.getExteriorRing().getCoordinates());
                if (shell == null) continue;
                writeRing(out, shell, true);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    List<int[]> hole = ring(p.getInteriorRingN(h).getCoordinates());
                    if (hole != null) writeRing(out, hole, false);
                }
            }
        } else if (!lines.isEmpty()) {
            type[0] = LINESTRING;
            for (LineString l : lines) {
                List<int[]> pts = dedupe(l.getCoordinates());
                if (pts.size() < 2) continue;
                moveTo(out, pts.get(0));
                command(out, 2, pts.size() - 1);
                for (int i = 1; i < pts.size(); i++) delta(out, pts.get(i));
            }
        } else if (!points.isEmpty()) {
            type[0] = POINT;
            List<int[]> pts = new ArrayList<>();
            for (Point p : points) pts.add(new int[] {(int) Math.round(p.getX()), (int) Math.round(p.getY())});
            command(out, 1, pts.size());
            for (int[] p : pts) delta(out, p);
        }
        return out;
    }

    private static void collect(Geometry g, List<Point> pts, List<LineString> lines, List<Polygon> polys) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry c = g.getGeometryN(i);
            if (c.isEmpty()) continue;
            switch (c) {
                case Point p -> pts.add(p);
                case LineString l -> lines.add(l);
                case Polygon p -> polys.add(p);
                default -> collect(c, pts, lines, polys);
            }
        }
    }

    /** Rounded ring without the closing point; null when degenerate (under 3 points or no area). */
    private static List<int[]> ring(Coordinate[] cs) {
        List<int[]> pts = dedupe(cs);
        if (pts.size() > 1 && same(pts.get(0), pts.get(pts.size() - 1))) pts.remove(pts.size() - 1);
        if (pts.size() < 3 || signedArea(pts) == 0) return null;
        return pts;
    }

    private void writeRing(List<Integer> out, List<int[]> pts, boolean exterior) {
        // Exterior rings must have positive area with y down (clockwise on screen); holes negative.
        if ((signedArea(pts) > 0) != exterior) java.util.Collections.reverse(pts);
        moveTo(out, pts.get(0));
        command(out, 2, pts.size() - 1);
        for (int i = 1; i < pts.size(); i++) delta(out, pts.get(i));
        command(out, 7, 1);
    }

    /** Twice the shoelace area in tile coordinates. */
    static long signedArea(List<int[]> pts) {
        long a = 0;
        for (int i = 0; i < pts.size(); i++) {
            int[] p = pts.get(i), q = pts.get((i + 1) % pts.size());
            a += (long) p[0] * q[1] - (long) q[0] * p[1];
        }
        return a;
    }

    private static List<int[]> dedupe(Coordinate[] cs) {
        List<int[]> pts = new ArrayList<>(cs.length);
        for (Coordinate c : cs) {
            int[] p = {(int) Math.round(c.x), (int) Math.round(c.y)};
            if (pts.isEmpty() || !same(pts.get(pts.size() - 1), p)) pts.add(p);
        }
        return pts;
    }

    private static boolean same(int[] a, int[] b) { return a[0] == b[0] && a[1] == b[1]; }

    private void moveTo(List<Integer> out, int[] p) {
        command(out, 1, 1);
        delta(out, p);
    }

    private static void command(List<Integer> out, int id, int count) { out.add((id & 7) | (count << 3)); }

    private void delta(List<Integer> out, int[] p) {
        int dx = p[0] - cursor[0], dy = p[1] - cursor[1];
        out.add((dx << 1) ^ (dx >> 31));
        out.add((dy << 1) ^ (dy >> 31));
        cursor[0] = p[0];
        cursor[1] = p[1];
    }

    // --- protobuf -----------------------------------------------------------------------------------

    private static void tag(ByteArrayOutputStream b, int field, int wire) { varint(b, ((long) field << 3) | wire); }

    private static void varint(ByteArrayOutputStream b, long v) {
        while ((v & ~0x7FL) != 0) {
            b.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        b.write((int) v);
    }

    private static void bytes(ByteArrayOutputStream b, int field, byte[] data) {
        tag(b, field, 2);
        varint(b, data.length);
        b.writeBytes(data);
    }

    private static void packed(ByteArrayOutputStream b, int field, List<Integer> values) {
        if (values.isEmpty()) return;
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        for (int v : values) varint(p, v & 0xFFFFFFFFL);
        bytes(b, field, p.toByteArray());
    }

}
