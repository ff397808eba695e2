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

    BufferedImage render(GetMapRequest r, Principal principal) {
        MapView view = new MapView(r.bbox(), r.width(), r.height(), r.crs().projection());
        List<RenderLayer> layers = prepare(r, principal, view);
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw org.tidemark.core.error.GeoServiceException.unavailable("interrupted while waiting to render", e);
        }
        try {
            return renderer.render(view, layers, r.bgcolor(), r.transparent());
        } finally {
            permits.release();
        }
    }

    /** What decides the picture besides the request: per layer, the caller's access decision and the data version. */
    List<Object> gates(GetMapRequest r, Principal principal) {
        List<Object> out = new ArrayList<>();
        for (String name : r.layers()) {
            if (name.isEmpty()) throw WmsErrors.layerNotDefined("(empty)");
            LayerAccess.Granted g = access.resolve(name, principal);
            out.add(g.decision());
            out.add(g.source().version());
        }
        return out;
    }

    /** Resolves and checks every layer before drawing anything, so errors come before output. */
    List<RenderLayer> prepare(GetMapRequest r, Principal principal, MapView view) {
        Envelope lonLat = view.lonLatQueryEnvelope(QUERY_MARGIN_PX);
        List<RenderLayer> out = new ArrayList<>();
        for (int i = 0; i < r.layers().size(); i++) {
            String name = r.layers().get(i);
            if (name.isEmpty()) throw WmsErrors.layerNotDefined("(empty)");
            LayerAccess.Granted g = access.resolve(name, principal);
            FeatureType type = g.layer().type();
            Style style = style(r, i, type);
            Filter client = r.cql().isEmpty() ? Filter.INCLUDE : ClientFilters.cql(r.cql().get(i), type, g.decision());
            Filter time = LayerQueries.time(type, r.time());
            FeatureQuery q = LayerQueries.query(g, lonLat, client, time);
            out.add(new RenderLayer(name, style, () -> LayerQueries.masked(index.query(g.source(), q), g), g.decision().spatialLimit()));
        }
        return out;
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
