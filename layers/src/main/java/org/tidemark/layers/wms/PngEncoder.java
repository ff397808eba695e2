package org.tidemark.layers.wms;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A fast PNG writer (W3C PNG 2nd ed., ISO/IEC 15948) for rendered maps in {@code TYPE_INT_ARGB} (colour type
 * 6) or {@code TYPE_INT_RGB} (type 2), 8 bits per sample. Each row uses the Sub or Up filter, whichever gives
 * the smaller sum of absolute values (a cheap form of the §12.8 heuristic that suits flat map areas), then
 * zlib at a fast level, in one IDAT chunk.
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int LEVEL = 3;

    private PngEncoder() {}

    static boolean supports(BufferedImage img) {
        return (img.getType() == BufferedImage.TYPE_INT_ARGB || img.getType() == BufferedImage.TYPE_INT_RGB)
                && img.getRaster().getDataBuffer() instanceof DataBufferInt && img.getRaster().getParent() == null;
    }

    static void write(BufferedImage img, OutputStream out) throws IOException {
        int w = img.getWidth();
        int h = img.getHeight();
        boolean alpha = img.getType() == BufferedImage.TYPE_INT_ARGB;
        int bpp = alpha ? 4 : 3;
        int stride = w * bpp;
        out.write(SIGNATURE);
        byte[] ihdr = new byte[13];
        put32(ihdr, 0, w);
        put32(ihdr, 4, h);
        ihdr[8] = 8;
        ihdr[9] = (byte) (alpha ? 6 : 2);
        chunk(out, "IHDR", ihdr, ihdr.length);

        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        byte[] prev = new byte[stride];
        byte[] cur = new byte[stride];
        byte[] sub = new byte[stride + 1];
        byte[] up = new byte[stride + 1];
        sub[0] = 1;
        up[0] = 2;
        Deflater z = new Deflater(LEVEL);
        byte[] buf = new byte[16 * 1024];
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream(Math.max(4096, stride * h / 8));
        try {
            for (int y = 0; y < h; y++) {
                if (alpha) unpackArgb(px, y * w, w, cur);
                else unpackRgb(px, y * w, w, cur);
                int sSub = filterSub(cur, bpp, sub);
                byte[] row = sub;
                if (y > 0 && filterUp(cur, prev, up) < sSub) row = up;
                z.setInput(row);
                while (!z.needsInput()) idat.write(buf, 0, z.deflate(buf));
                byte[] t = prev;
                prev = cur;
                cur = t;
            }
            z.finish();
            while (!z.finished()) idat.write(buf, 0, z.deflate(buf));
        } finally {
            z.end();
        }
        byte[] data = idat.toByteArray();
        chunk(out, "IDAT", data, data.length);
        chunk(out, "IEND", new byte[0], 0);
    }

    private static void unpackArgb(int[] px, int off, int w, byte[] row) {
        for (int x = 0, i = 0; x < w; x++, i += 4) {
            int p = px[off + x];
            row[i] = (byte) (p >> 16);
            row[i + 1] = (byte) (p >> 8);
            row[i + 2] = (byte) p;
            row[i + 3] = (byte) (p >>> 24);
        }
    }

    private static void unpackRgb(int[] px, int off, int w, byte[] row) {
        for (int x = 0, i = 0; x < w; x++, i += 3) {
            int p = px[off + x];
            row[i] = (byte) (p >> 16);
            row[i + 1] = (byte) (p >> 8);
            row[i + 2] = (byte) p;
        }
    }

    /** PNG filter type 1 into {@code out[1..]}; returns the sum of absolute filtered values. */
    private static int filterSub(byte[] cur, int bpp, byte[] out) {
        int sum = 0;
        for (int k = 0; k < bpp; k++) {
            byte v = cur[k];
            out[k + 1] = v;
            sum += Math.abs(v);
        }
        for (int k = bpp; k < cur.length; k++) {
            byte v = (byte) (cur[k] - cur[k - bpp]);
            out[k + 1] = v;
            sum += Math.abs(v);
        }
        return sum;
    }

    /** PNG filter type 2 into {@code out[1..]}; returns the sum of absolute filtered values. */
    private static int filterUp(byte[] cur, byte[] prev, byte[] out) {
        int sum = 0;
        for (int k = 0; k < cur.length; k++) {
            byte v = (byte) (cur[k] - prev[k]);
            out[k + 1] = v;
            sum += Math.abs(v);
        }
        return sum;
    }

    private static void chunk(OutputStream out, String type, byte[] data, int len) throws IOException {
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] n = new byte[4];
        put32(n, 0, len);
        out.write(n);
        out.write(t);
        out.write(data, 0, len);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, len);
        put32(n, 0, (int) crc.getValue());
        out.write(n);
    }

    private static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
