package org.tidemark.layers.wms;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.access.Principal;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.render.MapRenderer;
import org.tidemark.core.render.MapView;
import org.tidemark.core.render.RenderLayer;
import org.tidemark.core.style.Style;
import org.tidemark.core.style.StyledLayerDescriptor;

/**
 * GetMap (WMS 1.3.0 §7.3): for each requested layer, the access gate, its style (named, default, or
 * from SLD_BODY), a query of the view's box (answered by {@link MapFeatureIndex} for small layers read
 * without filters, else streamed from the store); then {@link MapRenderer} draws them bottom-up.
 */
final class GetMapService {
    /** Extra margin, in pixels, queried around the view so symbols and labels at the edges are drawn. */
    static final double QUERY_MARGIN_PX = 32;
    private final LayerAccess access;
    private final StyleLibrary styles;
    private final MapRenderer renderer;
    private final MapFeatureIndex index = new MapFeatureIndex();

    GetMapService(LayerAccess access, StyleLibrary styles, MapRenderer renderer) {
        this.access = access;
        this.styles = styles;
        this.renderer = renderer;
    }

    /**
     * Rendering is CPU-bound: at most one map per processor is drawn at a time and the others wait in a fair
     * queue, which keeps latency even and memory bounded under bursts (the same reason MapServer runs a
     * few FastCGI processes rather than one per connection).
     */
    private final java.util.concurrent.Semaphore permits =
            new java.util.concurrent.Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    /**
     * A map ready to draw: the view, the layers with their queries, and what decides the picture besides
     * the request — per layer the caller's access decision and the data version, read once (the key of the
     * response cache, and the version the feature index answers for).
     */
    record Prepared(GetMapRequest request, MapView view, List<RenderLayer> layers, List<Object> gates) {}

    BufferedImage render(GetMapRequest r, Principal principal) {
        return render(prepare(r, principal));
    }

    BufferedImage render(Prepared p) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw org.tidemark.core.error.GeoServiceException.unavailable("interrupted while waiting to render", e);
        }
        try {
            return renderer.render(p.view(), p.layers(), p.request().bgcolor(), p.request().transparent());
        } finally {
            permits.release();
        }
    }

    /** Resolves and checks every layer before drawing anything, so errors come before output. */
    Prepared prepare(GetMapRequest r, Principal principal) {
        MapView view = new MapView(r.bbox(), r.width(), r.height(), r.crs().projection());
        Envelope lonLat = view.lonLatQueryEnvelope(QUERY_MARGIN_PX);
        List<RenderLayer> out = new ArrayList<>();
        List<Object> gates = new ArrayList<>();
        for (int i = 0; i < r.layers().size(); i++) {
            String name = r.layers().get(i);
            if (name.isEmpty()) throw WmsErrors.layerNotDefined("(empty)");
            LayerAccess.Granted g = access.resolve(name, principal);
            FeatureType type = g.layer().type();
            Style style = style(r, i, type);
            Filter client = r.cql().isEmpty() ? Filter.INCLUDE : ClientFilters.cql(r.cql().get(i), type, g.decision());
            Filter time = LayerQueries.time(type, r.time());
            FeatureQuery q = LayerQueries.query(g, lonLat, client, time);
            long version = g.source().version();
            gates.add(g.decision());
            gates.add(version);
            out.add(new RenderLayer(name, style, () -> LayerQueries.masked(index.query(g.source(), q, version), g),
                    g.decision().spatialLimit()));
        }
        return new Prepared(r, view, out, gates);
    }

    private Style style(GetMapRequest r, int i, FeatureType type) {
        String styleName = r.styles().get(i);
        if (r.sld() != null) {
            var nl = r.sld().layer(type.name());
            if (nl.isPresent()) {
                StyledLayerDescriptor.NamedLayer l = nl.get();
                return l.style(styleName).or(l::defaultStyleOf).orElseThrow(() -> WmsErrors.styleNotDefined(styleName));
            }
        }
        return styles.style(type, styleName);
    }
}
