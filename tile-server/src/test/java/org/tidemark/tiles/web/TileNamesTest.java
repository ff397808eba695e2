package org.tidemark.tiles.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.tidemark.core.tile.TileMatrixSet;

class TileNamesTest {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

    @Property(tries = 2000)
    void acceptsExactlyTheNamePattern(@ForAll @StringLength(max = 70) @CharRange(from = ' ', to = '~') @Chars({'é', '图', '/'}) String s) {
        assertThat(TileNames.valid(s)).as(s).isEqualTo(NAME.matcher(s).matches());
    }

    @Test
    void edgeCases() {
        assertThat(TileNames.valid("_a.b-c9")).isTrue();
        assertThat(TileNames.valid("a".repeat(64))).isTrue();
        assertThat(TileNames.valid("a".repeat(65))).isFalse();
        assertThat(TileNames.valid("9a")).isFalse();
        assertThat(TileNames.valid(".hidden")).isFalse();
        assertThat(TileNames.valid("")).isFalse();
    }

    @Test
    void findsTileMatrixSetsIgnoringCase() {
        for (TileMatrixSet s : TileMatrixSet.ALL) {
            assertThat(TileNames.matrixSet(s.id())).contains(s);
            assertThat(TileNames.matrixSet(s.id().toUpperCase(java.util.Locale.ROOT))).contains(s);
        }
        assertThat(TileNames.matrixSet("NoSuchSet")).isEmpty();
    }
}
