package org.tidemark.tiles.cache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileResult;
import org.tidemark.core.tile.TileSource;

/**
 * A file cache: {@code <dir>/<variant>/<z>/<x>/<y>.tile}, each file a small header (media type, gzip
 * flag, ETag) and the bytes; an empty tile is stored with an empty-marker flag. Files are written to a
 * temporary name and moved into place, so concurrent readers (other instances on shared storage too)
 * never see half a tile. Names are built from validated integers and a variant restricted to
 * {@code [A-Za-z0-9_-]}, never from raw request text.
 */
public final class DiskTileCache implements TileCache {
    private static final Logger LOG = LoggerFactory.getLogger(DiskTileCache.class);
    private static final Pattern VARIANT = Pattern.compile("[A-Za-z0-9_-]{0,64}");
    private static final int MAGIC = 0x544d4b31; // "TMK1"

    private final TileSource next;
    private final Path dir;

    public DiskTileCache(TileSource next, Path dir) {
        this.next = next;
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public TileResult tile(TileCoord c, String variant) {
        Path file = file(c, variant);
        TileResult cached = read(file);
        if (!(cached instanceof TileResult.NotFound)) return cached;
        TileResult r = next.tile(c, variant);
        if (!(r instanceof TileResult.NotFound)) write(file, r);
        return r;
    }

    Path file(TileCoord c, String variant) {
        if (!VARIANT.matcher(variant).matches()) throw new IllegalArgumentException("bad variant");
        Path p = dir.resolve(variant.isEmpty() ? "_" : variant).resolve(Integer.toString(c.z()))
                .resolve(Integer.toString(c.x())).resolve(c.y() + ".tile").normalize();
        if (!p.startsWith(dir)) throw new IllegalArgumentException("path escapes the cache");
        return p;
    }

    private static TileResult read(Path file) {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != MAGIC) return TileResult.NOT_FOUND;
            boolean empty = in.readBoolean();
            if (empty) return TileResult.EMPTY;
            boolean gz = in.readBoolean();
            String type = in.readUTF();
            String etag = in.readUTF();
            byte[] data = in.readAllBytes();
            return new TileResult.Found(data, type, gz, etag);
        } catch (NoSuchFileException e) {
            return TileResult.NOT_FOUND;
        } catch (IOException | RuntimeException e) {
            LOG.warn("unreadable cache entry {}: {}", file, e.toString());
            return TileResult.NOT_FOUND;
        }
    }

    private static void write(Path file, TileResult r) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".tile", ".tmp");
            try (OutputStream raw = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(raw)) {
                out.writeInt(MAGIC);
                out.writeBoolean(r instanceof TileResult.Empty);
                if (r instanceof TileResult.Found f) {
                    out.writeBoolean(f.gzipped());
                    out.writeUTF(f.mediaType());
                    out.writeUTF(f.etag());
                    out.write(f.data());
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("could not cache tile {}: {}", file, e.toString());
        }
    }

    @Override
    public void invalidate(Predicate<TileCoord> which) {
        if (!Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> variants = Files.newDirectoryStream(dir)) {
            for (Path v : variants) {
                for (Path z : list(v)) {
                    Integer zi = number(z.getFileName().toString());
                    if (zi == null) continue;
                    for (Path x : list(z)) {
                        Integer xi = number(x.getFileName().toString());
                        if (xi == null) continue;
                        for (Path y : list(x)) {
                            String name = y.getFileName().toString();
                            Integer yi = name.endsWith(".tile") ? number(name.substring(0, name.length() - 5)) : null;
                            if (yi != null && which.test(new TileCoord(zi, xi, yi))) Files.deleteIfExists(y);
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("cache invalidation incomplete in {}: {}", dir, e.toString());
        }
    }

    private static Iterable<Path> list(Path p) throws IOException {
        if (!Files.isDirectory(p)) return java.util.List.of();
        try (var s = Files.list(p)) {
            return s.toList();
        }
    }

    private static Integer number(String s) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) return null;
        return Integer.parseInt(s);
    }
}
