package org.tidemark.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataStoresTest {
    @TempDir
    Path dir;

    @Test
    void refusesAnH2PathThatWouldAddUrlSettings() {
        assertThatThrownBy(() -> DataStores.h2gis(dir.resolve("x;INIT=RUNSCRIPT FROM 'evil.sql'")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnythingButAPostgresqlUrl() {
        for (String url : new String[] {null, "", "jdbc:h2:mem:x", "postgresql://host/db"}) {
            assertThatThrownBy(() -> DataStores.postgis(url, "u", "p")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
