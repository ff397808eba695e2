package org.tidemark.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.tidemark.layers.web.TestPortsConfiguration;

/** The module wires with only the geo-core ports as beans, and the shared endpoints route correctly. */
@SpringJUnitWebConfig(LayersModuleTest.App.class)
class LayersModuleTest {

    @Configuration
    @EnableWebMvc
    @Import({LayersModule.class, TestPortsConfiguration.class})
    static class App {
    }

    @Autowired
    WebApplicationContext context;

    private MockHttpServletResponse call(String uri) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
        return mvc.perform(get(URI.create(uri))).andReturn().getResponse();
    }

    @Test
    void owsDispatchesWfsAndWmsAndRejectsMissingService() throws Exception {
        MockHttpServletResponse wfs = call("/ows?service=wfs&request=GetCapabilities");
        assertThat(wfs.getStatus()).isEqualTo(200);
        assertThat(wfs.getContentAsString(StandardCharsets.UTF_8)).contains("WFS_Capabilities");
        MockHttpServletResponse wms = call("/ows?SERVICE=WMS&REQUEST=GetCapabilities");
        assertThat(wms.getStatus()).isEqualTo(200);
        assertThat(wms.getContentAsString(StandardCharsets.UTF_8)).contains("WMS_Capabilities");
        MockHttpServletResponse wmsOdd = call("/ows?Service=wms&REQUEST=GetCapabilities");
        assertThat(wmsOdd.getContentAsString(StandardCharsets.UTF_8)).contains("WMS_Capabilities");
        assertThat(call("/ows").getStatus()).isEqualTo(400);
    }

    @Test
    void wfsAndOgcApiAreMounted() throws Exception {
        assertThat(call("/wfs").getStatus()).isEqualTo(400);
        assertThat(call("/wfs?SERVICE=WFS&REQUEST=GetCapabilities").getStatus()).isEqualTo(200);
        assertThat(call("/ogc").getStatus()).isEqualTo(200);
        assertThat(call("/ogc/collections/roads/items").getStatus()).isEqualTo(200);
    }
}
