package org.tidemark.layers.wms;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Encodes rendered maps: PNG (RGB or RGBA), 8-bit paletted PNG (exact palette when the map has at most
 * 256 colours, else a popularity palette on a 4-bit-per-channel histogram with nearest-colour mapping), and
 * JPEG (composited onto the background colour, since JPEG has no alpha).
 */
final class ImageEncoder {
    private ImageEncoder() {}

    static void write(BufferedImage img, ImageFormat format, Color background, OutputStream out) throws IOException {
        switch (format) {
            case PNG -> png(img, out);
            case PNG8 -> png(PaletteQuantizer.toIndexed(img), out);
            case JPEG -> jpeg(opaque(img, background), out);
        }
    }

    static {
        ImageIO.setUseCache(false); // never a temporary file per image
    }

    private static void png(BufferedImage img, OutputStream out) throws IOException {
        if (PngEncoder.supports(img)) {
            PngEncoder.write(img, out);
            return;
        }
        ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            if (p.canWriteCompressed()) {
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(0.75f); // zlib level ~2: fast, still compact for maps
            }
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
    }

    private static void jpeg(BufferedImage img, OutputStream out) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.85f);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
    }

    static BufferedImage opaque(BufferedImage img, Color background) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) return img;
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(new Color(background.getRGB()));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** Reduces an image to at most 256 colours (with alpha) for {@code image/png; mode=8bit}. */
    static final class PaletteQuantizer {
        private PaletteQuantizer() {}

        static BufferedImage toIndexed(BufferedImage src) {
            int w = src.getWidth();
            int h = src.getHeight();
            int[] px = src.getRGB(0, 0, w, h, null, 0, w);
            boolean alpha = src.getColorModel().hasAlpha();
            for (int i = 0; i < px.length; i++) {
                if (!alpha) px[i] |= 0xFF000000;
                else if ((px[i] >>> 24) == 0) px[i] = 0; // all fully transparent pixels are one colour
            }
            Map<Integer, Integer> exact = new HashMap<>();
            for (int p : px) {
                if (exact.size() > 256) break;
                exact.putIfAbsent(p, exact.size());
            }
            int[] palette;
            if (exact.size() <= 256) {
                palette = new int[exact.size()];
                exact.forEach((c, i) -> palette[i] = c);
            } else {
                palette = popularity(px);
            }
            byte[] r = new byte[palette.length];
            byte[] g = new byte[palette.length];
            byte[] b = new byte[palette.length];
            byte[] a = new byte[palette.length];
            for (int i = 0; i < palette.length; i++) {
                a[i] = (byte) (palette[i] >>> 24);
                r[i] = (byte) (palette[i] >> 16);
                g[i] = (byte) (palette[i] >> 8);
                b[i] = (byte) palette[i];
            }
            IndexColorModel cm = new IndexColorModel(8, Math.max(palette.length, 1), r, g, b, a);
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, cm);
            byte[] data = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
            Map<Integer, Integer> lookup = new HashMap<>();
            for (int i = 0; i < palette.length; i++) lookup.put(palette[i], i);
            for (int i = 0; i < px.length; i++) {
                int c = px[i];
                Integer idx = lookup.get(c);
                if (idx == null) {
                    idx = nearest(palette, c);
                    lookup.put(c, idx);
                }
                data[i] = (byte) (int) idx;
            }
            return out;
        }

        private static int[] popularity(int[] px) {
            Map<Integer, int[]> buckets = new HashMap<>();
            for (int p : px) {
                int key = ((p >>> 28) << 12) | (((p >> 20) & 0xF) << 8) | (((p >> 12) & 0xF) << 4) | ((p >> 4) & 0xF);
                int[] acc = buckets.computeIfAbsent(key, k -> new int[5]);
                acc[0]++;
                acc[1] += p >>> 24;
                acc[2] += (p >> 16) & 0xFF;
                acc[3] += (p >> 8) & 0xFF;
                acc[4] += p & 0xFF;
            }
            return buckets.values().stream().sorted((x, y) -> Integer.compare(y[0], x[0])).limit(256)
                    .mapToInt(acc -> (acc[1] / acc[0]) << 24 | (acc[2] / acc[0]) << 16 | (acc[3] / acc[0]) << 8 | (acc[4] / acc[0]))
                    .toArray();
        }

        private static int nearest(int[] palette, int c) {
            int best = 0;
            long bestD = Long.MAX_VALUE;
            for (int i = 0; i < palette.length; i++) {
                int p = palette[i];
                long da = (p >>> 24) - (c >>> 24);
                long dr = ((p >> 16) & 0xFF) - ((c >> 16) & 0xFF);
                long dg = ((p >> 8) & 0xFF) - ((c >> 8) & 0xFF);
                long db = (p & 0xFF) - (c & 0xFF);
                long d = 2 * da * da + dr * dr + dg * dg + db * db;
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
            return best;
        }
    }
}
