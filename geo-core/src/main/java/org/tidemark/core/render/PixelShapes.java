package org.tidemark.core.render;

import java.awt.geom.Path2D;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns lon/lat geometries into Java2D paths in image pixels for one view, projecting vertex by vertex
 * on the fast paths and generalising each line and ring for the scale of the view: vertices within half a
 * pixel of the previous kept one are dropped, then those whose removal moves the outline by less than
 * {@link #TOLERANCE_PX} ({@link Generalizer}, Douglas–Peucker), so a detailed
 * coastline or a raster-traced flood zone costs the rasteriser what its visible shape costs, not what its
 * survey resolution costs. Not thread-safe: one instance per map.
 */
final class PixelShapes {
    private final MapView view;
    private final MapProjection projection;
    private final double sx;
    private final double sy;
    private final double minX;
    private final double maxY;
    private final double[] buf = new double[2];
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private boolean[] keep = new boolean[256];

    /** How far, in pixels, generalisation may move an outline: below what antialiasing can show. */
    static final double TOLERANCE_PX = 0.35;

    PixelShapes(MapView view) {
        this.view = view;
        this.projection = view.projection();
        this.sx = view.scaleX();
        this.sy = view.scaleY();
        this.minX = view.bbox().getMinX();
        this.maxY = view.bbox().getMaxY();
    }

    /** The path of a (multi) line or area; null for points or empty geometries. */
    Path2D.Double path(Geometry lonLat) {
        Geometry g = projection.perVertex() ? lonLat : projection.forward(lonLat);
        boolean project = projection.perVertex() && !projection.isGeographic();
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        append(p, g, project);
        return p;
    }

    private void append(Path2D.Double p, Geometry g, boolean project) {
        if (g instanceof Polygon poly) {
            ring(p, poly.getExteriorRing().getCoordinateSequence(), true, project);
            for (int i = 0; i < poly.getNumInteriorRing(); i++) ring(p, poly.getInteriorRingN(i).getCoordinateSequence(), true, project);
        } else if (g instanceof LineString ls) {
            ring(p, ls.getCoordinateSequence(), false, project);
        } else if (!(g instanceof Point)) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part != g) append(p, part, project);
            }
        }
    }

    private void ring(Path2D.Double p, CoordinateSequence seq, boolean close, boolean project) {
        int n = seq.size();
        if (n == 0) return;
        if (xs.length < n) {
            xs = new double[Math.max(n, 2 * xs.length)];
            ys = new double[xs.length];
            keep = new boolean[xs.length];
        }
        // radial pre-filter: a vertex within half a pixel of the last kept one adds nothing the rasteriser shows
        int m = 0;
        for (int i = 0; i < n; i++) {
            buf[0] = seq.getX(i);
            buf[1] = seq.getY(i);
            if (project) projection.forward(buf, 1);
            double px = (buf[0] - minX) * sx;
            double py = (maxY - buf[1]) * sy;
            if (m > 0 && i < n - 1 && Math.abs(px - xs[m - 1]) < 0.5 && Math.abs(py - ys[m - 1]) < 0.5) continue;
            xs[m] = px;
            ys[m] = py;
            m++;
        }
        Generalizer.simplify(xs, ys, m, TOLERANCE_PX, keep);
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < m; i++) if (keep[i]) p.lineTo(xs[i], ys[i]);
        if (close) p.closePath();
    }

    /** Each line of a (multi) line as generalised pixel coordinates {@code {x0, y0, x1, y1, …}}; empty for other geometries. */
    java.util.List<double[]> lines(Geometry lonLat) {
        Geometry g = projection.perVertex() ? lonLat : projection.forward(lonLat);
        boolean project = projection.perVertex() && !projection.isGeographic();
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (int k = 0; k < g.getNumGeometries(); k++) {
            if (!(g.getGeometryN(k) instanceof LineString ls) || ls.getNumPoints() < 2) continue;
            Path2D.Double p = new Path2D.Double();
            ring(p, ls.getCoordinateSequence(), false, project);
            double[] xy = new double[2 * ls.getNumPoints()];
            int n = 0;
            double[] c = new double[6];
            for (java.awt.geom.PathIterator it = p.getPathIterator(null); !it.isDone(); it.next()) {
                it.currentSegment(c);
                xy[n++] = c[0];
                xy[n++] = c[1];
            }
            if (n >= 4) out.add(java.util.Arrays.copyOf(xy, n));
        }
        return out;
    }

    /** The pixel position of a lon/lat coordinate. */
    double[] pixel(double lon, double lat) {
        double[] xy = {lon, lat};
        if (projection.perVertex()) {
            projection.forward(xy, 1);
        } else {
            Geometry pt = projection.forward(new org.locationtech.jts.geom.GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat)));
            xy[0] = pt.getCoordinate().x;
            xy[1] = pt.getCoordinate().y;
        }
        return new double[] {(xy[0] - minX) * sx, (maxY - xy[1]) * sy};
    }

    MapView view() { return view; }
}
