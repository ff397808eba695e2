package org.tidemark.tiles.buildings;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.polygon.ConstrainedDelaunayTriangulator;

/**
 * Extrudes footprints into closed prisms in a tile's local frame, written directly in glTF's y-up axes
 * (x = east, y = up, z = south): flat-shaded walls (one quad per ring edge, outward normals) and a roof
 * triangulated with JTS's constrained Delaunay triangulator (holes respected). Triangles are
 * counter-clockwise seen from outside, as glTF 2.0 §3.7.2.1 requires for front faces.
 */
final class BuildingMesher {
    private final LocalFrame frame;
    private float[] pos = new float[3 * 4096];
    private float[] nor = new float[3 * 4096];
    private float[] fid = new float[4096];
    private int vertices;
    private int[] idx = new int[3 * 4096];
    private int indexCount;
    private final float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
    private final float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};

    BuildingMesher(LocalFrame frame) {
        this.frame = frame;
    }

    void add(BuildingRecord b, int featureId) {
        Geometry g = b.footprint();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) addPolygon(p, b.base(), b.base() + b.height(), featureId);
        }
    }

    private void addPolygon(Polygon p, double bottom, double top, int featureId) {
        wall(p.getExteriorRing(), true, bottom, top, featureId);
        for (int h = 0; h < p.getNumInteriorRing(); h++) wall(p.getInteriorRingN(h), false, bottom, top, featureId);
        roof(p, top, featureId);
    }

    private void wall(LinearRing ring, boolean exterior, double bottom, double top, int featureId) {
        Coordinate[] cs = ring.getCoordinates();
        if (cs.length < 4) return;
        // Exterior rings counter-clockwise and holes clockwise (seen from above): solid on the left.
        boolean ccw = Orientation.isCCW(cs);
        if (ccw != exterior) cs = reversed(cs);
        for (int i = 0; i + 1 < cs.length; i++) {
            double[] a0 = frame.enu(cs[i].x, cs[i].y, bottom), b0 = frame.enu(cs[i + 1].x, cs[i + 1].y, bottom);
            double[] a1 = frame.enu(cs[i].x, cs[i].y, top), b1 = frame.enu(cs[i + 1].x, cs[i + 1].y, top);
            double dx = b0[0] - a0[0], dy = b0[1] - a0[1];
            double len = Math.hypot(dx, dy);
            if (len < 1e-3) continue;
            double nx = dy / len, ny = -dx / len; // outward, east/north
            int v = vertices;
            vertex(a0, nx, 0, ny, featureId);
            vertex(b0, nx, 0, ny, featureId);
            vertex(b1, nx, 0, ny, featureId);
            vertex(a1, nx, 0, ny, featureId);
            triangle(v, v + 1, v + 2);
            triangle(v, v + 2, v + 3);
        }
    }

    private void roof(Polygon p, double top, int featureId) {
        Geometry tris;
        try {
            tris = ConstrainedDelaunayTriangulator.triangulate(p);
        } catch (RuntimeException e) {
            return; // an invalid footprint keeps its walls; the roof is skipped
        }
        for (int i = 0; i < tris.getNumGeometries(); i++) {
            Coordinate[] t = tris.getGeometryN(i).getCoordinates();
            if (t.length < 3) continue;
            Coordinate a = t[0], b = t[1], c = t[2];
            double cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
            if (cross == 0) continue;
            if (cross < 0) { Coordinate s = b; b = c; c = s; }
            int v = vertices;
            vertex(frame.enu(a.x, a.y, top), 0, 1, 0, featureId);
            vertex(frame.enu(b.x, b.y, top), 0, 1, 0, featureId);
            vertex(frame.enu(c.x, c.y, top), 0, 1, 0, featureId);
            triangle(v, v + 1, v + 2);
        }
    }

    /** Appends a vertex from ENU metres; the normal is given as (east, up, north). */
    private void vertex(double[] enu, double nEast, double nUp, double nNorth, int featureId) {
        if (vertices * 3 + 3 > pos.length) {
            pos = java.util.Arrays.copyOf(pos, pos.length * 2);
            nor = java.util.Arrays.copyOf(nor, nor.length * 2);
            fid = java.util.Arrays.copyOf(fid, fid.length * 2);
        }
        float x = (float) enu[0], y = (float) enu[2], z = (float) -enu[1];
        int o = vertices * 3;
        pos[o] = x; pos[o + 1] = y; pos[o + 2] = z;
        nor[o] = (float) nEast; nor[o + 1] = (float) nUp; nor[o + 2] = (float) -nNorth;
        fid[vertices] = featureId;
        min[0] = Math.min(min[0], x); min[1] = Math.min(min[1], y); min[2] = Math.min(min[2], z);
        max[0] = Math.max(max[0], x); max[1] = Math.max(max[1], y); max[2] = Math.max(max[2], z);
        vertices++;
    }

    private void triangle(int a, int b, int c) {
        if (indexCount + 3 > idx.length) idx = java.util.Arrays.copyOf(idx, idx.length * 2);
        idx[indexCount++] = a;
        idx[indexCount++] = b;
        idx[indexCount++] = c;
    }

    private static Coordinate[] reversed(Coordinate[] cs) {
        List<Coordinate> l = new ArrayList<>(List.of(cs));
        java.util.Collections.reverse(l);
        return l.toArray(Coordinate[]::new);
    }

    /** The accumulated mesh. */
    Mesh mesh() {
        return new Mesh(java.util.Arrays.copyOf(pos, vertices * 3), java.util.Arrays.copyOf(nor, vertices * 3),
                java.util.Arrays.copyOf(fid, vertices), java.util.Arrays.copyOf(idx, indexCount), min.clone(), max.clone());
    }

    record Mesh(float[] positions, float[] normals, float[] featureIds, int[] indices, float[] min, float[] max) {
        int vertexCount() { return featureIds.length; }
    }
}
