package org.tidemark.data.raster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.coverage.GridElevationModel;

/**
 * Writes a {@link GridElevationModel} as a single-band Float32 GeoTIFF that GDAL, QGIS and other readers
 * understand: baseline TIFF 6.0 strips, Adobe Deflate compression (tag 259 = 8) with the floating-point
 * predictor (tag 317 = 3, TIFF Technical Note 3), georeferenced by ModelPixelScale + ModelTiepoint and a
 * GeoKey directory (OGC GeoTIFF 1.1, OGC 19-008r4, requirements classes "GeoKeyDirectoryTag" and
 * "GeographicCRSGeoKey": GTModelType = 2 geographic, GTRasterType = 1 PixelIsArea, GeodeticCRS = EPSG:4490).
 * Sea cells are NaN and the GDAL_NODATA tag (42113) says so. The file is written to a temporary name and
 * moved into place, so readers never see a half-written DEM.
 */
public final class GeoTiffWriter {
    static final int ROWS_PER_STRIP = 16;
    private final String description;

    /** @param description text for the ImageDescription tag (e.g. "synthetic elevations"), or null */
    public GeoTiffWriter(String description) {
        this.description = description;
    }

    public void write(GridElevationModel dem, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".part");
        try {
            writeTo(dem, tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try { // temp files are created owner-only; a DEM is meant to be read by other tools too
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void writeTo(GridElevationModel dem, Path file) throws IOException {
        int w = dem.width();
        int h = dem.height();
        int strips = (h + ROWS_PER_STRIP - 1) / ROWS_PER_STRIP;
        long[] offsets = new long[strips];
        long[] counts = new long[strips];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'I').put((byte) 'I')
                    .putShort((short) 42).putInt(0).flip());
            long pos = 8;
            Deflater deflater = new Deflater(6);
            byte[] raw = new byte[w * 4 * ROWS_PER_STRIP];
            byte[] out = new byte[raw.length + raw.length / 100 + 1024];
            try {
                for (int s = 0; s < strips; s++) {
                    int rows = Math.min(ROWS_PER_STRIP, h - s * ROWS_PER_STRIP);
                    for (int r = 0; r < rows; r++) encodeRow(dem, s * ROWS_PER_STRIP + r, raw, r * w * 4, w);
                    deflater.reset();
                    deflater.setInput(raw, 0, rows * w * 4);
                    deflater.finish();
                    List<byte[]> chunks = new ArrayList<>();
                    int total = 0;
                    while (!deflater.finished()) {
                        int n = deflater.deflate(out);
                        byte[] c = java.util.Arrays.copyOf(out, n);
                        chunks.add(c);
                        total += n;
                    }
                    ByteBuffer strip = ByteBuffer.allocate(total);
                    for (byte[] c : chunks) strip.put(c);
                    strip.flip();
                    offsets[s] = pos;
                    counts[s] = total;
                    while (strip.hasRemaining()) ch.write(strip);
                    pos += total;
                    if ((pos & 1) == 1) { // IFD and values start on word boundaries
                        ch.write(ByteBuffer.wrap(new byte[1]));
                        pos++;
                    }
                }
            } finally {
                deflater.end();
            }
            Envelope e = dem.extent();
            List<Tiff.Entry> tags = new ArrayList<>();
            tags.add(Tiff.Entry.longs(256, w));
            tags.add(Tiff.Entry.longs(257, h));
            tags.add(Tiff.Entry.shorts(258, 32));
            tags.add(Tiff.Entry.shorts(259, 8));
            tags.add(Tiff.Entry.shorts(262, 1));
            if (description != null) tags.add(Tiff.Entry.ascii(270, description));
            tags.add(Tiff.Entry.longs(273, offsets));
            tags.add(Tiff.Entry.shorts(277, 1));
            tags.add(Tiff.Entry.longs(278, ROWS_PER_STRIP));
            tags.add(Tiff.Entry.longs(279, counts));
            tags.add(Tiff.Entry.shorts(284, 1));
            tags.add(Tiff.Entry.ascii(305, "Tidemark GeoTiffWriter"));
            tags.add(Tiff.Entry.shorts(317, 3));
            tags.add(Tiff.Entry.shorts(339, 3));
            tags.add(Tiff.Entry.doubles(33550, dem.resolution(), dem.resolution(), 0));
            tags.add(Tiff.Entry.doubles(33922, 0, 0, 0, e.getMinX(), e.getMaxY(), 0));
            tags.add(Tiff.Entry.shorts(34735,
                    1, 1, 0, 4,
                    1024, 0, 1, 2,      // GTModelTypeGeoKey = ModelTypeGeographic
                    1025, 0, 1, 1,      // GTRasterTypeGeoKey = RasterPixelIsArea
                    2048, 0, 1, 4490,   // GeodeticCRSGeoKey = EPSG:4490 CGCS2000
                    2054, 0, 1, 9102)); // GeogAngularUnitsGeoKey = degree
            tags.add(Tiff.Entry.ascii(42113, "nan"));
            ByteBuffer ifd = Tiff.encodeIfd(tags, pos);
            while (ifd.hasRemaining()) ch.write(ifd);
            ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) pos).flip(), 4);
        }
    }

    /** Floating-point predictor (TIFF TN3): big-endian bytes split into planes, then byte-wise differencing. */
    private static void encodeRow(GridElevationModel dem, int row, byte[] buf, int off, int w) {
        for (int c = 0; c < w; c++) {
            int bits = Float.floatToRawIntBits(dem.cell(c, row));
            buf[off + c] = (byte) (bits >>> 24);
            buf[off + w + c] = (byte) (bits >>> 16);
            buf[off + 2 * w + c] = (byte) (bits >>> 8);
            buf[off + 3 * w + c] = (byte) bits;
        }
        for (int i = off + 4 * w - 1; i > off; i--) buf[i] = (byte) (buf[i] - buf[i - 1]);
    }

    static byte[] ascii(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return java.util.Arrays.copyOf(b, b.length + 1);
    }
}
