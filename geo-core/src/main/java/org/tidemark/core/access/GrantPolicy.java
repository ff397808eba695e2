package org.tidemark.core.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.SpatialOperator;

/**
 * The access gate of issue #9: a provider's own department sees all of its layers (stewards may edit);
 * everyone sees layers the provider marks public (and edits one only through a whole-layer write grant); anyone
 * else sees a layer only through an active {@link Grant}, narrowed to the grant's attributes, rows and area.
 *
 * <p>Several grants combine without widening: rows are the union of each grant's (row filter AND
 * area), while attributes are the <em>intersection</em> of the grants' attribute sets — otherwise a
 * field granted only for rows R1 would show on rows granted (without that field) for R2. The rule
 * fails closed: an unparsable row filter or area makes that grant grant nothing.
 */
public final class GrantPolicy implements AccessPolicy {
    private final LayerCatalog catalog;
    private final GrantStore grants;
    private final Function<String, Filter> rowFilterParser;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** A layer's grants as read at {@code loadedAt} (System.nanoTime) when the store was at {@code version}. */
    private record Cached(List<Grant> grants, long version, long loadedAt) {}

    /** How long grants read from the store are reused: a write through this instance invalidates at once;
     *  a write through another instance (several servers on one PostGIS) is seen within this time. */
    static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);

    /**
     * @param rowFilterParser parses a grant's CQL2 text row filter (e.g. {@code Cql2TextParser::parse})
     */
    public GrantPolicy(LayerCatalog catalog, GrantStore grants, Function<String, Filter> rowFilterParser, Clock clock) {
        this.catalog = catalog;
        this.grants = grants;
        this.rowFilterParser = rowFilterParser;
        this.clock = clock;
    }

    @Override
    public AccessDecision decide(Principal principal, String layerName) {
        Layer layer = catalog.layer(layerName).orElse(null);
        if (layer == null) return AccessDecision.DENY;
        if (principal.hasRole("admin")) return AccessDecision.FULL;
        String provider = layer.department() == null ? null : layer.department().code();
        if (provider != null && provider.equals(principal.department())) {
            return principal.hasRole("steward") ? AccessDecision.FULL : AccessDecision.READ_ALL;
        }
        if (layer.isPublic()) return writeGranted(principal, layer) ? AccessDecision.FULL : AccessDecision.READ_ALL;
        return fromGrants(principal, layer);
    }

    /**
     * Whether an active grant lets the principal edit the whole of a public layer (everyone reads it already). Only a
     * write grant without row filter and area counts: the decision's row filter bounds reads and writes alike, and on a
     * public layer it must not narrow what everyone may read, so a narrowed write grant cannot be honoured here.
     */
    private boolean writeGranted(Principal principal, Layer layer) {
        var now = clock.instant();
        for (Grant g : grantsOf(layer.name())) {
            if (g.write() && g.activeAt(now) && g.appliesTo(principal) && (g.rowFilter() == null || g.rowFilter().isBlank())
                    && (g.area() == null || g.area().isBlank())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long version() { return grants.version(); }

    private AccessDecision fromGrants(Principal principal, Layer layer) {
        var now = clock.instant();
        List<Filter> rows = new ArrayList<>();
        Set<String> attributes = null;
        boolean allAttributes = true;
        boolean write = false;
        Geometry singleArea = null;
        int applied = 0;
        for (Grant g : grantsOf(layer.name())) {
            if (!g.activeAt(now) || !g.appliesTo(principal)) continue;
            Filter rowFilter;
            Geometry area;
            try {
                rowFilter = g.rowFilter() == null || g.rowFilter().isBlank() ? Filter.INCLUDE : rowFilterParser.apply(g.rowFilter());
                area = g.area() == null || g.area().isBlank() ? null : new WKTReader().read(g.area());
            } catch (ParseException | RuntimeException e) {
                continue; // fail closed: a grant we cannot interpret grants nothing
            }
            Filter scope = area == null ? rowFilter
                    : Filter.and(rowFilter, new Filter.Spatial(SpatialOperator.INTERSECTS, layer.type().geometryName(), area, 0));
            rows.add(scope);
            if (g.attributes() != null) {
                if (allAttributes) {
                    attributes = new HashSet<>(g.attributes());
                    allAttributes = false;
                } else {
                    attributes.retainAll(g.attributes());
                }
            }
            write |= g.write();
            singleArea = applied == 0 ? area : null;
            applied++;
        }
        if (applied == 0) return AccessDecision.DENY;
        Filter rowFilter = rows.stream().anyMatch(f -> f instanceof Filter.Include) ? Filter.INCLUDE
                : rows.size() == 1 ? rows.get(0) : new Filter.Or(rows);
        return new AccessDecision(true, allAttributes ? null : attributes, rowFilter, singleArea, write);
    }

    /** The grants on a layer, read at most once per {@link #CACHE_NANOS} unless the store changed meanwhile:
     *  every read path asks the gate, often for several layers per request. */
    private List<Grant> grantsOf(String layer) {
        long now = System.nanoTime();
        long version = grants.version();
        Cached c = cache.get(layer);
        if (c == null || c.version() != version || now - c.loadedAt() > CACHE_NANOS) {
            c = new Cached(grants.grants(layer), version, now);
            cache.put(layer, c);
        }
        return c.grants();
    }
}
