package org.tidemark.layers.wms;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.style.Fill;
import org.tidemark.core.style.Graphic;
import org.tidemark.core.style.SldReader;
import org.tidemark.core.style.Stroke;
import org.tidemark.core.style.Style;
import org.tidemark.core.style.StyledLayerDescriptor;
import org.tidemark.core.style.Symbolizer;

/**
 * The named styles of each layer: read from the bundled SLD {@code styles/<layer>.sld} (its default user
 * style first), or a plain style by geometry kind when a layer has no bundled SLD.
 */
final class StyleLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(StyleLibrary.class);
    private final String base;
    private final Map<String, StyledLayerDescriptor.NamedLayer> cache = new ConcurrentHashMap<>();

    StyleLibrary(String base) { this.base = base.endsWith("/") ? base : base + "/"; }

    /** The layer's styles, default first. */
    List<Style> styles(FeatureType type) {
        StyledLayerDescriptor.NamedLayer nl = cache.computeIfAbsent(type.name(), n -> load(type));
        Style def = nl.defaultStyleOf().orElseThrow();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(def),
                nl.styles().stream().filter(s -> s != def)).toList();
    }

    /** The named style of a layer; an empty name means the default (WMS 1.3.0 §7.3.3.4). */
    Style style(FeatureType type, String name) {
        List<Style> all = styles(type);
        if (name == null || name.isEmpty() || name.equalsIgnoreCase("default")) return all.get(0);
        return all.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> WmsErrors.styleNotDefined(name));
    }

    private StyledLayerDescriptor.NamedLayer load(FeatureType type) {
        String path = base + type.name() + ".sld";
        try (InputStream in = StyleLibrary.class.getClassLoader().getResourceAsStream(path)) {
            if (in != null) {
                StyledLayerDescriptor sld = SldReader.read(in);
                Optional<StyledLayerDescriptor.NamedLayer> nl = sld.layers().stream().filter(l -> !l.styles().isEmpty()).findFirst();
                if (nl.isPresent()) return nl.get();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Bundled style {} is unreadable, using the plain style: {}", path, e.getMessage());
        }
        Style plain = plain(type);
        return new StyledLayerDescriptor.NamedLayer(type.name(), List.of(plain), plain.name());
    }

    static Style plain(FeatureType type) {
        Color blue = new Color(0x3366CC);
        Symbolizer s = switch (type.geometryKind()) {
            case POINT, MULTIPOINT -> new Symbolizer.Point(null, Graphic.mark(new Graphic.Mark("circle", Fill.of(blue), Stroke.of(Color.WHITE, 1)), 8));
            case LINESTRING, MULTILINESTRING -> new Symbolizer.Line(null, Stroke.of(blue, 1.5), 0);
            default -> new Symbolizer.Polygon(null, Fill.of(blue, 0.4), Stroke.of(blue, 1));
        };
        return Style.simple("default", s);
    }
}
