package org.tidemark.core.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OtherDatumsTest {
    @Test
    void beijing1954GoesThroughADatumShiftNotTheNullChange() {
        assertThat(OperationCache.isNullDatumChange(Crs.epsg(4214), Crs.epsg(4490))).isFalse();
        double[] p = Reprojector.transform(121.8, 29.5, Crs.epsg(4214), Crs.epsg(4490));
        // Beijing 1954 (Krassowsky) differs from CGCS2000 by tens of metres, not by nothing.
        assertThat(Math.abs(p[0] - 121.8) + Math.abs(p[1] - 29.5)).isGreaterThan(1e-5);
        assertThat(p[0]).isCloseTo(121.8, within(0.01));
        assertThat(p[1]).isCloseTo(29.5, within(0.01));
    }
}
