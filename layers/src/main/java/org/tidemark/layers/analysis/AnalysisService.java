package org.tidemark.layers.analysis;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.coverage.ElevationModel;

/**
 * The facade the processes endpoint calls: each run reads the layers as the given principal, through
 * the same access gate as every protocol.
 */
public final class AnalysisService {
    private final LayerCatalog catalog;
    private final AccessPolicy policy;
    private final SitingCheck siting;
    private final Inundation inundation;

    public AnalysisService(LayerCatalog catalog, AccessPolicy policy, ElevationModel dem, SitingRules rules) {
        this.catalog = catalog;
        this.policy = policy;
        this.siting = new SitingCheck(dem, rules);
        this.inundation = new Inundation(dem);
    }

    public SitingRules rules() { return siting.rules(); }

    /** @param siteLonLat the site polygon in lon/lat (CGCS2000) */
    public SitingReport siting(Principal principal, Geometry siteLonLat, String projectType) {
        return siting.run(new LayerReader(catalog, policy, principal), siteLonLat, projectType);
    }

    /** @param level metres, or null for the gauge's current reading */
    public InundationResult inundation(Principal principal, String gauge, Coordinate point, Double level) {
        return inundation.run(new LayerReader(catalog, policy, principal), gauge, point, level);
    }
}
