package org.tidemark.layers.wms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.core.render.IconLoader;
import org.tidemark.core.render.MapRenderer;

/**
 * GetMap rendering throughput: parse, query, draw and PNG-encode 256×256 EPSG:3857 maps of flood zones and
 * cameras over 100 boxes (layers/bench/README.md explains how to run it; it is not part of the test suite).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GetMapBenchmark {
    private GetMapService service;
    private List<String> boxes;
    private int next;
    private final WmsSettings settings = WmsSettings.defaults();

    @Setup
    public void setUp() {
        LayerAccess access = new LayerAccess(BenchData.catalog(), AccessPolicy.OPEN);
        service = new GetMapService(access, new StyleLibrary(WmsModule.STYLE_BASE), new MapRenderer(IconLoader.classpath(WmsModule.STYLE_BASE)));
        boxes = BenchData.bboxes();
    }

    @Benchmark
    public int getMapPng() throws IOException {
        String bbox = boxes.get(next++ % boxes.size());
        GetMapRequest r = GetMapRequest.parse(WmsParams.of(java.util.Map.of("VERSION", "1.3.0", "LAYERS", "flood_zones,cameras",
                "STYLES", ",", "CRS", "EPSG:3857", "BBOX", bbox, "WIDTH", "256", "HEIGHT", "256", "FORMAT", "image/png",
                "TRANSPARENT", "TRUE")), settings, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
        ImageEncoder.write(service.render(r, Principal.ANONYMOUS), ImageFormat.PNG, java.awt.Color.WHITE, out);
        return out.size();
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {GetMapBenchmark.class.getSimpleName()});
    }
}
