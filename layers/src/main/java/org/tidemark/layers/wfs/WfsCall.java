package org.tidemark.layers.wfs;

import java.util.List;
import java.util.Set;

/**
 * A WFS request decoded from KVP or XML, before execution.
 *
 * @param request        the operation name as given
 * @param version        the version (null for GetCapabilities before negotiation)
 * @param acceptVersions GetCapabilities AcceptVersions (or VERSION), in preference order
 * @param sections       GetCapabilities sections (empty for all)
 * @param typeNames      DescribeFeatureType type names (empty for all)
 * @param outputFormat   DescribeFeatureType output format, or null
 * @param getFeature     GetFeature/GetPropertyValue details, or null
 * @param storedQueryIds DescribeStoredQueries ids (empty for all)
 */
record WfsCall(String request, WfsVersion version, List<String> acceptVersions, Set<String> sections,
               List<String> typeNames, String outputFormat, GetFeatureRequest getFeature, List<String> storedQueryIds) {
    WfsCall {
        acceptVersions = acceptVersions == null ? List.of() : List.copyOf(acceptVersions);
        sections = sections == null ? Set.of() : Set.copyOf(sections);
        typeNames = typeNames == null ? List.of() : List.copyOf(typeNames);
        storedQueryIds = storedQueryIds == null ? List.of() : List.copyOf(storedQueryIds);
    }
}
