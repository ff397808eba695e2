package org.tidemark.tiles.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** With TIDEMARK_DUMP_DIR set, tests write sample outputs there for a manual check with external decoders. */
public final class Dump {
    private Dump() {}

    public static void write(String name, byte[] data) {
        String dir = System.getenv("TIDEMARK_DUMP_DIR");
        if (dir == null) return;
        try {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
