package org.tidemark.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Golden-image comparison with a per-pixel tolerance: a pixel matches when every channel (alpha included)
 * is within {@link #CHANNEL_TOLERANCE}; an image matches when at most {@link #MAX_DIFFERENT_FRACTION} of its
 * pixels do not (room for antialiasing and font rasteriser differences between JDK builds, none for a
 * wrong colour, place or glyph). Goldens live in {@code src/test/resources/golden/}; run the tests with
 * {@code -Dgolden.update=true} to write them after a deliberate change, and look at them before committing.
 * A failing comparison writes the actual image next to the build output for inspection.
 */
public final class GoldenImage {
    public static final int CHANNEL_TOLERANCE = 40;
    public static final double MAX_DIFFERENT_FRACTION = 0.004;

    private GoldenImage() {}

    public static void assertMatches(BufferedImage actual, String name) {
        String resource = "golden/" + name + ".png";
        try {
            if (Boolean.getBoolean("golden.update")) {
                Path file = Path.of("src/test/resources", resource);
                Files.createDirectories(file.getParent());
                ImageIO.write(actual, "png", file.toFile());
                return;
            }
            BufferedImage expected;
            try (InputStream in = GoldenImage.class.getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as("golden image %s (write it with -Dgolden.update=true)", resource).isNotNull();
                expected = ImageIO.read(in);
            }
            assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
            assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
            long different = differentPixels(expected, actual);
            long allowed = (long) (MAX_DIFFERENT_FRACTION * actual.getWidth() * actual.getHeight());
            if (different > allowed) {
                Path out = Path.of("target", "golden-actual", name + ".png");
                Files.createDirectories(out.getParent());
                ImageIO.write(actual, "png", out.toFile());
            }
            assertThat(different).as("pixels of %s differing by more than %d in a channel (actual image in target/golden-actual)",
                    name, CHANNEL_TOLERANCE).isLessThanOrEqualTo(allowed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long differentPixels(BufferedImage a, BufferedImage b) {
        long n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    if (Math.abs(((p >>> shift) & 0xFF) - ((q >>> shift) & 0xFF)) > CHANNEL_TOLERANCE) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }
}
