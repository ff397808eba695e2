package org.tidemark.layers.wfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.tidemark.core.access.Principal;
import org.tidemark.layers.web.TestLayers;

/** Responses validated against the OGC XSDs (WFS 2.0, FES 2.0, OWS 1.1, GML 3.2.1) from the CITE jar. */
class WfsSchemaValidationTest {
    private static final String APP = "http://tidemark.org/xiangshan";
    private final MockMvc mvc = WfsTestSupport.mvc();

    @BeforeAll
    static void needsSchemas() {
        Assumptions.assumeTrue(OgcSchemas.available(), "CITE ets-wfs20 aio jar not in the local Maven repository");
    }

    private byte[] get200(String query) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(URI.create("/wfs?" + query)).requestAttr(Principal.class.getName(), TestLayers.POLICE))
                .andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isLessThan(500);
        return r.getContentAsByteArray();
    }

    private void valid(String query, String ns) throws Exception {
        OgcSchemas.validate(OgcSchemas.schema(ns, null, null), get200(query));
    }

    @Test
    void capabilitiesAreValid() throws Exception {
        valid("SERVICE=WFS&REQUEST=GetCapabilities", "http://www.opengis.net/wfs/2.0");
    }

    @Test
    void exceptionReportsAreValid() throws Exception {
        valid("SERVICE=WFS&REQUEST=GetFeature&VERSION=2.0.0", "http://www.opengis.net/ows/1.1");
    }

    @Test
    void storedQueryResponsesAreValid() throws Exception {
        valid("SERVICE=WFS&VERSION=2.0.0&REQUEST=ListStoredQueries", "http://www.opengis.net/wfs/2.0");
        valid("SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeStoredQueries", "http://www.opengis.net/wfs/2.0");
    }

    @Test
    void featureCollectionsAreValidAgainstTheirApplicationSchema() throws Exception {
        byte[] xsd = get200("SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType");
        var schema = OgcSchemas.schema("http://www.opengis.net/wfs/2.0", APP, xsd);
        for (String type : new String[]{"place_names", "roads", "reservoirs", "readings", "police_cameras"}) {
            OgcSchemas.validate(schema, get200("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=tm:" + type));
        }
        OgcSchemas.validate(schema, get200("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=place_names&COUNT=2&STARTINDEX=2"));
        OgcSchemas.validate(schema, get200("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=roads&RESULTTYPE=hits"));
        OgcSchemas.validate(schema, get200("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=roads&PROPERTYNAME=class"));
        OgcSchemas.validate(schema, get200("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=roads&VALUEREFERENCE=geom"));
        OgcSchemas.validate(schema, get200("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=roads&VALUEREFERENCE=name"));
        var single = OgcSchemas.schema(APP, APP, xsd);
        OgcSchemas.validate(single, get200("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=reservoirs.1"));
    }

    @Test
    void theValidatorRejectsWhatTheSchemasForbid() throws Exception {
        byte[] xsd = get200("SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType");
        var schema = OgcSchemas.schema("http://www.opengis.net/wfs/2.0", APP, xsd);
        String good = new String(get200("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=roads"), java.nio.charset.StandardCharsets.UTF_8);
        String bad = good.replace("<tm:class>", "<tm:klass>").replace("</tm:class>", "</tm:klass>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OgcSchemas.validate(schema, bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(org.xml.sax.SAXException.class);
        String badCaps = new String(get200("SERVICE=WFS&REQUEST=GetCapabilities"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<ows:ServiceType>", "<ows:Bogus/><ows:ServiceType>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OgcSchemas.validate(OgcSchemas.schema("http://www.opengis.net/wfs/2.0", null, null),
                badCaps.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isInstanceOf(org.xml.sax.SAXException.class);
    }
}
