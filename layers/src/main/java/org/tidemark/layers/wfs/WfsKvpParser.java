package org.tidemark.layers.wfs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.layers.ows.KvpParams;
import org.tidemark.layers.ows.OwsException;
import org.tidemark.layers.ows.SafeXml;
import org.w3c.dom.Element;

/**
 * Parses KVP-encoded GetFeature and GetPropertyValue requests (WFS 2.0 §7.9.2.4 Tables 7–9, §11.2.2,
 * §10.2.2; WFS 1.1 §14.7.2). Lists in parentheses give one value per query; {@code TYPENAME} and
 * {@code MAXFEATURES} are accepted as the 1.1 spellings.
 */
final class WfsKvpParser {
    static final String GET_FEATURE_BY_ID = "urn:ogc:def:query:OGC-WFS::GetFeatureById";

    private WfsKvpParser() {}

    static GetFeatureRequest parse(KvpParams p, WfsVersion version, boolean propertyValue) {
        long start = p.nonNegative("STARTINDEX", 0);
        long count = p.has("COUNT") || p.has("MAXFEATURES") ? countOf(p) : -1;
        String resultType = p.get("RESULTTYPE");
        boolean hits = false;
        if (resultType != null) {
            switch (resultType.toLowerCase(Locale.ROOT)) {
                case "hits" -> hits = true;
                case "results" -> { }
                default -> throw GeoServiceException.invalid("resultType", "RESULTTYPE must be results or hits");
            }
        }
        String resolve = p.get("RESOLVE");
        if (resolve != null && !List.of("none", "local", "remote", "all").contains(resolve.toLowerCase(Locale.ROOT))) {
            throw GeoServiceException.invalid("resolve", "RESOLVE must be none, local, remote or all");
        }
        OutputFormat format = OutputFormat.parse(p.get("OUTPUTFORMAT"), version);
        String valueReference = null;
        if (propertyValue) {
            if (p.has("VALUEREFERENCE") && p.get("VALUEREFERENCE") == null) {
                throw GeoServiceException.invalid("valueReference", "VALUEREFERENCE is empty");
            }
            valueReference = p.require("VALUEREFERENCE");
        }
        String storedQuery = p.get("STOREDQUERY_ID");
        if (storedQuery != null) {
            if (!GET_FEATURE_BY_ID.equals(storedQuery)) {
                throw GeoServiceException.invalid("STOREDQUERY_ID", "Unknown stored query: " + storedQuery);
            }
            String id = p.require("ID");
            QuerySpec q = new QuerySpec(List.of(), null, null, null, List.of(id), null, null, null, p.get("SRSNAME"));
            return new GetFeatureRequest(version, List.of(q), 0, -1, false, format, valueReference, !propertyValue);
        }
        String typeNames = p.get("TYPENAMES", "TYPENAME");
        String resourceId = p.get("RESOURCEID", version == WfsVersion.V110 ? "FEATUREID" : "RESOURCEID");
        if (typeNames == null && resourceId == null) throw GeoServiceException.missing("typeNames");
        List<List<String>> types = typeNames == null ? List.of(List.of())
                : typeNames.trim().startsWith("(") ? groups(typeNames) : split(typeNames).stream().map(List::of).toList();
        List<String> filters = p.get("FILTER") == null ? null : filterGroups(p.get("FILTER"));
        List<List<String>> props = p.get("PROPERTYNAME") == null ? null : groups(p.get("PROPERTYNAME"));
        String language = p.get("FILTER_LANGUAGE");
        if (language != null && !language.contains("fes") && !language.contains("filter") && !language.contains("FES")) {
            throw GeoServiceException.invalid("filter_language", "Unsupported filter language: " + language);
        }
        if (filters != null && filters.size() != 1 && filters.size() != types.size()) {
            throw GeoServiceException.invalid("filter", "One filter per query is needed");
        }
        if (props != null && props.size() != 1 && props.size() != types.size()) {
            throw GeoServiceException.invalid("propertyName", "One property list per query is needed");
        }
        List<String> ids = resourceId == null ? List.of() : split(resourceId);
        List<QuerySpec> queries = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String fx = filters == null ? null : filters.get(filters.size() == 1 ? 0 : i);
            Element fe = fx == null ? null : SafeXml.parse(fx, "filter").getDocumentElement();
            List<String> pn = props == null ? null : props.get(props.size() == 1 ? 0 : i);
            queries.add(new QuerySpec(types.get(i), fe, fx, p.get("CQL_FILTER"), ids, p.get("BBOX"), pn,
                    p.get("SORTBY"), p.get("SRSNAME")));
        }
        return new GetFeatureRequest(version, queries, start, count, hits, format, valueReference, false);
    }

    private static long countOf(KvpParams p) {
        String name = p.has("COUNT") ? "COUNT" : "MAXFEATURES";
        String v = p.get(name);
        if (v == null) throw GeoServiceException.invalid(name, name + " is empty");
        try {
            long n = Long.parseLong(v);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw GeoServiceException.invalid(name.equals("COUNT") ? "count" : "maxFeatures", name + " must be a non-negative integer: " + v);
        }
    }

    /** {@code a,b} → [[a],[b]] for type names; {@code (a,b)(c)} → [[a,b],[c]]. */
    static List<List<String>> groups(String v) {
        String t = v.trim();
        List<List<String>> out = new ArrayList<>();
        if (t.startsWith("(")) {
            for (String g : t.substring(1, t.endsWith(")") ? t.length() - 1 : t.length()).split("\\)\\s*\\(")) {
                out.add(split(g));
            }
        } else {
            out.add(split(t));
        }
        return out;
    }

    static List<String> split(String v) {
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> filterGroups(String v) {
        String t = v.trim();
        if (!t.startsWith("(")) return List.of(t);
        List<String> out = new ArrayList<>();
        for (String g : t.substring(1, t.endsWith(")") ? t.length() - 1 : t.length()).split("\\)\\s*\\(\\s*(?=<)")) {
            out.add(g.trim());
        }
        if (out.isEmpty()) throw OwsException.parsingFailed("filter", "Empty filter list");
        return out;
    }
}
