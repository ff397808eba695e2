package org.tidemark.core.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * Loads the images of {@code ExternalGraphic}s from the classpath below a base folder (e.g. {@code styles/}),
 * caching them. Only bundled files are read: no URLs, no absolute paths, no {@code ..}.
 */
public final class IconLoader {
    private final String base;
    private final ClassLoader loader;
    private final Map<String, Optional<BufferedImage>> cache = new ConcurrentHashMap<>();

    public IconLoader(String base, ClassLoader loader) {
        this.base = base.endsWith("/") || base.isEmpty() ? base : base + "/";
        this.loader = loader;
    }

    public static IconLoader classpath(String base) {
        return new IconLoader(base, IconLoader.class.getClassLoader());
    }

    public Optional<BufferedImage> load(String href) {
        if (href == null || href.contains("..") || href.contains(":") || href.startsWith("/")) return Optional.empty();
        return cache.computeIfAbsent(href, h -> {
            try (InputStream in = loader.getResourceAsStream(base + h)) {
                return in == null ? Optional.empty() : Optional.ofNullable(ImageIO.read(in));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }
}
