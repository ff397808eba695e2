package org.tidemark.data.raster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.tidemark.core.coverage.GridElevationModel;

/**
 * Reads a single-band elevation GeoTIFF into a {@link GridElevationModel}: classic TIFF 6.0 in either byte
 * order, strips or tiles, no compression or Deflate (259 = 8 / 32946), predictors none, horizontal (2) and
 * floating point (3, TIFF TN3), samples Float32/Float64/Int16/UInt16/Int32. The georeferencing must be a
 * north-up ModelPixelScale + ModelTiepoint on a geographic CRS that coincides with CGCS2000 (GeoKey 2048 =
 * 4490 or 4326; OGC 19-008r4 requirement class "GeographicCRSGeoKey"); PixelIsPoint rasters are shifted by
 * half a cell. Values equal to GDAL_NODATA (tag 42113) become NaN. Errors are {@link IOException}s naming
 * what is unsupported.
 */
public final class GeoTiffReader {
    private static final long MAX_CELLS = 200_000_000L;

    private GeoTiffReader() {}

    public static GridElevationModel read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) throw new IOException("GeoTIFF larger than 2 GB (BigTIFF) is not supported");
            ByteBuffer buf = ByteBuffer.allocate((int) ch.size());
            while (buf.hasRemaining() && ch.read(buf) >= 0) { /* fill */ }
            buf.flip();
            return parse(buf);
        } catch (RuntimeException e) {
            throw new IOException("not a readable GeoTIFF: " + e, e);
        }
    }

    private static GridElevationModel parse(ByteBuffer b) throws IOException {
        if (b.remaining() < 8) throw new IOException("not a TIFF file");
        int order = b.getShort(0);
        if (order == 0x4949) b.order(ByteOrder.LITTLE_ENDIAN);
        else if (order == 0x4D4D) b.order(ByteOrder.BIG_ENDIAN);
        else throw new IOException("not a TIFF file");
        int magic = b.getShort(2);
        if (magic == 43) throw new IOException("BigTIFF is not supported");
        if (magic != 42) throw new IOException("not a TIFF file");
        Map<Integer, Object> tags = readIfd(b, Integer.toUnsignedLong(b.getInt(4)));
        int width = (int) num(tags, 256, -1);
        int height = (int) num(tags, 257, -1);
        if (width <= 0 || height <= 0 || (long) width * height > MAX_CELLS) throw new IOException("bad raster size " + width + "×" + height);
        int bits = (int) num(tags, 258, 1);
        int compression = (int) num(tags, 259, 1);
        int spp = (int) num(tags, 277, 1);
        int predictor = (int) num(tags, 317, 1);
        int format = (int) num(tags, 339, 1);
        if (spp != 1) throw new IOException("only single-band rasters are supported (SamplesPerPixel=" + spp + ")");
        if (compression != 1 && compression != 8 && compression != 32946) throw new IOException("compression " + compression + " is not supported (use none or deflate)");
        int bytesPerSample = bits / 8;
        if (!((format == 3 && (bits == 32 || bits == 64)) || ((format == 1 || format == 2) && (bits == 16 || bits == 32)))) {
            throw new IOException("sample format " + format + "/" + bits + " bits is not supported");
        }
        double[] scale = doubles(tags, 33550);
        double[] tie = doubles(tags, 33922);
        if (scale == null || tie == null || tie.length < 6) throw new IOException("no ModelPixelScale/ModelTiepoint: not georeferenced");
        if (Math.abs(scale[0] - scale[1]) > 1e-9 * Math.max(1, scale[0])) throw new IOException("cells are not square: " + scale[0] + " × " + scale[1]);
        checkCrs(tags);
        double res = scale[0];
        double west = tie[3] - tie[0] * res;
        double north = tie[4] + tie[1] * res;
        if (geoKey(tags, 1025) == 2) { // PixelIsPoint: the tie point is a cell centre
            west -= res / 2;
            north += res / 2;
        }
        double nodata = Double.NaN;
        Object nd = tags.get(42113);
        if (nd instanceof String s && !s.isBlank() && !s.trim().equalsIgnoreCase("nan")) nodata = Double.parseDouble(s.trim());

        float[] heights = new float[width * height];
        boolean tiled = tags.containsKey(322);
        int blockW = tiled ? (int) num(tags, 322, -1) : width;
        int blockH = tiled ? (int) num(tags, 323, -1) : (int) Math.min(num(tags, 278, height), height);
        long[] offsets = longs(tags, tiled ? 324 : 273);
        long[] counts = longs(tags, tiled ? 325 : 279);
        int across = (width + blockW - 1) / blockW;
        int down = (height + blockH - 1) / blockH;
        if (offsets == null || counts == null || offsets.length < (long) across * down) throw new IOException("missing strip/tile offsets");
        byte[] block = new byte[blockW * blockH * bytesPerSample];
        ByteBuffer view = ByteBuffer.wrap(block).order(b.order());
        Inflater inflater = new Inflater();
        try {
            for (int by = 0; by < down; by++) {
                for (int bx = 0; bx < across; bx++) {
                    int idx = by * across + bx;
                    int rows = tiled ? blockH : Math.min(blockH, height - by * blockH);
                    int len = rows * blockW * bytesPerSample;
                    ByteBuffer src = b.duplicate().position((int) offsets[idx]).limit((int) (offsets[idx] + counts[idx]));
                    if (compression == 1) {
                        src.get(block, 0, Math.min(len, src.remaining()));
                    } else {
                        inflater.reset();
                        byte[] in = new byte[src.remaining()];
                        src.get(in);
                        inflater.setInput(in);
                        int n = 0;
                        while (n < len && !inflater.finished()) {
                            int k = inflater.inflate(block, n, len - n);
                            if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                            n += k;
                        }
                        if (n < len) throw new IOException("strip/tile " + idx + " is truncated");
                    }
                    undoPredictor(block, rows, blockW, bytesPerSample, predictor, b.order());
                    for (int r = 0; r < rows; r++) {
                        int y = by * blockH + r;
                        if (y >= height) break;
                        for (int c = 0; c < blockW; c++) {
                            int x = bx * blockW + c;
                            if (x >= width) break;
                            int at = (r * blockW + c) * bytesPerSample;
                            double v = switch (bits) {
                                case 16 -> format == 2 ? view.getShort(at) : Short.toUnsignedInt(view.getShort(at));
                                case 32 -> format == 3 ? view.getFloat(at) : format == 2 ? view.getInt(at) : Integer.toUnsignedLong(view.getInt(at));
                                default -> view.getDouble(at);
                            };
                            if (v == nodata) v = Double.NaN;
                            heights[y * width + x] = (float) v;
                        }
                    }
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("corrupt deflate data: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return new GridElevationModel(heights, width, height, west, north, res);
    }

    private static void checkCrs(Map<Integer, Object> tags) throws IOException {
        int model = geoKey(tags, 1024);
        if (model == 1) throw new IOException("projected GeoTIFF: reproject the DEM to EPSG:4490 (lon/lat) first");
        int gcs = geoKey(tags, 2048);
        if (model != 2 || (gcs != 4490 && gcs != 4326)) {
            throw new IOException("the DEM must be on geographic CGCS2000 (EPSG:4490) or WGS 84; found model type "
                    + model + ", geographic CRS " + gcs);
        }
    }

    /** A GeoKey's SHORT value (OGC 19-008r4 §7.1.3), or -1. */
    private static int geoKey(Map<Integer, Object> tags, int key) {
        Object dir = tags.get(34735);
        if (!(dir instanceof long[] d) || d.length < 4) return -1;
        int n = (int) d[3];
        for (int i = 0; i < n && 4 + i * 4 + 3 < d.length; i++) {
            int k = (int) d[4 + i * 4];
            if (k == key && d[4 + i * 4 + 1] == 0) return (int) d[4 + i * 4 + 3];
        }
        return -1;
    }

    private static void undoPredictor(byte[] block, int rows, int w, int bps, int predictor, ByteOrder order) throws IOException {
        if (predictor == 1) return;
        ByteBuffer v = ByteBuffer.wrap(block).order(order);
        for (int r = 0; r < rows; r++) {
            int off = r * w * bps;
            if (predictor == 3) {
                for (int i = off + 1; i < off + w * bps; i++) block[i] = (byte) (block[i] + block[i - 1]);
                byte[] tmp = java.util.Arrays.copyOfRange(block, off, off + w * bps);
                for (int c = 0; c < w; c++) {
                    for (int k = 0; k < bps; k++) {
                        // plane k holds byte k of the big-endian sample
                        int dst = order == ByteOrder.BIG_ENDIAN ? k : bps - 1 - k;
                        block[off + c * bps + dst] = tmp[k * w + c];
                    }
                }
            } else if (predictor == 2) {
                for (int c = 1; c < w; c++) {
                    int at = off + c * bps;
                    int prev = at - bps;
                    switch (bps) {
                        case 2 -> v.putShort(at, (short) (v.getShort(at) + v.getShort(prev)));
                        case 4 -> v.putInt(at, v.getInt(at) + v.getInt(prev));
                        default -> throw new IOException("horizontal predictor on " + bps + "-byte samples");
                    }
                }
            } else {
                throw new IOException("predictor " + predictor + " is not supported");
            }
        }
    }

    private static Map<Integer, Object> readIfd(ByteBuffer b, long offset) throws IOException {
        if (offset <= 0 || offset + 2 > b.limit()) throw new IOException("bad IFD offset");
        int n = Short.toUnsignedInt(b.getShort((int) offset));
        Map<Integer, Object> tags = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int at = (int) offset + 2 + i * 12;
            int tag = Short.toUnsignedInt(b.getShort(at));
            int type = Short.toUnsignedInt(b.getShort(at + 2));
            long count = Integer.toUnsignedLong(b.getInt(at + 4));
            int size = switch (type) {
                case 1, 2, 6, 7 -> 1;
                case 3, 8 -> 2;
                case 4, 9, 11 -> 4;
                case 5, 10, 12, 16 -> 8;
                default -> 0;
            };
            if (size == 0 || count * size > b.limit()) continue;
            int pos = count * size <= 4 ? at + 8 : b.getInt(at + 8);
            if (type == 2) {
                byte[] s = new byte[(int) count];
                b.get(pos, s);
                tags.put(tag, new String(s, StandardCharsets.US_ASCII).replace("\0", ""));
            } else if (type == 12 || type == 11) {
                double[] d = new double[(int) count];
                for (int k = 0; k < count; k++) d[k] = type == 12 ? b.getDouble(pos + k * 8) : b.getFloat(pos + k * 4);
                tags.put(tag, d);
            } else {
                long[] l = new long[(int) count];
                for (int k = 0; k < count; k++) {
                    l[k] = switch (type) {
                        case 1, 7 -> Byte.toUnsignedInt(b.get(pos + k));
                        case 6 -> b.get(pos + k);
                        case 3 -> Short.toUnsignedInt(b.getShort(pos + k * 2));
                        case 8 -> b.getShort(pos + k * 2);
                        case 4 -> Integer.toUnsignedLong(b.getInt(pos + k * 4));
                        case 9 -> b.getInt(pos + k * 4);
                        case 16 -> b.getLong(pos + k * 8);
                        default -> 0;
                    };
                }
                tags.put(tag, l);
            }
        }
        return tags;
    }

    private static long num(Map<Integer, Object> tags, int tag, long dflt) throws IOException {
        Object v = tags.get(tag);
        if (v instanceof long[] l && l.length > 0) return l[0];
        if (dflt < 0) throw new IOException("required TIFF tag " + tag + " is missing");
        return dflt;
    }

    private static long[] longs(Map<Integer, Object> tags, int tag) {
        return tags.get(tag) instanceof long[] l ? l : null;
    }

    private static double[] doubles(Map<Integer, Object> tags, int tag) {
        return tags.get(tag) instanceof double[] d ? d : null;
    }
}
