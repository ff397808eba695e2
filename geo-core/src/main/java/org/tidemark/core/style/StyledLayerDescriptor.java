package org.tidemark.core.style;

import java.util.List;
import java.util.Optional;

/**
 * The content of an SLD document (OGC 02-070 §11, OGC 05-078r4 §11): the styles given per named layer.
 * A bare SE {@code FeatureTypeStyle} or {@code UserStyle} document reads as one layer with an empty name.
 */
public record StyledLayerDescriptor(List<NamedLayer> layers) {
    public StyledLayerDescriptor { layers = List.copyOf(layers); }

    /**
     * The user styles given for one layer.
     *
     * @param name         the layer name (empty for a bare style document)
     * @param styles       the styles, in document order
     * @param defaultStyle the name of the style flagged {@code IsDefault}, else the first one's
     */
    public record NamedLayer(String name, List<Style> styles, String defaultStyle) {
        public NamedLayer { styles = List.copyOf(styles); }

        public Optional<Style> style(String styleName) {
            if (styleName == null || styleName.isEmpty()) return defaultStyleOf();
            return styles.stream().filter(s -> s.name().equals(styleName)).findFirst();
        }

        public Optional<Style> defaultStyleOf() {
            return styles.stream().filter(s -> s.name().equals(defaultStyle)).findFirst().or(() -> styles.stream().findFirst());
        }
    }

    public Optional<NamedLayer> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
