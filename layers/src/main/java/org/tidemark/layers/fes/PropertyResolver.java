package org.tidemark.layers.fes;

import java.util.Optional;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.layers.ows.OwsException;

/**
 * Resolves value references (FES 2.0 §7.4.4, the minimal XPath subset) against a published feature type:
 * {@code name}, {@code tm:name}, {@code tm:roads/tm:name} and {@code roads/name} all name the attribute
 * {@code name}. Only properties of the (access-masked) type exist; anything else is an invalid value.
 */
public final class PropertyResolver {
    private final FeatureType type;

    public PropertyResolver(FeatureType type) { this.type = type; }

    public FeatureType type() { return type; }

    /** The attribute or geometry name a reference denotes; InvalidParameterValue when unknown. */
    public String resolve(String reference, String locator) {
        String name = localName(reference);
        if (name == null || !type.hasProperty(name)) {
            throw OwsException.invalidValue(locator, "Unknown property: " + Literals.abbreviate(String.valueOf(reference)));
        }
        return name;
    }

    /** The value type of an attribute, or null for the geometry. */
    public AttributeType typeOf(String name) {
        return type.attribute(name).map(Attribute::type).orElse(null);
    }

    public boolean isGeometry(String name) { return type.geometryName().equals(name); }

    public Optional<String> timeAttribute() { return Optional.ofNullable(type.timeAttribute()); }

    /** Strips namespace prefixes and a leading type step; null when the path has other steps. */
    String localName(String reference) {
        if (reference == null) return null;
        String r = reference.trim();
        if (r.startsWith("/")) r = r.substring(1);
        String[] steps = r.split("/");
        if (steps.length == 2 && strip(steps[0]).equals(type.name())) r = steps[1];
        else if (steps.length != 1) return null;
        return strip(r);
    }

    private static String strip(String step) {
        int colon = step.indexOf(':');
        return colon >= 0 ? step.substring(colon + 1) : step;
    }
}
