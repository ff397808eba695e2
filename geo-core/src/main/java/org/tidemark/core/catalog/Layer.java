package org.tidemark.core.catalog;

import java.util.List;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.LocalizedText;

/**
 * A published layer: a feature type plus who provides it and how it is shared. This is what the
 * catalog lists, what capabilities documents advertise, and what access grants refer to.
 *
 * @param type            the schema (its name is the layer name)
 * @param department      the provider
 * @param keywords        search keywords
 * @param updateFrequency e.g. {@code static}, {@code daily}, {@code realtime}
 * @param isPublic        visible to everyone without a grant
 * @param live            backed by live sensor data
 * @param contact         the data steward's contact
 */
public record Layer(FeatureType type, Department department, List<String> keywords, String updateFrequency,
                    boolean isPublic, boolean live, String contact) {
    public Layer { keywords = keywords == null ? List.of() : List.copyOf(keywords); }

    public String name() { return type.name(); }

    public LocalizedText title() { return type.title(); }
}
