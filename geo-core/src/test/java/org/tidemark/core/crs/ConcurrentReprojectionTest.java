package org.tidemark.core.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Decoding and transforming from many threads at once gives the same shared CRSs and the same numbers. */
class ConcurrentReprojectionTest {
    @Test
    void manyThreadsShareCrsInstancesAndAgree() throws Exception {
        int[] codes = {4326, 4490, 3857, 4549, 4550, 4528, 4529};
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<double[]>> work = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                int code = codes[t % codes.length];
                work.add(() -> {
                    Crs crs = Crs.decode("urn:ogc:def:crs:EPSG::" + code, "crs").crs();
                    assertThat(crs).isSameAs(Crs.epsg(code));
                    double[] p = Reprojector.transform(121.8, 29.5, Crs.cgcs2000(), crs);
                    return Reprojector.transform(p[0], p[1], crs, Crs.cgcs2000());
                });
            }
            for (Future<double[]> f : pool.invokeAll(work)) {
                double[] back = f.get();
                assertThat(back[0]).isCloseTo(121.8, within(1e-9));
                assertThat(back[1]).isCloseTo(29.5, within(1e-9));
            }
        } finally {
            pool.shutdown();
        }
    }
}
