package org.tidemark.data.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidemark.core.coverage.GridElevationModel;

class GeoTiffRoundTripTest {
    @TempDir
    Path dir;

    private static GridElevationModel grid(int w, int h) {
        float[] v = new float[w * h];
        for (int i = 0; i < v.length; i++) v[i] = i % 11 == 0 ? Float.NaN : (float) (i * 0.37 - 20);
        return new GridElevationModel(v, w, h, 121.55, 29.75, 1.0 / 3600);
    }

    @Test
    void writtenFileReadsBackCellForCellWithExtentAndNodata() throws IOException {
        GridElevationModel dem = grid(301, 37); // 37 rows: three strips, the last one short
        Path file = dir.resolve("dem.tif");

        new GeoTiffWriter("synthetic test grid").write(dem, file);
        GridElevationModel back = GeoTiffReader.read(file);

        assertThat(back.width()).isEqualTo(301);
        assertThat(back.height()).isEqualTo(37);
        assertThat(back.extent()).isEqualTo(dem.extent());
        assertThat(back.resolution()).isEqualTo(dem.resolution());
        for (int r = 0; r < 37; r++) {
            for (int c = 0; c < 301; c++) {
                assertThat(Float.floatToIntBits(back.cell(c, r))).as("cell %d,%d", c, r).isEqualTo(Float.floatToIntBits(dem.cell(c, r)));
            }
        }
    }

    @Test
    void readsATiledDeflateFileWrittenByGdalWithNumericNodata() throws IOException {
        Path file = dir.resolve("gdal.tif");
        try (InputStream in = getClass().getResourceAsStream("gdal-tiled-deflate.tif")) {
            Files.copy(in, file);
        }
        List<String> asc = new String(getClass().getResourceAsStream("grid.asc").readAllBytes(), StandardCharsets.US_ASCII).lines().toList();

        GridElevationModel dem = GeoTiffReader.read(file);

        assertThat(dem.width()).isEqualTo(20);
        assertThat(dem.height()).isEqualTo(18);
        assertThat(dem.extent().getMinX()).isCloseTo(121.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(dem.extent().getMaxY()).isCloseTo(29.418, org.assertj.core.data.Offset.offset(1e-9));
        for (int r = 0; r < 18; r++) {
            String[] row = asc.get(6 + r).trim().split(" ");
            for (int c = 0; c < 20; c++) {
                double expected = Double.parseDouble(row[c]);
                if (expected == -9999) assertThat(dem.cell(c, r)).isNaN();
                else assertThat(dem.cell(c, r)).isEqualTo((float) expected);
            }
        }
    }

    @Test
    void gdalReadsTheWrittenFileWithCrsExtentAndNodata() throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/gdalinfo"))).as("gdal-bin installed").isTrue();
        Path file = dir.resolve("dem.tif");
        new GeoTiffWriter("synthetic").write(grid(60, 40), file);

        Process p = new ProcessBuilder("/usr/bin/gdalinfo", "-stats", file.toString()).redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();

        assertThat(info).contains("ID[\"EPSG\",4490]").contains("NoData Value=nan").contains("Type=Float32")
                .contains("Origin = (121.5499999").contains("Size is 60, 40");
    }

    @Test
    void rejectsFilesThatAreNotGeoTiffs() throws IOException {
        Path junk = dir.resolve("junk.tif");
        Files.writeString(junk, "not a tiff at all");
        assertThatThrownBy(() -> GeoTiffReader.read(junk)).isInstanceOf(IOException.class).hasMessageContaining("not a TIFF");
    }
}
