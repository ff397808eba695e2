package org.tidemark.layers.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Turns a cell mask into polygons in O(boundary): the edges between masked and unmasked cells are
 * collected, merged into rings and polygonized; rings inside rings become holes. Then a topology
 * preserving simplification with a tolerance of about one cell removes the staircase.
 */
final class MaskVectorizer {
    private static final GeometryFactory GF = new GeometryFactory();

    private MaskVectorizer() {}

    static Geometry polygons(HeightGrid grid, BitSet mask, double toleranceCells) {
        int w = grid.width();
        int h = grid.height();
        List<LineString> edges = new ArrayList<>();
        for (int i = mask.nextSetBit(0); i >= 0; i = mask.nextSetBit(i + 1)) {
            int r = i / w;
            int c = i - r * w;
            if (r == 0 || !mask.get(i - w)) edges.add(edge(grid, c, r, c + 1, r));
            if (r == h - 1 || !mask.get(i + w)) edges.add(edge(grid, c, r + 1, c + 1, r + 1));
            if (c == 0 || !mask.get(i - 1)) edges.add(edge(grid, c, r, c, r + 1));
            if (c == w - 1 || !mask.get(i + 1)) edges.add(edge(grid, c + 1, r, c + 1, r + 1));
        }
        if (edges.isEmpty()) return GF.createMultiPolygon();
        LineMerger merger = new LineMerger();
        merger.add(edges);
        Polygonizer polygonizer = new Polygonizer(true);
        polygonizer.add(merger.getMergedLineStrings());
        @SuppressWarnings("unchecked")
        List<Polygon> polys = new ArrayList<>(polygonizer.getPolygons());
        Geometry result = GF.createMultiPolygon(polys.toArray(Polygon[]::new));
        Geometry simplified = TopologyPreservingSimplifier.simplify(result, grid.cell() * toleranceCells);
        return simplified instanceof Polygon p ? GF.createMultiPolygon(new Polygon[] {p}) : simplified;
    }

    private static LineString edge(HeightGrid g, int c0, int r0, int c1, int r1) {
        return GF.createLineString(new Coordinate[] {
            new Coordinate(g.west() + c0 * g.cell(), g.north() - r0 * g.cell()),
            new Coordinate(g.west() + c1 * g.cell(), g.north() - r1 * g.cell())});
    }
}
