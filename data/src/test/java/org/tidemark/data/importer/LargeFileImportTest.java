package org.tidemark.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB GeoJSON file imports in a child JVM whose heap (48 MB) is half the file size: the importer
 * streams both passes. The size can be lowered with {@code -Dtidemark.bigImportMb=N} on slow machines.
 */
class LargeFileImportTest {
    @TempDir
    Path dir;

    @Test
    void hundredMegabyteGeoJsonImportsWithABoundedHeap() throws IOException, InterruptedException {
        long targetBytes = Long.getLong("tidemark.bigImportMb", 100) * 1024 * 1024;
        Path file = dir.resolve("big.geojson");
        long features = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            long written = 0;
            while (written < targetBytes) {
                String f = String.format(Locale.ROOT, "%s{\"type\":\"Feature\",\"properties\":{\"name\":\"建筑%d\",\"height\":%.1f,"
                        + "\"floors\":%d,\"use\":\"residential\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],"
                        + "[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}}\n", features == 0 ? "" : ",", features,
                        3.0 + features % 40, 1 + features % 12, 121.6 + (features % 1000) * 1e-4, 29.0 + (features / 1000) * 1e-4,
                        121.60005 + (features % 1000) * 1e-4, 29.0 + (features / 1000) * 1e-4,
                        121.60005 + (features % 1000) * 1e-4, 29.00005 + (features / 1000) * 1e-4,
                        121.6 + (features % 1000) * 1e-4, 29.00005 + (features / 1000) * 1e-4,
                        121.6 + (features % 1000) * 1e-4, 29.0 + (features / 1000) * 1e-4);
                w.write(f);
                written += f.getBytes(StandardCharsets.UTF_8).length;
                features++;
            }
            w.write("]}\n");
        }
        assertThat(Files.size(file)).isGreaterThanOrEqualTo(targetBytes);

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-cp", System.getProperty("java.class.path"), BoundedHeapImport.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(out).doesNotContain("OutOfMemoryError").contains("imported=" + features + " counted=" + features);
        assertThat(p.exitValue()).isZero();
    }
}
