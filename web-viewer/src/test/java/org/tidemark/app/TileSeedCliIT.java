package org.tidemark.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seed} on the command line fills the disk tile cache of the demo county without a web server. */
class TileSeedCliIT {
    @TempDir
    Path data;

    @Test
    void seedsBasemapTilesIntoTheDiskCacheWithAProgressBar() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String[] settings = {"--tidemark.data-dir=" + data, "--tidemark.db.url=", "--tidemark.security.token-secret=seed-test",
                "--logging.level.root=WARN"};
        int status = TileSeedCli.run(new String[] {"seed", "--tileset", "basemap", "--zoom", "8-9", "--threads", "2"}, out, settings);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        assertThat(printed).contains("tiles").contains("ETA").contains("0 failed");
        try (Stream<Path> files = Files.walk(data.resolve("tile-cache").resolve("img-basemap"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".tile")).count()).isPositive();
        }
        bytes.reset();
        assertThat(TileSeedCli.run(new String[] {"seed", "--tileset", "basemap", "--zoom", "9-8"}, out, settings)).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("seed: ");
    }

    @Test
    void seedsTheViewOfASignedInDepartmentThePublicMayNotSee() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String[] settings = {"--tidemark.data-dir=" + data, "--tidemark.db.url=", "--tidemark.security.token-secret=seed-test",
                "--logging.level.root=WARN"};
        String[] floodZones = {"seed", "--tileset", "flood_zones", "--zoom", "9-10", "--threads", "2"};
        assertThat(TileSeedCli.run(floodZones, out, settings)).as("the public may not see flood zones").isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("--as USER");
        bytes.reset();
        String[] asCommander = java.util.Arrays.copyOf(floodZones, floodZones.length + 2);
        asCommander[floodZones.length] = "--as";
        asCommander[floodZones.length + 1] = "commander";
        int status = TileSeedCli.run(asCommander, out, settings);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        assertThat(printed).contains("as commander (emergency) sees it").contains("0 failed");
        try (Stream<Path> files = Files.walk(data.resolve("tile-cache").resolve("img-flood_zones"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".tile")).count()).isPositive();
        }
        bytes.reset();
        asCommander[floodZones.length + 1] = "nobody";
        assertThat(TileSeedCli.run(asCommander, out, settings)).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("no configured user nobody");
    }
}
