package org.tidemark.layers.wms;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

    private static BufferedImage roundTrip(BufferedImage img) throws Exception {
        assertThat(PngEncoder.supports(img)).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngEncoder.write(img, out);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back).as("decodable PNG").isNotNull();
        assertThat(back.getWidth()).isEqualTo(img.getWidth());
        assertThat(back.getHeight()).isEqualTo(img.getHeight());
        return back;
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual, boolean alpha) {
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int e = expected.getRGB(x, y);
                int a = actual.getRGB(x, y);
                if (!alpha) {
                    e |= 0xFF000000;
                    a |= 0xFF000000;
                }
                assertThat(Integer.toHexString(a)).as("pixel %d,%d", x, y).isEqualTo(Integer.toHexString(e));
            }
        }
    }

    private static BufferedImage map(int type) {
        BufferedImage img = new BufferedImage(256, 256, type);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(255, 159, 64, 150));
        g.fillRect(10, 20, 120, 90);
        g.setColor(new Color(31, 58, 147, 46));
        g.fill(new Ellipse2D.Double(80, 60, 140, 150));
        g.setColor(new Color(166, 30, 30));
        g.setStroke(new BasicStroke(0.8f));
        g.drawLine(0, 255, 255, 3);
        g.dispose();
        return img;
    }

    @Test
    void argbMapsDecodeToTheSamePixelsIncludingAlpha() throws Exception {
        BufferedImage img = map(BufferedImage.TYPE_INT_ARGB);
        assertSamePixels(img, roundTrip(img), true);
    }

    @Test
    void rgbMapsDecodeToTheSamePixels() throws Exception {
        BufferedImage img = map(BufferedImage.TYPE_INT_RGB);
        BufferedImage back = roundTrip(img);
        assertThat(back.getColorModel().hasAlpha()).isFalse();
        assertSamePixels(img, back, false);
    }

    @Test
    void premultipliedMapsAreWrittenStraight() throws Exception {
        BufferedImage pre = map(BufferedImage.TYPE_INT_ARGB_PRE);
        BufferedImage back = roundTrip(pre);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                int e = pre.getRGB(x, y); // straight ARGB through the colour model
                int a = back.getRGB(x, y);
                assertThat(a >>> 24).isEqualTo(e >>> 24);
                if ((e >>> 24) == 0) continue;
                // un-premultiplying twice (Java2D's and ours) may round differently by a step or two
                for (int shift = 0; shift < 24; shift += 8) {
                    assertThat(Math.abs(((a >> shift) & 0xFF) - ((e >> shift) & 0xFF))).as("pixel %d,%d", x, y).isLessThanOrEqualTo(3);
                }
            }
        }
    }

    @Test
    void noiseWithEveryByteValueSurvivesTheFilters() throws Exception {
        // random samples: every byte value in every channel, in R, G, B, A order
        Random random = new Random(5);
        for (int type : new int[] {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB}) {
            BufferedImage img = new BufferedImage(37, 23, type);
            for (int y = 0; y < 23; y++) for (int x = 0; x < 37; x++) img.setRGB(x, y, random.nextInt());
            assertSamePixels(img, roundTrip(img), type == BufferedImage.TYPE_INT_ARGB);
        }
    }

    @Test
    void largeIncompressibleImagesGrowTheOutputBuffer() throws Exception {
        Random random = new Random(3);
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 200; y++) for (int x = 0; x < 300; x++) img.setRGB(x, y, random.nextInt());
        assertSamePixels(img, roundTrip(img), true);
    }
}
