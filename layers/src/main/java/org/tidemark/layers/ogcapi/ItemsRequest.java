package org.tidemark.layers.ogcapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.crs.Crs;
import org.tidemark.core.crs.CrsReference;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.SpatialOperator;
import org.tidemark.core.filter.TemporalOperator;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.query.SortKey;
import org.tidemark.layers.fes.Literals;
import org.tidemark.layers.web.Cql;
import org.tidemark.layers.web.WireCrs;

/**
 * The query parameters of {@code /collections/{id}/items} (OGC API – Features Part 1 §7.15, Part 2 §6, Part 3
 * §7–§8), validated into a {@link FeatureQuery}: {@code limit} (clamped to the maximum, Part 1 §7.15.3),
 * {@code offset}, {@code bbox} with {@code bbox-crs}, {@code datetime} (instant or interval, {@code ..} open),
 * {@code crs}, {@code filter} with {@code filter-lang} (cql2-text, cql2-json) and {@code filter-crs},
 * {@code sortby} ({@code +a,-b}), {@code properties}, and equality filters on queryables used as parameters.
 * Any other parameter is a 400 (Part 1 /req/core/query-param-unknown).
 *
 * @param query      the feature query (paged)
 * @param crs        the response CRS
 * @param limit      the page size
 * @param offset     the page start
 * @param properties the properties to write
 */
record ItemsRequest(FeatureQuery query, WireCrs crs, int limit, long offset, List<String> properties) {
    static final Set<String> COMMON = Set.of("f", "token", "tk", "lang");
    static final Set<String> ITEMS = Set.of("limit", "offset", "bbox", "bbox-crs", "datetime", "crs", "filter",
            "filter-lang", "filter-crs", "sortby", "properties");
    static final List<Integer> CRS_CODES = List.of(4490, 4326, 3857, 4549, 4550, 4528, 4529);
    private static final GeometryFactory GF = new GeometryFactory();

    /** The CRS URIs the collections offer (Part 2 §6.2), CRS84 first. */
    static List<String> crsList() {
        List<String> out = new ArrayList<>();
        out.add(WireCrs.CRS84.spelling());
        for (int c : CRS_CODES) out.add("http://www.opengis.net/def/crs/EPSG/0/" + c);
        return out;
    }

    static WireCrs crs(String uri, String locator) {
        if (uri == null) return WireCrs.CRS84;
        if (!crsList().contains(uri.trim())) {
            throw GeoServiceException.invalid(locator, "Unsupported CRS: " + uri + " (supported: " + String.join(", ", crsList()) + ")");
        }
        return WireCrs.decode(uri.trim(), locator);
    }

