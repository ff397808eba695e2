package org.tidemark.layers.wms;

import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.source.FeatureSource;

/**
 * Resolves a requested layer name through the catalog and the access gate. A layer the principal may not
 * see is reported exactly like a missing one (LayerNotDefined), so its existence does not leak.
 */
final class LayerAccess {
    private final LayerCatalog catalog;
    private final AccessPolicy policy;

    LayerAccess(LayerCatalog catalog, AccessPolicy policy) {
        this.catalog = catalog;
        this.policy = policy;
    }

    record Granted(Layer layer, FeatureSource source, AccessDecision decision) {}

    Granted resolve(String name, Principal principal) {
        Layer layer = catalog.layer(name).orElseThrow(() -> WmsErrors.layerNotDefined(name));
        AccessDecision d = policy.decide(principal, name);
        if (d == null || !d.visible()) throw WmsErrors.layerNotDefined(name);
        FeatureSource src = catalog.source(name).orElseThrow(() -> WmsErrors.layerNotDefined(name));
        return new Granted(layer, src, d);
    }

    /** The layers the principal may see, in catalog order. */
    java.util.List<Granted> visible(Principal principal) {
        java.util.List<Granted> out = new java.util.ArrayList<>();
        for (Layer l : catalog.layers()) {
            AccessDecision d = policy.decide(principal, l.name());
            if (d == null || !d.visible()) continue;
            catalog.source(l.name()).ifPresent(s -> out.add(new Granted(l, s, d)));
        }
        return out;
    }
}
