package org.tidemark.layers.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tidemark.layers.wms.WmsTestSupport.call;
import static org.tidemark.layers.wms.WmsTestSupport.image;
import static org.tidemark.layers.wms.WmsTestSupport.rgb;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.tidemark.core.source.memory.MemoryFeatureSource;
import org.tidemark.core.source.memory.MemoryLayerCatalog;

class MapResponseCacheControllerTest {
    private static final String[] MAP = {"SERVICE", "WMS", "REQUEST", "GetMap", "VERSION", "1.3.0", "LAYERS", "gauges",
        "STYLES", "", "CRS", "CRS:84", "BBOX", "121.5,29.2,122.0,29.7", "WIDTH", "100", "HEIGHT", "100", "FORMAT", "image/png"};

    @Test
    void servesRepeatsFromCacheButNeverStaleDataOrAnotherPrincipalsView() throws Exception {
        MemoryLayerCatalog catalog = WmsFixtures.catalog();
        MockMvc mvc = MockMvcBuilders.standaloneSetup(WmsModule.create(catalog, WmsFixtures.POLICY, WmsSettings.defaults())).build();
        byte[] first = call(mvc, "/wms", null, MAP).getContentAsByteArray();
        byte[] again = call(mvc, "/wms", null, MAP).getContentAsByteArray();
        assertThat(again).isEqualTo(first);
        assertThat(rgb(image(call(mvc, "/wms", null, MAP)), 60, 20)).isEqualTo(0xE03131);

        // The danger gauge returns to normal: the source version changes, so the map is redrawn.
        MemoryFeatureSource gauges = (MemoryFeatureSource) catalog.source("gauges").orElseThrow();
        gauges.setFeatures(List.of(WmsFixtures.f("G1", WmsFixtures.point(121.8025, 29.5975), "STCD", "70100001", "STNM", "石浦潮位站",
                "status", "normal", "TM", java.time.Instant.parse("2026-07-01T09:00:00Z"))));
        assertThat(rgb(image(call(mvc, "/wms", null, MAP)), 60, 20)).isEqualTo(0x2F9E44);

        // Another principal with another decision never gets this principal's cached map.
        String[] zones = MAP.clone();
        zones[7] = "flood_zones";
        byte[] open = call(mvc, "/wms", null, zones).getContentAsByteArray();
        byte[] planner = call(mvc, "/wms", WmsFixtures.PLANNER, zones).getContentAsByteArray();
        assertThat(planner).isNotEqualTo(open);
    }

    @Test
    void evictsBeyondItsBudget() {
        MapResponseCache cache = new MapResponseCache(8 * 100, 30);
        for (int i = 0; i < 20; i++) cache.put(new MapResponseCache.Key("r" + i, List.of()), new byte[100], "image/png");
        assertThat(cache.size()).isEqualTo(8);
        assertThat(cache.get(new MapResponseCache.Key("r0", List.of()))).isNull();
        assertThat(cache.get(new MapResponseCache.Key("r19", List.of()))).isNotNull();
        assertThat(new MapResponseCache(0, 30).enabled()).isFalse();
    }
}
