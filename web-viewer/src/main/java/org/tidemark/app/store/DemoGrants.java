package org.tidemark.app.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.tidemark.core.access.Grant;
import org.tidemark.core.access.GrantStore;

/**
 * The sharing arrangements of the Xiangshan demo, so a first start shows governance at work: the
 * emergency bureau shares its flood zones, the storm surge's flood progression and low-lying areas with planners and the water bureau; the
 * water bureau shares its station register and works with planners and emergency; police and ocean
 * bureaus share their cameras with the emergency bureau — police only some fields.
 */
final class DemoGrants {
    private DemoGrants() {}

    static void seedIfEmpty(GrantStore store) {
        if (!store.allGrants().isEmpty()) return;
        Instant now = Instant.now();
        record G(String layer, String grantee, Set<String> fields, String steward) {}
        List<G> grants = List.of(
                new G("flood_zones", "dept:planning", null, "commander"),
                new G("flood_zones", "dept:water", null, "commander"),
                new G("flood_progression", "dept:planning", null, "commander"),
                new G("flood_progression", "dept:water", null, "commander"),
                new G("low_lying_areas", "dept:planning", null, "commander"),
                new G("low_lying_areas", "dept:water", null, "commander"),
                new G("hydro_stations", "dept:emergency", null, "water"),
                new G("hydro_stations", "dept:planning", null, "water"),
                new G("reservoirs", "dept:planning", null, "water"),
                new G("reservoirs", "dept:emergency", null, "water"),
                new G("seawalls", "dept:planning", null, "water"),
                new G("seawalls", "dept:emergency", null, "water"),
                new G("police_cameras", "dept:emergency", Set.of("code", "name", "heading", "fov", "range_m", "road"), "police"),
                new G("coastal_cameras", "dept:emergency", null, "ocean"));
        for (G g : grants) {
            store.save(new Grant(null, g.layer(), g.grantee(), g.fields(), null, null, false, null, null, g.steward(), now));
        }
    }
}
