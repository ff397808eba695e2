package org.tidemark.layers.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Turns a cell mask into polygons in time proportional to the boundary: every edge between a masked and
 * an unmasked cell becomes a directed edge with the masked cell on its left; edges are chained into rings
 * (at a vertex where two masked cells touch only diagonally the left turn is taken, so the cells stay
 * separate rings and every ring is simple), emitting only the corners. Counter-clockwise rings are shells,
 * clockwise rings holes, each hole going to the smallest shell that contains it. A topology-preserving
 * simplification of about one cell then removes the staircase.
 */
final class MaskVectorizer {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final int N = 1;
    private static final int E = 2;
    private static final int S = 4;
    private static final int W = 8;

    private MaskVectorizer() {}

    static Geometry polygons(HeightGrid grid, BitSet mask, double toleranceCells) {
        int w = grid.width();
        int h = grid.height();
        int vw = w + 1;
        byte[] out = new byte[vw * (h + 1)];
        for (int i = mask.nextSetBit(0); i >= 0; i = mask.nextSetBit(i + 1)) {
            int r = i / w;
            int c = i - r * w;
            if (r == 0 || !mask.get(i - w)) out[r * vw + c + 1] |= W;          // top edge, from (c+1, r) westwards
            if (r == h - 1 || !mask.get(i + w)) out[(r + 1) * vw + c] |= E;     // bottom edge, from (c, r+1) eastwards
            if (c == 0 || !mask.get(i - 1)) out[r * vw + c] |= S;              // left edge, from (c, r) southwards
            if (c == w - 1 || !mask.get(i + 1)) out[(r + 1) * vw + c + 1] |= N; // right edge, from (c+1, r+1) northwards
        }
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (int v = 0; v < out.length; v++) {
            while (out[v] != 0) {
                for (LinearRing ring : simpleLoops(trace(out, v, vw), vw, grid)) {
                    if (Orientation.isCCW(ring.getCoordinateSequence())) shells.add(ring);
                    else holes.add(ring);
                }
            }
        }
        if (shells.isEmpty()) return GF.createMultiPolygon();
        Polygon[] polygons = assemble(shells, holes);
        Geometry result = GF.createMultiPolygon(polygons);
        Geometry simplified = TopologyPreservingSimplifier.simplify(result, grid.cell() * toleranceCells);
        return simplified instanceof Polygon p ? GF.createMultiPolygon(new Polygon[] {p}) : simplified;
    }

    /**
     * A traced boundary may pass a vertex twice (where a masked region touches itself diagonally); such a
     * ring is not simple, so it is cut there into simple loops, which touch at that vertex as OGC allows.
     */
    private static List<LinearRing> simpleLoops(int[] corners, int vw, HeightGrid grid) {
        List<LinearRing> loops = new ArrayList<>();
        java.util.Map<Integer, Integer> position = new java.util.HashMap<>();
        int[] stack = new int[corners.length + 1];
        int top = 0;
        for (int i = 0; i <= corners.length; i++) {
            int v = corners[i % corners.length];
            Integer at = position.get(v);
            if (at != null) {
                Coordinate[] ring = new Coordinate[top - at + 1];
                for (int k = at; k < top; k++) {
                    ring[k - at] = coordinate(stack[k], vw, grid);
                    if (k > at) position.remove(stack[k]);
                }
                ring[ring.length - 1] = new Coordinate(ring[0]);
                if (ring.length >= 4) loops.add(GF.createLinearRing(ring));
                top = at + 1;
            } else {
                position.put(v, top);
                stack[top++] = v;
            }
        }
        return loops;
    }

    private static int[] trace(byte[] out, int start, int vw) {
        org.locationtech.jts.util.IntArrayList pts = new org.locationtech.jts.util.IntArrayList();
        int v = start;
        int dir = Integer.lowestOneBit(out[start]);
        int prev = 0;
        do {
            out[v] &= (byte) ~dir;
            if (dir != prev) pts.add(v);
            prev = dir;
            v = step(v, dir, vw);
            if (v == start) break;
            int options = out[v];
            int left = left(dir);
            int right = right(dir);
            dir = (options & left) != 0 ? left : (options & dir) != 0 ? dir : (options & right) != 0 ? right : 0;
            if (dir == 0) throw new IllegalStateException("open boundary at vertex " + v);
        } while (true);
        return pts.toArray();
    }

    private static int step(int v, int dir, int vw) {
        return switch (dir) {
            case N -> v - vw;
            case S -> v + vw;
            case E -> v + 1;
            default -> v - 1;
        };
    }

    /** The left turn in screen coordinates (rows grow southwards). */
    private static int left(int dir) {
        return switch (dir) {
            case E -> N;
            case N -> W;
            case W -> S;
            default -> E;
        };
    }

    private static int right(int dir) {
        return switch (dir) {
            case E -> S;
            case S -> W;
            case W -> N;
            default -> E;
        };
    }

    private static Coordinate coordinate(int v, int vw, HeightGrid g) {
        int r = v / vw;
        int c = v - r * vw;
        return new Coordinate(g.west() + c * g.cell(), g.north() - r * g.cell());
    }

    private static Polygon[] assemble(List<LinearRing> shells, List<LinearRing> holes) {
        List<List<LinearRing>> holesOf = new ArrayList<>();
        STRtree index = new STRtree();
        List<IndexedPointInAreaLocator> locators = new ArrayList<>();
        for (int i = 0; i < shells.size(); i++) {
            holesOf.add(new ArrayList<>());
            index.insert(shells.get(i).getEnvelopeInternal(), i);
            locators.add(null);
        }
        for (LinearRing hole : holes) {
            // a hole's first vertex is a corner of the unmasked cells it bounds: test the centre of the
            // hole's envelope side instead would be ambiguous, so use a point just inside the hole ring
            Coordinate probe = GF.createPolygon(hole).getInteriorPoint().getCoordinate();
            int best = -1;
            double bestArea = Double.MAX_VALUE;
            for (Object o : index.query(hole.getEnvelopeInternal())) {
                int i = (Integer) o;
                if (!shells.get(i).getEnvelopeInternal().contains(hole.getEnvelopeInternal())) continue;
                if (locators.get(i) == null) locators.set(i, new IndexedPointInAreaLocator(GF.createPolygon(shells.get(i))));
                if (locators.get(i).locate(probe) != Location.EXTERIOR) {
                    double area = shells.get(i).getEnvelopeInternal().getArea();
                    if (area < bestArea) {
                        bestArea = area;
                        best = i;
                    }
                }
            }
            if (best >= 0) holesOf.get(best).add(hole);
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int i = 0; i < shells.size(); i++) {
            polygons[i] = GF.createPolygon(shells.get(i), holesOf.get(i).toArray(LinearRing[]::new));
        }
        return polygons;
    }
}
