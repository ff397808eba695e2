package org.tidemark.layers.wfs;

import java.util.List;
import org.w3c.dom.Element;

/**
 * One query of a GetFeature/GetPropertyValue request, as parsed from KVP or XML and before it meets the
 * catalog (WFS 2.0 §7.9.2 Query, §7.9.3 StoredQuery GetFeatureById).
 *
 * @param typeNames     the requested type names as given (prefixes allowed); empty with resource ids only
 * @param filter        an FES filter element, or null
 * @param filterXml     the filter's text (for next/previous links), or null
 * @param cql           a CQL2 text filter (GeoServer-style CQL_FILTER), or null
 * @param resourceIds   published resource ids ({@code type.id}), or empty
 * @param bbox          the BBOX values (4 numbers and an optional CRS), or null
 * @param propertyNames property selection, or null for all
 * @param sortBy        sort specification, e.g. {@code name ASC,height DESC}, or null
 * @param srsName       the output CRS spelling, or null
 */
record QuerySpec(List<String> typeNames, Element filter, String filterXml, String cql, List<String> resourceIds,
                 String bbox, List<String> propertyNames, String sortBy, String srsName) {
    QuerySpec {
        typeNames = List.copyOf(typeNames);
        resourceIds = resourceIds == null ? List.of() : List.copyOf(resourceIds);
        if (propertyNames != null) propertyNames = List.copyOf(propertyNames);
    }
}
