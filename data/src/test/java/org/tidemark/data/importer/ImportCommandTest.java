package org.tidemark.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidemark.core.source.memory.MemoryDataStore;

class ImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void importsAndReportsExitCodes() throws Exception {
        Path file = dir.resolve("stations.geojson");
        try (InputStream in = getClass().getResourceAsStream("stations.geojson")) {
            Files.copy(in, file);
        }
        MemoryDataStore store = new MemoryDataStore();
        List<String> out = new ArrayList<>();

        assertThat(ImportCommand.run(new String[] {file.toString(), "stations"}, store, out::add)).isZero();
        assertThat(out.get(out.size() - 1)).contains("imported 3 features into stations (create, Point");
        assertThat(ImportCommand.run(new String[] {file.toString(), "stations", "create"}, store, out::add)).isEqualTo(1);
        assertThat(out.get(out.size() - 1)).startsWith("import failed: layer stations already exists");
        assertThat(ImportCommand.run(new String[] {file.toString(), "stations", "merge"}, store, out::add)).isEqualTo(2);
        assertThat(ImportCommand.run(new String[] {file.toString()}, store, out::add)).isEqualTo(2);
    }

    @Test
    void acceptsTheOptionFormWithModeAndDepartment() {
        ImportCommand.Args a = ImportCommand.parse(new String[] {"--layer", "gauges", "--mode=replace", "--department", "water", "/x/g.csv"});
        assertThat(a.layer()).isEqualTo("gauges");
        assertThat(a.mode()).isEqualTo(ImportMode.REPLACE);
        assertThat(a.department()).isEqualTo("water");
        assertThat(a.file()).isEqualTo(Path.of("/x/g.csv"));
        ImportCommand.Args p = ImportCommand.parse(new String[] {"/x/g.csv", "gauges", "append"});
        assertThat(p.mode()).isEqualTo(ImportMode.APPEND);
        assertThat(p.department()).isNull();
    }
}
