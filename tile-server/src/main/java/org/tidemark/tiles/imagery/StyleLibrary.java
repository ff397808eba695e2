package org.tidemark.tiles.imagery;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.style.Fill;
import org.tidemark.core.style.Stroke;
import org.tidemark.core.style.Style;
import org.tidemark.core.style.SldReader;
import org.tidemark.core.style.Symbolizer;

/**
 * The styles imagery is drawn with: the SLD published for a layer ({@code styles/<layer>.sld} on the class
 * path, the same documents WMS uses), or a plain default by geometry kind when a layer has none.
 */
final class StyleLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(StyleLibrary.class);
    private final Map<String, Optional<Style>> cache = new ConcurrentHashMap<>();

    Style style(String layer, GeometryKind kind) {
        return cache.computeIfAbsent(layer, this::load).orElseGet(() -> fallback(layer, kind));
    }

    private Optional<Style> load(String layer) {
        try (InputStream in = StyleLibrary.class.getClassLoader().getResourceAsStream("styles/" + layer + ".sld")) {
            if (in == null) return Optional.empty();
            return SldReader.read(in).layer(layer).flatMap(l -> l.defaultStyleOf());
        } catch (IOException | RuntimeException e) {
            LOG.warn("style for {} unreadable, using the default: {}", layer, e.toString());
            return Optional.empty();
        }
    }

    static Style fallback(String layer, GeometryKind kind) {
        Color c = new Color(0x3a6ea5);
        return switch (kind) {
            case POLYGON, MULTIPOLYGON -> Style.simple(layer, new Symbolizer.Polygon(null, Fill.of(c, 0.35), Stroke.of(c, 1)));
            case LINESTRING, MULTILINESTRING -> Style.simple(layer, new Symbolizer.Line(null, Stroke.of(c, 1.5), 0));
            case POINT, MULTIPOINT -> Style.simple(layer, new Symbolizer.Point(null, org.tidemark.core.style.Graphic.mark(
                    new org.tidemark.core.style.Graphic.Mark("circle", Fill.of(c), Stroke.of(Color.WHITE, 1)), 8)));
            default -> Style.simple(layer, new Symbolizer.Polygon(null, Fill.of(c, 0.35), Stroke.of(c, 1)),
                    new Symbolizer.Line(null, Stroke.of(c, 1.5), 0));
        };
    }
}
