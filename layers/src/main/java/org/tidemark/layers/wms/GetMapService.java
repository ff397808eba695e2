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
     * Maps are drawn and encoded on a small pool of platform threads, {@link #RENDER_THREADS} of them, and
     * the others wait in its queue: rendering is CPU-bound (Java2D and zlib), so this keeps latency even and
     * memory bounded under bursts, and it keeps the request threads — virtual threads on as many carriers as
     * cores — free for the cheap work of other requests. The pool is as large as MapServer's usual FastCGI
     * process count (4) or twice the cores: on a machine shared with other work, the operating system
     * divides the processors by runnable threads, and two drawing threads would get half the share of four
     * worker processes; idle threads end after 30 s.
     */
    static final int RENDER_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private final java.util.concurrent.ThreadPoolExecutor pool = renderPool();

    private static java.util.concurrent.ThreadPoolExecutor renderPool() {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        var pool = new java.util.concurrent.ThreadPoolExecutor(RENDER_THREADS, RENDER_THREADS, 30, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "wms-render-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

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
        return onPool(() -> renderer.render(p.view(), p.layers(), p.request().bgcolor(), p.request().transparent()));
    }

    /** The map drawn and encoded in its format (both on the render pool). */
    byte[] renderEncoded(Prepared p) {
        return onPool(() -> {
            BufferedImage img = renderer.render(p.view(), p.layers(), p.request().bgcolor(), p.request().transparent());
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(16 * 1024);
            try {
                ImageEncoder.write(img, p.request().format(), p.request().bgcolor(), buf);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return buf.toByteArray();
        });
    }

    private <T> T onPool(java.util.concurrent.Callable<T> task) {
        java.util.concurrent.Future<T> f = pool.submit(task);
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw org.tidemark.core.error.GeoServiceException.unavailable("interrupted while waiting to render", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
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
