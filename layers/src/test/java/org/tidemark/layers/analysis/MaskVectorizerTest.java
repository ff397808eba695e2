package org.tidemark.layers.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MaskVectorizerTest {
    static final int N = 12;
    final HeightGrid grid = new HeightGrid(new float[N * N], N, N, 121.0, 29.0, 0.01);

    @Test
    void aSquareWithAHoleAndTwoDiagonalCellsAreValidPolygonsOfTheRightArea() {
        BitSet m = new BitSet();
        for (int r = 1; r <= 5; r++) for (int c = 1; c <= 5; c++) if (!(r == 3 && c == 3)) m.set(r * N + c); // ring of 24 cells
        m.set(8 * N + 8);
        m.set(9 * N + 9); // touching only at a corner
        var g = MaskVectorizer.polygons(grid, m, 0);
        assertThat(g.isValid()).isTrue();
        assertThat(g.getNumGeometries()).isEqualTo(3);
        assertThat(g.getArea()).isCloseTo(26 * 1e-4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(((org.locationtech.jts.geom.Polygon) g.getGeometryN(0)).getNumInteriorRing()
                + ((org.locationtech.jts.geom.Polygon) g.getGeometryN(1)).getNumInteriorRing()
                + ((org.locationtech.jts.geom.Polygon) g.getGeometryN(2)).getNumInteriorRing()).isEqualTo(1);
    }

    @Property(tries = 200)
    void anyMaskBecomesValidPolygonsCoveringExactlyItsCells(@ForAll @LongRange(min = 0) long seed) {
        var random = new java.util.Random(seed);
        BitSet m = new BitSet();
        for (int i = 0; i < N * N; i++) if (random.nextDouble() < 0.45) m.set(i);
        var g = MaskVectorizer.polygons(grid, m, 0);
        assertThat(g.isValid()).isTrue();
        assertThat(g.getArea()).isCloseTo(m.cardinality() * 1e-4, org.assertj.core.data.Offset.offset(1e-9));
    }
}
