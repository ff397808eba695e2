package org.tidemark.layers.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.source.FeatureSource;

/**
 * The layer catalog as one caller sees it: every layer passes the {@link AccessPolicy} first, and a layer
 * the caller may not see does not exist (it is absent from capabilities and unknown to every request).
 */
public final class GatedCatalog {
    private final LayerCatalog catalog;
    private final AccessPolicy policy;

    public GatedCatalog(LayerCatalog catalog, AccessPolicy policy) {
        this.catalog = catalog;
        this.policy = policy;
    }

    /** The layers the principal may see, in catalog order. */
    public List<GatedLayer> visible(Principal principal) {
        List<GatedLayer> out = new ArrayList<>();
        for (Layer layer : catalog.layers()) {
            gate(principal, layer).ifPresent(out::add);
        }
        return out;
    }

    /** The named layer if it exists and the principal may see it. */
    public Optional<GatedLayer> find(Principal principal, String name) {
        if (name == null) return Optional.empty();
        return catalog.layer(name).flatMap(l -> gate(principal, l));
    }

    private Optional<GatedLayer> gate(Principal principal, Layer layer) {
        AccessDecision decision;
        try {
            decision = policy.decide(principal, layer.name());
        } catch (RuntimeException e) {
            decision = AccessDecision.DENY; // fail closed
        }
        if (decision == null || !decision.visible()) return Optional.empty();
        Optional<FeatureSource> source = catalog.source(layer.name());
        if (source.isEmpty()) return Optional.empty();
        return Optional.of(new GatedLayer(layer, source.get(), decision));
    }
}
