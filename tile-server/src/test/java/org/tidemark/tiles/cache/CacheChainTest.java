package org.tidemark.tiles.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileResult;
import org.tidemark.core.tile.TileSource;

class CacheChainTest {
    @TempDir
    Path dir;

    /** A source that counts calls; tiles with x = 0 are empty, y = 99 do not exist. */
    static final class Counting implements TileSource {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public TileResult tile(TileCoord c, String variant) {
            calls.incrementAndGet();
            if (c.y() == 99) return TileResult.NOT_FOUND;
            if (c.x() == 0) return TileResult.EMPTY;
            byte[] b = (c + ":" + variant).getBytes(StandardCharsets.UTF_8);
            return new TileResult.Found(b, "text/plain", false, "e" + c.z() + c.x() + c.y());
        }
    }

    @Test
    void memoryThenDiskThenSourceAndNotFoundIsNeverCached() {
        Counting src = new Counting();
        CacheChain chain = new CacheChain(src, dir, 1 << 20);
        TileCoord c = new TileCoord(3, 1, 2);
        assertThat(chain.tile(c, "a")).isInstanceOf(TileResult.Found.class);
        assertThat(chain.tile(c, "a")).isInstanceOf(TileResult.Found.class);
        assertThat(src.calls).hasValue(1);
        // A fresh chain on the same directory is served from disk.
        Counting src2 = new Counting();
        TileResult fromDisk = new CacheChain(src2, dir, 1 << 20).tile(c, "a");
        assertThat(src2.calls).hasValue(0);
        assertThat(new String(((TileResult.Found) fromDisk).data(), StandardCharsets.UTF_8)).isEqualTo("3/1/2:a");
        // Variants are separate entries; empty tiles are cached; missing tiles are asked again.
        chain.tile(c, "b");
        chain.tile(new TileCoord(3, 0, 2), "a");
        chain.tile(new TileCoord(3, 0, 2), "a");
        chain.tile(new TileCoord(3, 1, 99), "a");
        chain.tile(new TileCoord(3, 1, 99), "a");
        assertThat(src.calls).hasValue(5);
        assertThat(new CacheChain(new Counting(), dir, 1 << 20).tile(new TileCoord(3, 0, 2), "a")).isInstanceOf(TileResult.Empty.class);
    }

    @Test
    void memoryCacheEvictsLeastRecentlyUsedWithinItsBudget() {
        Counting src = new Counting();
        long entry = 96 + "5/10/1:v".length();
        MemoryTileCache m = new MemoryTileCache(src, 10 * entry);
        for (int i = 10; i <= 19; i++) m.tile(new TileCoord(5, i, 1), "v");
        m.tile(new TileCoord(5, 10, 1), "v"); // touch the oldest: it becomes the most recent
        assertThat(src.calls).hasValue(10);
        m.tile(new TileCoord(5, 20, 1), "v"); // over budget: the least recently used go
        assertThat(m.bytes()).isLessThanOrEqualTo(10 * entry);
        assertThat(m.size()).isBetween(8, 10);
        m.tile(new TileCoord(5, 10, 1), "v");
        assertThat(src.calls).as("the touched entry survived").hasValue(11);
        m.tile(new TileCoord(5, 11, 1), "v");
        assertThat(src.calls).as("the least recently used was evicted").hasValue(12);
    }

    @Test
    void corruptDiskEntriesAreMissesNotErrors() throws Exception {
        Counting src = new Counting();
        DiskTileCache disk = new DiskTileCache(src, dir);
        TileCoord c = new TileCoord(2, 1, 1);
        Path f = disk.file(c, "v");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "garbage");
        assertThat(disk.tile(c, "v")).isInstanceOf(TileResult.Found.class);
        assertThat(src.calls).hasValue(1);
    }

    @Test
    void variantsCannotEscapeTheCacheDirectory() {
        DiskTileCache disk = new DiskTileCache(new Counting(), dir);
        assertThatThrownBy(() -> disk.tile(new TileCoord(1, 1, 1), "../../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TileCaches(dir, 1000).register("../x", new Counting(), Set.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLayerChangeDropsExactlyTheTilesItTouches() {
        Counting src = new Counting();
        TileCaches caches = new TileCaches(dir, 1 << 20);
        CacheChain chain = caches.register("t", src, Set.of("roads"), c -> new Envelope(c.x(), c.x() + 1, c.y(), c.y() + 1));
        chain.tile(new TileCoord(1, 1, 1), "v");
        chain.tile(new TileCoord(1, 5, 5), "v");
        caches.layerChanged("rivers", null);       // not a layer of this set
        caches.layerChanged("roads", new Envelope(1.2, 1.5, 1.2, 1.5));
        chain.tile(new TileCoord(1, 1, 1), "v");
        chain.tile(new TileCoord(1, 5, 5), "v");
        assertThat(src.calls).hasValue(3);
        // First sight of a layer with a disk cache: tiles of unknown age are dropped.
        caches.observeVersion("roads", 1);
        chain.tile(new TileCoord(1, 5, 5), "v");
        assertThat(src.calls).hasValue(4);
        caches.observeVersion("roads", 1);
        chain.tile(new TileCoord(1, 5, 5), "v");
        assertThat(src.calls).hasValue(4);
        caches.observeVersion("roads", 2);
        chain.tile(new TileCoord(1, 5, 5), "v");
        assertThat(src.calls).hasValue(5);
        // A restarted server remembers the version it last saw and keeps its disk cache.
        Counting src2 = new Counting();
        TileCaches restarted = new TileCaches(dir, 1 << 20);
        CacheChain again = restarted.register("t", src2, Set.of("roads"), null);
        restarted.observeVersion("roads", 2);
        again.tile(new TileCoord(1, 5, 5), "v");
        assertThat(src2.calls).hasValue(0);
    }

    @Test
    void seederFillsTheCacheAndReportsProgress() {
        Counting src = new Counting();
        CacheChain chain = new CacheChain(src, dir, 1 << 20);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Seeder.Report r = Seeder.seed(chain, 2, 3, z -> new long[] {1, 0, z, 1}, List.of("a"), 2,
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(r.tiles()).isEqualTo(2 * 2 + 3 * 2);
        assertThat(r.failed()).isZero();
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("10/10 tiles");
        int before = src.calls.get();
        chain.tile(new TileCoord(3, 3, 1), "a");
        assertThat(src.calls).hasValue(before);
    }

    @Test
    void seedCommandValidatesItsArguments() {
        SeedCommand c = SeedCommand.parse("seed", "--tileset", "terrain", "--zoom", "0-14", "--bbox", "121.5,29.0,122.2,29.7");
        assertThat(c.minZoom()).isZero();
        assertThat(c.maxZoom()).isEqualTo(14);
        assertThat(c.bbox().getMinX()).isEqualTo(121.5);
        assertThatThrownBy(() -> SeedCommand.parse("--tileset", "../x", "--zoom", "1-2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedCommand.parse("--tileset", "t", "--zoom", "5-2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedCommand.parse("--tileset", "t", "--zoom", "1-2", "--bbox", "200,0,1,1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
