package org.tidemark.core.access;

import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.filter.Filter;

/**
 * What a principal may see of one layer. Read paths apply all of it: hide the layer when not
 * {@code visible}, AND the {@code rowFilter} into every query, clip to {@code spatialLimit}, and drop
 * attributes outside {@code attributes} from output, filters and sort keys alike.
 *
 * @param visible      whether the layer exists for this principal at all
 * @param attributes   the visible attribute names, or null for all
 * @param rowFilter    rows the principal may see ({@link Filter#INCLUDE} for all)
 * @param spatialLimit an area (lon/lat) outside which nothing is visible, or null
 * @param writable     whether the principal may edit
 */
public record AccessDecision(boolean visible, Set<String> attributes, Filter rowFilter, Geometry spatialLimit,
                             boolean writable) {
    public static final AccessDecision DENY = new AccessDecision(false, Set.of(), Filter.EXCLUDE, null, false);
    public static final AccessDecision FULL = new AccessDecision(true, null, Filter.INCLUDE, null, true);
    public static final AccessDecision READ_ALL = new AccessDecision(true, null, Filter.INCLUDE, null, false);

    public AccessDecision {
        if (attributes != null) attributes = Set.copyOf(attributes);
        if (rowFilter == null) rowFilter = Filter.INCLUDE;
    }

    public boolean attributeVisible(String name) { return attributes == null || attributes.contains(name); }
}
