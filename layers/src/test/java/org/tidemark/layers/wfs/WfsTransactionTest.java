package org.tidemark.layers.wfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.tidemark.core.access.Principal;
import org.tidemark.layers.web.TestLayers;

class WfsTransactionTest {
    private static final String HEAD = "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
            + "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:tm=\"http://tidemark.org/xiangshan\">";
    private final MockMvc mvc = WfsTestSupport.mvc();

    private MockHttpServletResponse tx(String actions, Principal p) throws Exception {
        return mvc.perform(post("/wfs").contentType("text/xml").content(HEAD + actions + "</wfs:Transaction>")
                .requestAttr(Principal.class.getName(), p)).andReturn().getResponse();
    }

    private Xml roads(String query) throws Exception {
        return new Xml(mvc.perform(get(URI.create("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=roads" + query)))
                .andReturn().getResponse().getContentAsByteArray());
    }

    @Test
    void insertReturnsTheNewResourceIdsAndTheFeatureIsReadable() throws Exception {
        MockHttpServletResponse r = tx("<wfs:Insert handle=\"new\"><tm:roads><tm:geom><gml:LineString gml:id=\"l\" srsName=\"urn:ogc:def:crs:EPSG::4326\">"
                + "<gml:posList>29.3 121.8 29.35 121.85</gml:posList></gml:LineString></tm:geom><tm:name>新路</tm:name><tm:class>urban</tm:class>"
                + "</tm:roads></wfs:Insert>", TestLayers.PLANNING);
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        Xml x = new Xml(r.getContentAsByteArray());
        assertThat(x.text("//wfs:totalInserted")).isEqualTo("1");
        String rid = x.text("//wfs:InsertResults/wfs:Feature/fes:ResourceId/@rid");
        assertThat(rid).startsWith("roads.");
        Xml read = roads("&RESOURCEID=" + rid + "&SRSNAME=EPSG:4326");
        assertThat(read.text("//tm:name")).isEqualTo("新路");
        assertThat(read.text("//gml:posList")).isEqualTo("121.8 29.3 121.85 29.35");
    }

    @Test
    void updateAndDeleteApplyToTheFilteredFeatures() throws Exception {
        Xml u = new Xml(tx("<wfs:Update typeName=\"tm:roads\"><wfs:Property><wfs:ValueReference>class</wfs:ValueReference>"
                + "<wfs:Value>expressway</wfs:Value></wfs:Property><fes:Filter><fes:ResourceId rid=\"roads.r1\"/></fes:Filter></wfs:Update>",
                TestLayers.PLANNING).getContentAsByteArray());
        assertThat(u.text("//wfs:totalUpdated")).isEqualTo("1");
        assertThat(u.text("//wfs:UpdateResults//fes:ResourceId/@rid")).isEqualTo("roads.r1");
        assertThat(roads("&RESOURCEID=roads.r1").text("//tm:class")).isEqualTo("expressway");
        Xml d = new Xml(tx("<wfs:Delete typeName=\"tm:roads\"><fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>name</fes:ValueReference>"
                + "<fes:Literal>G228</fes:Literal></fes:PropertyIsEqualTo></fes:Filter></wfs:Delete>", TestLayers.PLANNING).getContentAsByteArray());
        assertThat(d.text("//wfs:totalDeleted")).isEqualTo("1");
        assertThat(roads("&RESULTTYPE=hits").text("/wfs:FeatureCollection/@numberMatched")).isEqualTo("2");
    }

    @Test
    void writesNeedWriteAccessAndAWritableStore() throws Exception {
        String delete = "<wfs:Delete typeName=\"tm:roads\"><fes:Filter><fes:ResourceId rid=\"roads.r1\"/></fes:Filter></wfs:Delete>";
        MockHttpServletResponse anon = tx(delete, Principal.ANONYMOUS);
        assertThat(anon.getStatus()).isEqualTo(403);
        assertThat(roads("&RESULTTYPE=hits").text("/wfs:FeatureCollection/@numberMatched")).isEqualTo("3");
        MockHttpServletResponse readOnly = tx("<wfs:Delete typeName=\"tm:place_names\"><fes:Filter><fes:ResourceId rid=\"place_names.p1\"/>"
                + "</fes:Filter></wfs:Delete>", TestLayers.PLANNING);
        assertThat(readOnly.getStatus()).isEqualTo(403);
    }

    @Test
    void invalidValuesAbortTheWholeTransaction() throws Exception {
        MockHttpServletResponse r = tx("<wfs:Delete typeName=\"tm:roads\"><fes:Filter><fes:ResourceId rid=\"roads.r1\"/></fes:Filter></wfs:Delete>"
                + "<wfs:Insert><tm:roads><tm:nope>1</tm:nope></tm:roads></wfs:Insert>", TestLayers.PLANNING);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(new Xml(r.getContentAsByteArray()).text("//ows:Exception/@exceptionCode")).isEqualTo("InvalidValue");
        assertThat(roads("&RESULTTYPE=hits").text("/wfs:FeatureCollection/@numberMatched")).as("nothing deleted").isEqualTo("3");
    }

    @Test
    void capabilitiesClaimTransactionsOnlyForCallersWhoCanWrite() throws Exception {
        Xml anon = new Xml(mvc.perform(get(URI.create("/wfs?SERVICE=WFS&REQUEST=GetCapabilities"))).andReturn().getResponse().getContentAsByteArray());
        assertThat(anon.text("//ows:Constraint[@name='ImplementsTransactionalWFS']/ows:DefaultValue")).isEqualTo("FALSE");
        Xml planner = new Xml(mvc.perform(get(URI.create("/wfs?SERVICE=WFS&REQUEST=GetCapabilities"))
                .requestAttr(Principal.class.getName(), TestLayers.PLANNING)).andReturn().getResponse().getContentAsByteArray());
        assertThat(planner.text("//ows:Constraint[@name='ImplementsTransactionalWFS']/ows:DefaultValue")).isEqualTo("TRUE");
        assertThat(planner.count("//ows:Operation[@name='Transaction']")).isEqualTo(1);
    }
}