    static ItemsRequest parse(Map<String, String[]> raw, FeatureType type, int defaultLimit, int maxLimit) {
        for (String name : raw.keySet()) {
            if (!COMMON.contains(name) && !ITEMS.contains(name) && !(type.attribute(name).isPresent())) {
                throw GeoServiceException.invalid(name, "Unknown query parameter: " + name);
            }
        }
        int limit = defaultLimit;
        String l = one(raw, "limit");
        if (l != null) {
            try {
                long v = Long.parseLong(l.trim());
                if (v < 1) throw new NumberFormatException();
                limit = (int) Math.min(v, maxLimit);
            } catch (NumberFormatException e) {
                throw GeoServiceException.invalid("limit", "limit must be a positive integer");
            }
        }
        long offset = 0;
        String o = one(raw, "offset");
        if (o != null) {
            try {
                offset = Long.parseLong(o.trim());
                if (offset < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw GeoServiceException.invalid("offset", "offset must be a non-negative integer");
            }
        }
        WireCrs crs = crs(one(raw, "crs"), "crs");
        List<Filter> parts = new ArrayList<>();
        String bbox = one(raw, "bbox");
        if (bbox != null) parts.add(bbox(bbox, crs(one(raw, "bbox-crs"), "bbox-crs"), type));
        else if (one(raw, "bbox-crs") != null) crs(one(raw, "bbox-crs"), "bbox-crs");
        String datetime = one(raw, "datetime");
        if (datetime != null) {
            Filter t = datetime(datetime, type);
            if (t != null) parts.add(t);
        }
        String filter = one(raw, "filter");
        String lang = one(raw, "filter-lang");
        String filterCrs = one(raw, "filter-crs");
        if (filter != null) {
            CrsReference fcrs = null;
            if (filterCrs != null) {
                crs(filterCrs, "filter-crs");
                fcrs = Crs.decode(filterCrs.trim(), "filter-crs");
            }
            String language = lang == null ? "cql2-text" : lang.trim().toLowerCase(Locale.ROOT);
            parts.add(switch (language) {
                case "cql2-text" -> Cql.parseText(filter, fcrs, type, "filter");
                case "cql2-json" -> Cql.parseJson(filter, fcrs, type, "filter");
                default -> throw GeoServiceException.invalid("filter-lang", "Unsupported filter-lang: " + lang + " (cql2-text, cql2-json)");
            });
        } else if (lang != null && !List.of("cql2-text", "cql2-json").contains(lang.trim().toLowerCase(Locale.ROOT))) {
            throw GeoServiceException.invalid("filter-lang", "Unsupported filter-lang: " + lang);
        }
        for (String name : raw.keySet()) {
            if (type.attribute(name).isPresent() && !ITEMS.contains(name) && !COMMON.contains(name)) {
                AttributeType at = type.attribute(name).get().type();
                parts.add(new Filter.Comparison(name, ComparisonOperator.EQ, Literals.typed(one(raw, name), at, name), true));
            }
        }
        List<String> properties = type.attributeNames();
        String props = one(raw, "properties");
        if (props != null) {
            Set<String> wanted = new LinkedHashSet<>();
            for (String p : props.split(",")) {
                String t = p.trim();
                if (t.isEmpty()) continue;
                if (!type.hasProperty(t)) throw GeoServiceException.invalid("properties", "Unknown property: " + t);
                wanted.add(t);
            }
            properties = type.attributeNames().stream().filter(wanted::contains).toList();
        }
        List<SortKey> sort = new ArrayList<>();
        String sortby = one(raw, "sortby");
        if (sortby != null) {
            for (String s : sortby.split(",")) {
                String t = s.trim();
                if (t.isEmpty()) continue;
                boolean asc = !t.startsWith("-");
                String name = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
                if (name.endsWith(" DESC") || name.endsWith(" ASC")) {
                    asc = name.endsWith(" ASC");
                    name = name.substring(0, name.lastIndexOf(' '));
                }
                if (type.attribute(name).isEmpty()) throw GeoServiceException.invalid("sortby", "Not sortable: " + name);
                sort.add(new SortKey(name, asc));
            }
        }
        FeatureQuery q = new FeatureQuery(type.name(), Filter.and(parts.toArray(Filter[]::new)), null, properties, sort, offset, limit);
        return new ItemsRequest(q, crs, limit, offset, properties);
    }

    static String one(Map<String, String[]> raw, String name) {
        String[] v = raw.get(name);
        if (v == null || v.length == 0) return null;
        if (v.length > 1) throw GeoServiceException.invalid(name, name + " given more than once");
        return v[0];
    }

    private static Filter bbox(String text, WireCrs crs, FeatureType type) {
        String[] parts = text.split(",");
        if (parts.length != 4 && parts.length != 6) throw GeoServiceException.invalid("bbox", "bbox needs 4 or 6 numbers");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
                if (!Double.isFinite(v[i])) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw GeoServiceException.invalid("bbox", "bbox value is not a number: " + parts[i]);
            }
        }
        double a1 = v[0], b1 = v[1], a2 = parts.length == 4 ? v[2] : v[3], b2 = parts.length == 4 ? v[3] : v[4];
        if (b1 > b2) throw GeoServiceException.invalid("bbox", "bbox lower bound exceeds upper bound");
        Envelope e;
        if (!crs.swap() && a1 > a2 && crs.crs() == null) {
            // Part 1 §7.15.4: a box crossing the antimeridian; covered as the union of both sides.
            e = new Envelope(-180, 180, b1, b2);
        } else {
            if (a1 > a2) throw GeoServiceException.invalid("bbox", "bbox lower bound exceeds upper bound");
            e = crs.toInternal(a1, b1, a2, b2);
        }
        return new Filter.Spatial(SpatialOperator.BBOX, type.geometryName(), GF.toGeometry(e), 0);
    }

    /** RFC 3339 instant or interval ({@code ..} or empty for open ends); null when the type has no time. */
    static Filter datetime(String text, FeatureType type) {
        Instant start;
        Instant end;
        try {
            String t = text.trim();
            int slash = t.indexOf('/');
            if (slash < 0) {
                start = Literals.instant(t);
                end = null;
            } else {
                String a = t.substring(0, slash).trim();
                String b = t.substring(slash + 1).trim();
                start = a.isEmpty() || a.equals("..") ? Instant.MIN : Literals.instant(a);
                end = b.isEmpty() || b.equals("..") ? Instant.MAX : Literals.instant(b);
                if (start != Instant.MIN && end != Instant.MAX && start.isAfter(end)) {
                    throw GeoServiceException.invalid("datetime", "datetime interval ends before it starts");
                }
            }
        } catch (java.time.DateTimeException e) {
            throw GeoServiceException.invalid("datetime", "datetime is not an RFC 3339 instant or interval: " + text);
        }
        if (!type.hasTime()) return null;
        if (end == null) return new Filter.Temporal(TemporalOperator.TEQUALS, type.timeAttribute(), start, null);
        return new Filter.Temporal(TemporalOperator.INTERSECTS, type.timeAttribute(), start, end);
    }
}
