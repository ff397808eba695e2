package org.tidemark.layers.wfs;

import java.util.List;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.tidemark.layers.ows.OwsController;
import org.tidemark.layers.web.FeatureServiceSettings;
import org.tidemark.layers.web.TestLayers;

final class WfsTestSupport {
    private WfsTestSupport() {}

    static MockMvc mvc(FeatureServiceSettings settings) {
        WfsService service = new WfsService(TestLayers.gated(), settings);
        return MockMvcBuilders.standaloneSetup(new WfsController(service, settings),
                new OwsController(List.of(service), settings)).build();
    }

    static MockMvc mvc() { return mvc(FeatureServiceSettings.defaults()); }
}
