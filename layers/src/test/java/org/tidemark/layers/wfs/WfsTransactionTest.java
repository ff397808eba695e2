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
    void insertedGmlStandardPropertiesAreStoredAndWrittenFirstInSchemaOrder() throws Exception {
        MockHttpServletResponse r = tx("<wfs:Insert><tm:roads><gml:name>海滨路</gml:name><gml:description>沿海塘</gml:description>"
                + "<gml:identifier codeSpace=\"http://example.org/roads\">R-77</gml:identifier><gml:boundedBy/>"
                + "<tm:geom><gml:LineString gml:id=\"l2\" srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:posList>29.3 121.8 29.35 121.85</gml:posList>"
                + "</gml:LineString></tm:geom><tm:name>新路</tm:name><tm:class>urban</tm:class></tm:roads></wfs:Insert>", TestLayers.PLANNING);
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        String rid = new Xml(r.getContentAsByteArray()).text("//wfs:InsertResults/wfs:Feature/fes:ResourceId/@rid");
        Xml read = roads("&RESOURCEID=" + rid);
        String f = "//tm:roads[@gml:id='" + rid + "']";
        // gml:AbstractGMLType: description, identifier, name come before the feature type's own properties
        assertThat(read.text("name(" + f + "/*[1])")).isEqualTo("gml:description");
        assertThat(read.text("name(" + f + "/*[2])")).isEqualTo("gml:identifier");
        assertThat(read.text("name(" + f + "/*[3])")).isEqualTo("gml:name");
        assertThat(read.text("name(" + f + "/*[4])")).isEqualTo("tm:geom");
        assertThat(read.text(f + "/gml:description")).isEqualTo("沿海塘");
        assertThat(read.text(f + "/gml:identifier")).isEqualTo("R-77");
        assertThat(read.text(f + "/gml:identifier/@codeSpace")).isEqualTo("http://example.org/roads");
        assertThat(read.text(f + "/gml:name")).isEqualTo("海滨路");
        assertThat(read.text(f + "/tm:name")).as("the attribute called name is separate").isEqualTo("新路");
        assertThat(read.count("//tm:roads[@gml:id='roads.r2']/gml:*")).as("features without them have none").isZero();
        MockHttpServletResponse byId = mvc.perform(get(URI.create("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                + "&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=" + rid))).andReturn().getResponse();
        System.out.println("BYID " + byId.getContentAsString(StandardCharsets.UTF_8));
        Xml bare = new Xml(byId.getContentAsByteArray());
        assertThat(bare.text("/tm:roads/gml:identifier")).as("GetFeatureById returns the bare feature with them").isEqualTo("R-77");
    }

    @Test
    void updateSetsGmlNameAndReplaceKeepsOnlyTheStandardPropertiesTheReplacementCarries() throws Exception {
        Xml u = new Xml(tx("<wfs:Update typeName=\"tm:roads\"><wfs:Property><wfs:ValueReference>gml:name[1]</wfs:ValueReference>"
                + "<wfs:Value>Pellentesque</wfs:Value></wfs:Property><wfs:Property><wfs:ValueReference>gml:identifier</wfs:ValueReference>"
                + "<wfs:Value>id-1</wfs:Value></wfs:Property><fes:Filter><fes:ResourceId rid=\"roads.r1\"/></fes:Filter></wfs:Update>",
                TestLayers.PLANNING).getContentAsByteArray());
        assertThat(u.text("//wfs:totalUpdated")).isEqualTo("1");
        Xml read = roads("&RESOURCEID=roads.r1");
        assertThat(read.text("//tm:roads/gml:name")).isEqualTo("Pellentesque");
        assertThat(read.text("//tm:roads/gml:identifier/@codeSpace")).as("the codeSpace GML requires, 'unknown' when none was given")
                .isEqualTo("http://www.opengis.net/def/nil/OGC/0/unknown");

        Xml rep = new Xml(tx("<wfs:Replace><tm:roads><gml:description>Lorem ipsum</gml:description><tm:geom><gml:LineString gml:id=\"l3\" "
                + "srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:posList>29.3 121.8 29.35 121.85</gml:posList></gml:LineString></tm:geom>"
                + "<tm:name>G1</tm:name><tm:class>urban</tm:class></tm:roads><fes:Filter><fes:ResourceId rid=\"roads.r1\"/></fes:Filter>"
                + "</wfs:Replace>", TestLayers.PLANNING).getContentAsByteArray());
        assertThat(rep.text("//wfs:totalReplaced")).isEqualTo("1");
        Xml after = roads("&RESOURCEID=roads.r1");
        assertThat(after.text("//tm:roads/gml:description")).isEqualTo("Lorem ipsum");
        assertThat(after.count("//tm:roads/gml:name")).isZero();
        assertThat(after.count("//tm:roads/gml:identifier")).isZero();
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
