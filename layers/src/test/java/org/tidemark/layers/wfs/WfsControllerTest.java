package org.tidemark.layers.wfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tidemark.core.access.Principal;
import org.tidemark.layers.web.TestLayers;

class WfsControllerTest {
    private final MockMvc mvc = WfsTestSupport.mvc();

    private MockHttpServletResponse call(MockHttpServletRequestBuilder b) throws Exception {
        return mvc.perform(b).andReturn().getResponse();
    }

    private MockHttpServletResponse kvp(String query) throws Exception {
        return call(get(URI.create("/wfs?" + query)));
    }

    private MockHttpServletResponse kvp(String query, Principal p) throws Exception {
        return call(get(URI.create("/wfs?" + query)).requestAttr(Principal.class.getName(), p));
    }

    private static Xml xml(MockHttpServletResponse r) {
        return new Xml(r.getContentAsByteArray());
    }

    private static void assertException(MockHttpServletResponse r, int status, String code, String locator) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(status);
        Xml x = xml(r);
        assertThat(x.text("/ows:ExceptionReport/ows:Exception/@exceptionCode")).isEqualTo(code);
        if (locator != null) assertThat(x.text("/ows:ExceptionReport/ows:Exception/@locator")).isEqualToIgnoringCase(locator);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("at org.");
    }

    @Test
    void baseUrlWithoutParametersIsAnExceptionReportWith400() throws Exception {
        assertException(call(get("/wfs")), 400, "MissingParameterValue", "service");
    }

    @Test
    void missingRequestAndUnknownVersionAreReported() throws Exception {
        assertException(kvp("SERVICE=WFS"), 400, "MissingParameterValue", "request");
        assertException(kvp("SERVICE=WFS&REQUEST=GetFeature&VERSION=9.9.9&TYPENAMES=roads"), 400, "InvalidParameterValue", "version");
        assertException(kvp("SERVICE=WFS&REQUEST=GetFeature&TYPENAMES=roads"), 400, "MissingParameterValue", "version");
        assertException(kvp("SERVICE=WMS&REQUEST=GetCapabilities"), 400, "InvalidParameterValue", "service");
    }

    @Test
    void capabilitiesListOnlyTheLayersTheCallerMaySee() throws Exception {
        Xml anon = xml(kvp("SERVICE=WFS&REQUEST=GetCapabilities"));
        assertThat(anon.list("//wfs:FeatureType/wfs:Name")).containsExactly("tm:place_names", "tm:roads", "tm:reservoirs", "tm:readings");
        Xml police = xml(kvp("SERVICE=WFS&REQUEST=GetCapabilities", TestLayers.POLICE));
        assertThat(police.list("//wfs:FeatureType/wfs:Name")).contains("tm:police_cameras");
    }

    @Test
    void capabilitiesClaimOnlyWhatIsImplemented() throws Exception {
        MockHttpServletResponse r = kvp("service=WFS&request=GetCapabilities&acceptversions=2.0.0");
        assertThat(r.getStatus()).isEqualTo(200);
        Xml x = xml(r);
        assertThat(x.text("/wfs:WFS_Capabilities/@version")).isEqualTo("2.0.0");
        assertThat(x.text("//ows:Constraint[@name='ImplementsBasicWFS']/ows:DefaultValue")).isEqualTo("TRUE");
        assertThat(x.text("//ows:Constraint[@name='ImplementsResultPaging']/ows:DefaultValue")).isEqualTo("TRUE");
        assertThat(x.text("//ows:Constraint[@name='ImplementsTransactionalWFS']/ows:DefaultValue")).isEqualTo("FALSE");
        assertThat(x.text("//ows:Constraint[@name='ImplementsLockingWFS']/ows:DefaultValue")).isEqualTo("FALSE");
        assertThat(x.text("//wfs:FeatureType[wfs:Name='tm:roads']/wfs:DefaultCRS")).isEqualTo("urn:ogc:def:crs:EPSG::4490");
        assertThat(x.list("//wfs:FeatureType[wfs:Name='tm:roads']/wfs:OtherCRS")).contains("urn:ogc:def:crs:EPSG::4326",
                "urn:ogc:def:crs:EPSG::3857", "urn:ogc:def:crs:EPSG::4549", "urn:ogc:def:crs:EPSG::4550",
                "urn:ogc:def:crs:EPSG::4528", "urn:ogc:def:crs:EPSG::4529", "urn:ogc:def:crs:OGC:1.3:CRS84");
        assertThat(x.text("//wfs:FeatureType[wfs:Name='tm:roads']/ows:WGS84BoundingBox/ows:LowerCorner")).isEqualTo("121.7 29.2");
        assertThat(x.list("//fes:SpatialOperator/@name")).contains("BBOX", "Intersects", "DWithin", "Beyond");
        assertThat(x.text("//ows:Operation[@name='GetFeature']//ows:Get/@xlink:href".replace("xlink:", "*[local-name()='href']|@"))).isNotNull();
    }

    @Test
    void versionNegotiationPicksOneAndFailsWhenNoneIsSupported() throws Exception {
        Xml v11 = xml(kvp("SERVICE=WFS&REQUEST=GetCapabilities&ACCEPTVERSIONS=1.1.0,2.0.0"));
        assertThat(v11.text("/wfs11:WFS_Capabilities/@version")).isEqualTo("1.1.0");
        assertThat(v11.list("//wfs11:FeatureType/wfs11:Name")).contains("tm:roads");
        assertException(kvp("SERVICE=WFS&REQUEST=GetCapabilities&ACCEPTVERSIONS=3.0.0"), 400, "VersionNegotiationFailed", null);
    }

    @Test
    void describeFeatureTypeIsAFlatSimpleFeatureSchema() throws Exception {
        MockHttpServletResponse r = kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAME=tm:place_names");
        assertThat(r.getContentType()).startsWith("application/gml+xml; version=3.2");
        Xml x = xml(r);
        assertThat(x.text("/xsd:schema/@targetNamespace")).isEqualTo("http://tidemark.org/xiangshan");
        assertThat(x.list("//xsd:complexType[@name='place_namesType']//xsd:element/@name"))
                .containsExactly("geom", "name_zh", "name_en", "kind", "population");
        assertThat(x.text("//xsd:element[@name='geom']/@type")).isEqualTo("gml:PointPropertyType");
        assertThat(x.text("//xsd:element[@name='population']/@type")).isEqualTo("xsd:integer");
        assertThat(x.text("/xsd:element[@name='place_names']/@substitutionGroup|//xsd:schema/xsd:element[@name='place_names']/@substitutionGroup"))
                .isEqualTo("gml:AbstractFeature");
    }

    @Test
    void describeFeatureTypeHidesMaskedAttributesAndInvisibleTypes() throws Exception {
        Xml x = xml(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=police_cameras", TestLayers.WATER));
        assertThat(x.list("//xsd:complexType//xsd:element/@name")).containsExactly("geom", "name", "road");
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=police_cameras"),
                400, "InvalidParameterValue", "typeName");
    }

    @Test
    void getFeatureWritesGml32WithLatitudeFirstByDefault() throws Exception {
        MockHttpServletResponse r = kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=tm:place_names&SORTBY=name_en");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/gml+xml; version=3.2");
        Xml x = xml(r);
        assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo("5");
        assertThat(x.text("/wfs:FeatureCollection/@numberReturned")).isEqualTo("5");
        assertThat(x.text("/wfs:FeatureCollection/@timeStamp")).isNotBlank();
        assertThat(x.text("//tm:place_names[@gml:id='place_names.p1']/tm:geom/gml:Point/gml:pos")).isEqualTo("29.4765 121.8753");
        assertThat(x.text("//tm:place_names[@gml:id='place_names.p1']/tm:geom/gml:Point/@srsName")).isEqualTo("urn:ogc:def:crs:EPSG::4490");
        assertThat(x.text("//tm:place_names[@gml:id='place_names.p1']/tm:name_zh")).isEqualTo("丹城");
        assertThat(x.text("//tm:place_names[@gml:id='place_names.p5']/tm:population/@xsi:nil".replace("xsi:", "*[local-name()='nil']|@")))
                .isNotNull();
    }

    @Test
    void srsNameSpellingDecidesAxisOrder() throws Exception {
        String base = "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=place_names&RESOURCEID=place_names.p1&SRSNAME=";
        assertThat(xml(kvp(base + "EPSG:4326")).text("//gml:pos")).isEqualTo("121.8753 29.4765");
        assertThat(xml(kvp(base + "urn:ogc:def:crs:EPSG::4326")).text("//gml:pos")).isEqualTo("29.4765 121.8753");
        assertThat(xml(kvp(base + "http://www.opengis.net/def/crs/EPSG/0/4326")).text("//gml:pos")).isEqualTo("29.4765 121.8753");
        assertThat(xml(kvp(base + "EPSG:4490")).text("//gml:pos")).isEqualTo("121.8753 29.4765");
        String[] mercator = xml(kvp(base + "EPSG:3857")).text("//gml:pos").split(" ");
        assertThat(Double.parseDouble(mercator[0])).isCloseTo(13_567_000, org.assertj.core.data.Offset.offset(2_000.0));
        String[] gk = xml(kvp(base + "urn:ogc:def:crs:EPSG::4550")).text("//gml:pos").split(" ");
        assertThat(Double.parseDouble(gk[0])).as("northing first").isGreaterThan(3_000_000);
        assertThat(Double.parseDouble(gk[1])).as("easting second").isBetween(300_000.0, 500_000.0);
        assertException(kvp(base + "EPSG:999999"), 400, "InvalidParameterValue", "srsName");
    }

    @Test
    void pagingIsConsistentInBothDirections() throws Exception {
        List<String> ids = new ArrayList<>();
        String url = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=place_names&COUNT=2";
        int pages = 0;
        String lastPrevious = null;
        while (url != null && pages < 10) {
            Xml x = xml(call(get(URI.create(url))));
            assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo("5");
            ids.addAll(x.list("//tm:place_names/@gml:id"));
            String next = x.text("/wfs:FeatureCollection/@next");
            lastPrevious = x.text("/wfs:FeatureCollection/@previous");
            url = next.isEmpty() ? null : next.replace("http://localhost", "");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
        Map<String, String> prev = query(lastPrevious);
        assertThat(prev).containsEntry("STARTINDEX", "2").containsEntry("COUNT", "2");
        Xml back = xml(call(get(URI.create(lastPrevious.replace("http://localhost", "")))));
        assertThat(back.list("//tm:place_names/@gml:id")).containsExactlyElementsOf(ids.subList(2, 4));
    }

    private static Map<String, String> query(String uri) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : URI.create(uri).getRawQuery().split("&")) {
            String[] p = kv.split("=", 2);
            m.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void badPagingValuesAreInvalidParameters() throws Exception {
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=roads&COUNT=-1"), 400, "InvalidParameterValue", "count");
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=roads&STARTINDEX=x"), 400, "InvalidParameterValue", "STARTINDEX");
    }

    @Test
    void hitsCountWithoutFeatures() throws Exception {
        Xml x = xml(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=roads&RESULTTYPE=hits"));
        assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo("3");
        assertThat(x.text("/wfs:FeatureCollection/@numberReturned")).isEqualTo("0");
        assertThat(x.count("//wfs:member")).isZero();
    }

    @Test
    void sortByAndPropertyName() throws Exception {
        Xml x = xml(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=place_names&SORTBY=name_en%20DESC&PROPERTYNAME=name_en"));
        assertThat(x.list("//tm:name_en")).containsExactly("Yushan Island", "Xizhou", "Shipu", "Juexi", "Dancheng");
        assertThat(x.count("//tm:kind")).isZero();
        assertThat(x.count("//tm:geom")).isZero();
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=place_names&SORTBY=nope"), 400, "InvalidParameterValue", "sortBy");
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=place_names&PROPERTYNAME=nope"), 400, "InvalidParameterValue", "propertyName");
    }

    @Test
    void unknownTypeIsAnInvalidParameter() throws Exception {
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=tm:nothing"), 400, "InvalidParameterValue", "typeNames");
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"), 400, "MissingParameterValue", "typeNames");
    }

    @Test
    void resourceIdAndGetFeatureById() throws Exception {
        Xml x = xml(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&RESOURCEID=place_names.p2,roads.r3"));
        assertThat(x.list("//wfs:member/*/@gml:id")).containsExactlyInAnyOrder("place_names.p2", "roads.r3");
        MockHttpServletResponse r = kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=roads.r2");
        Xml one = xml(r);
        assertThat(one.text("/tm:roads/@gml:id")).isEqualTo("roads.r2");
        assertThat(one.text("/tm:roads/tm:name")).isEqualTo("G228");
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=roads.zz"),
                404, "NotFound", "ID");
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=police_cameras.c1"),
                404, "NotFound", "ID");
    }

    @Test
    void bboxDefaultsToLatitudeFirstAndHonoursItsCrs() throws Exception {
        String base = "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=place_names&BBOX=";
        assertThat(xml(kvp(base + "29.4,121.8,29.5,121.9")).list("//tm:name_en")).containsExactly("Dancheng");
        assertThat(xml(kvp(base + "121.8,29.4,121.9,29.5,EPSG:4326")).list("//tm:name_en")).containsExactly("Dancheng");
        assertThat(xml(kvp(base + "29.4,121.8,29.5,121.9,urn:ogc:def:crs:EPSG::4326")).list("//tm:name_en")).containsExactly("Dancheng");
        assertException(kvp(base + "1,2,3"), 400, "InvalidParameterValue", "bbox");
        assertException(kvp(base + "29.5,121.8,29.4,121.9"), 400, "InvalidParameterValue", "bbox");
        assertException(kvp(base + "a,b,c,d"), 400, "InvalidParameterValue", "bbox");
    }

    @Test
    void accessGateAppliesRowFilterAndAttributeMask() throws Exception {
        Xml water = xml(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=police_cameras", TestLayers.WATER));
        assertThat(water.list("//tm:police_cameras/@gml:id")).containsExactly("police_cameras.c1");
        assertThat(water.count("//tm:code")).isZero();
        assertThat(water.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo("1");
        Xml police = xml(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=police_cameras", TestLayers.POLICE));
        assertThat(police.list("//tm:code")).containsExactly("XS-0001", "XS-0002");
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=police_cameras"), 400, "InvalidParameterValue", "typeNames");
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=police_cameras&SORTBY=code", TestLayers.WATER),
                400, "InvalidParameterValue", "sortBy");
        String filter = enc("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo>"
                + "<fes:ValueReference>code</fes:ValueReference><fes:Literal>XS-0002</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>");
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=police_cameras&FILTER=" + filter, TestLayers.WATER),
                400, "InvalidParameterValue", "filter");
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void geoJsonOutputIsLongitudeFirstWithPagingMembers() throws Exception {
        MockHttpServletResponse r = kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=place_names&OUTPUTFORMAT=application/json&COUNT=1");
        assertThat(r.getContentType()).startsWith("application/json");
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"type\":\"FeatureCollection\"", "\"numberMatched\":5", "\"numberReturned\":1",
                "\"id\":\"place_names.p1\"", "\"coordinates\":[121.8753,29.4765]", "\"rel\":\"next\"", "丹城");
    }

    @Test
    void csvOutputHasAHeaderAndOneRowPerFeature() throws Exception {
        MockHttpServletResponse r = kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=roads&OUTPUTFORMAT=csv");
        assertThat(r.getContentType()).startsWith("text/csv");
        String[] lines = r.getContentAsString(StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).isEqualTo("FID,geom,name,class");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).startsWith("roads.r1,\"LINESTRING (121.8 29.4, 121.9 29.5)\",S214,provincial");
    }

    @Test
    void wfs11GetFeatureWritesGml311() throws Exception {
        MockHttpServletResponse r = kvp("SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=roads&MAXFEATURES=2");
        assertThat(r.getContentType()).startsWith("text/xml; subtype=gml/3.1.1");
        Xml x = xml(r);
        assertThat(x.text("/wfs11:FeatureCollection/@numberOfFeatures")).isEqualTo("2");
        assertThat(x.count("//gml31:featureMember/tm:roads")).isEqualTo(2);
        assertThat(x.text("//tm:roads[@gml31:id='roads.r1']//gml31:posList")).isEqualTo("29.4 121.8 29.5 121.9");
    }

    @Test
    void getPropertyValueReturnsAValueCollection() throws Exception {
        Xml x = xml(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=roads&VALUEREFERENCE=name&SORTBY=name"));
        assertThat(x.list("/wfs:ValueCollection/wfs:member")).containsExactly("G228", "S214", "丹城路");
        assertThat(x.text("/wfs:ValueCollection/@numberMatched")).isEqualTo("3");
        Xml ids = xml(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=roads&VALUEREFERENCE=@gml:id&COUNT=1"));
        assertThat(ids.list("/wfs:ValueCollection/wfs:member")).containsExactly("roads.r1");
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=roads"), 400, "MissingParameterValue", "valueReference");
    }

    @Test
    void storedQueriesAreListedAndDescribed() throws Exception {
        Xml list = xml(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=ListStoredQueries"));
        assertThat(list.list("//wfs:StoredQuery/@id")).containsExactly("urn:ogc:def:query:OGC-WFS::GetFeatureById");
        Xml d = xml(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeStoredQueries&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById"));
        assertThat(d.text("//wfs:StoredQueryDescription/wfs:Parameter/@name")).isEqualTo("ID");
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeStoredQueries&STOREDQUERY_ID=urn:x"), 400, "InvalidParameterValue", "STOREDQUERY_ID");
    }

    @Test
    void transactionsAreNotSupported() throws Exception {
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=Transaction"), 501, "OperationNotSupported", "Transaction");
    }

    @Test
    void owsEndpointDispatchesOnService() throws Exception {
        Xml x = xml(call(get("/ows?SERVICE=WFS&REQUEST=GetCapabilities")));
        assertThat(x.text("/wfs:WFS_Capabilities/@version")).isEqualTo("2.0.0");
        assertException(call(get("/ows")), 400, "MissingParameterValue", "service");
        assertException(call(get("/ows?SERVICE=XYZ&REQUEST=GetCapabilities")), 400, "InvalidParameterValue", "service");
    }

    @Test
    void postGetFeatureWithQueryFilterAndSort() throws Exception {
        String body = """
                <wfs:GetFeature service="WFS" version="2.0.0" count="2" xmlns:wfs="http://www.opengis.net/wfs/2.0"
                    xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:tm="http://tidemark.org/xiangshan">
                  <wfs:Query typeNames="tm:place_names">
                    <wfs:PropertyName>tm:name_en</wfs:PropertyName>
                    <fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>tm:kind</fes:ValueReference>
                      <fes:Literal>town</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>
                    <fes:SortBy><fes:SortProperty><fes:ValueReference>name_en</fes:ValueReference><fes:SortOrder>DESC</fes:SortOrder></fes:SortProperty></fes:SortBy>
                  </wfs:Query>
                </wfs:GetFeature>""";
        MockHttpServletResponse r = call(post("/wfs").contentType("application/xml").content(body));
        Xml x = xml(r);
        assertThat(x.list("//tm:name_en")).containsExactly("Xizhou", "Shipu");
        assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo("4");
        String next = x.text("/wfs:FeatureCollection/@next");
        assertThat(next).contains("FILTER=").contains("STARTINDEX=2");
        Xml page2 = xml(call(get(URI.create(next.replace("http://localhost", "")))));
        assertThat(page2.list("//tm:name_en")).containsExactly("Juexi", "Dancheng");
    }

    @Test
    void postWithDoctypeIsRejectedWithoutResolvingEntities() throws Exception {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <wfs:GetFeature service="WFS" version="2.0.0" xmlns:wfs="http://www.opengis.net/wfs/2.0">
                  <wfs:Query typeNames="&xxe;"/>
                </wfs:GetFeature>""";
        MockHttpServletResponse r = call(post("/wfs").contentType("text/xml").content(xxe));
        assertException(r, 400, "OperationParsingFailed", null);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("root:");
    }

    @Test
    void oversizedPostIsRejected() throws Exception {
        MockMvc small = WfsTestSupport.mvc(new org.tidemark.layers.web.FeatureServiceSettings(null, null, null, null, null, null, null, 0, 0, 100));
        byte[] body = ("<wfs:GetCapabilities service=\"WFS\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">" + " ".repeat(200) + "</wfs:GetCapabilities>")
                .getBytes(StandardCharsets.UTF_8);
        MockHttpServletResponse r = small.perform(post("/wfs").contentType("text/xml").content(body)).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(413);
    }

    @Test
    void malformedPostIsOperationParsingFailed() throws Exception {
        assertException(call(post("/wfs").contentType("text/xml").content("<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">")),
                400, "OperationParsingFailed", null);
    }

    @Test
    void postGetFeatureByIdStoredQuery() throws Exception {
        String body = """
                <wfs:GetFeature service="WFS" version="2.0.0" xmlns:wfs="http://www.opengis.net/wfs/2.0">
                  <wfs:StoredQuery id="urn:ogc:def:query:OGC-WFS::GetFeatureById"><wfs:Parameter name="ID">reservoirs.2</wfs:Parameter></wfs:StoredQuery>
                </wfs:GetFeature>""";
        Xml x = xml(call(post("/wfs").contentType("text/xml").content(body)));
        assertThat(x.text("/tm:reservoirs/tm:name")).isEqualTo("溪口水库");
        assertThat(x.text("/tm:reservoirs/tm:geom/gml:Polygon/gml:exterior/gml:LinearRing/gml:posList"))
                .startsWith("29.3 121.9 29.3 121.93");
    }

    private Xml postQuery(String type, String filter) throws Exception {
        String body = "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                + "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:tm=\"http://tidemark.org/xiangshan\">"
                + "<wfs:Query typeNames=\"tm:" + type + "\"><fes:Filter>" + filter + "</fes:Filter></wfs:Query></wfs:GetFeature>";
        MockHttpServletResponse r = call(post("/wfs").contentType("text/xml").content(body));
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return xml(r);
    }

    @Test
    void spatialFiltersSelectByGeometry() throws Exception {
        String box = "<gml:Polygon gml:id=\"q\" srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:exterior><gml:LinearRing><gml:posList>"
                + "29.4 121.8 29.4 121.9 29.5 121.9 29.5 121.8 29.4 121.8</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>";
        assertThat(postQuery("place_names", "<fes:Intersects><fes:ValueReference>geom</fes:ValueReference>" + box + "</fes:Intersects>")
                .list("//tm:name_en")).containsExactly("Dancheng");
        assertThat(postQuery("reservoirs", "<fes:Within><fes:ValueReference>geom</fes:ValueReference>" + box + "</fes:Within>")
                .list("//tm:name")).containsExactly("仓岙水库");
        assertThat(postQuery("place_names", "<fes:Disjoint><fes:ValueReference>geom</fes:ValueReference>" + box + "</fes:Disjoint>")
                .count("//tm:place_names")).isEqualTo(4);
        String shipu = "<gml:Point gml:id=\"s\" srsName=\"EPSG:4326\"><gml:pos>121.95 29.21</gml:pos></gml:Point>";
        assertThat(postQuery("place_names", "<fes:DWithin><fes:ValueReference>geom</fes:ValueReference>" + shipu
                + "<fes:Distance uom=\"m\">1000</fes:Distance></fes:DWithin>").list("//tm:name_en")).containsExactly("Shipu");
        assertThat(postQuery("place_names", "<fes:Beyond><fes:ValueReference>geom</fes:ValueReference>" + shipu
                + "<fes:Distance uom=\"km\">1</fes:Distance></fes:Beyond>").count("//tm:place_names")).isEqualTo(4);
    }

    @Test
    void temporalFiltersSelectByTime() throws Exception {
        Xml during = postQuery("readings", "<fes:During><fes:ValueReference>observed</fes:ValueReference><gml:TimePeriod gml:id=\"t\">"
                + "<gml:beginPosition>2026-07-02T00:00:00Z</gml:beginPosition><gml:endPosition>2026-07-04T00:00:00Z</gml:endPosition>"
                + "</gml:TimePeriod></fes:During>");
        assertThat(during.list("//tm:station")).containsExactly("632011", "632012");
        Xml after = postQuery("readings", "<fes:After><fes:ValueReference>observed</fes:ValueReference><gml:TimeInstant gml:id=\"i\">"
                + "<gml:timePosition>2026-07-05T00:00:00Z</gml:timePosition></gml:TimeInstant></fes:After>");
        assertThat(after.list("//tm:station")).containsExactly("632014", "632015");
    }

    @Test
    void comparisonAndLogicalFiltersInKvp() throws Exception {
        String f = enc("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:And><fes:PropertyIsGreaterThanOrEqualTo>"
                + "<fes:ValueReference>population</fes:ValueReference><fes:Literal>50000</fes:Literal></fes:PropertyIsGreaterThanOrEqualTo>"
                + "<fes:Not><fes:PropertyIsLike wildCard=\"*\" singleChar=\"?\" escapeChar=\"\\\"><fes:ValueReference>name_en</fes:ValueReference>"
                + "<fes:Literal>S*</fes:Literal></fes:PropertyIsLike></fes:Not></fes:And></fes:Filter>");
        assertThat(xml(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=place_names&FILTER=" + f)).list("//tm:name_en"))
                .containsExactly("Dancheng", "Xizhou");
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=place_names&FILTER=" + enc("<fes:Filter")),
                400, "OperationParsingFailed", "filter");
    }

    @Test
    void cqlFilterVendorParameter() throws Exception {
        assertThat(xml(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=place_names&CQL_FILTER=" + enc("kind = 'island'")))
                .list("//tm:name_en")).containsExactly("Yushan Island");
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=place_names&CQL_FILTER=" + enc("nope = 1")),
                400, "InvalidParameterValue", "CQL_FILTER");
    }

    @Test
    void resourceIdsMustBelongToTheQueriedTypes() throws Exception {
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=roads&RESOURCEID=place_names.p1"),
                400, "InvalidParameterValue", "RESOURCEID");
        assertThat(xml(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=roads&RESOURCEID=roads.r1")).count("//tm:roads")).isEqualTo(1);
    }

    @Test
    void emptyValueReferenceIsInvalid() throws Exception {
        assertException(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=roads&VALUEREFERENCE="),
                400, "InvalidParameterValue", "valueReference");
    }

    @Test
    void unknownResourceIdsSelectNothing() throws Exception {
        Xml x = xml(kvp("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=roads&RESOURCEID=test-1234"));
        assertThat(x.text("/wfs:FeatureCollection/@numberMatched")).isEqualTo("0");
        String body = "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                + "xmlns:fes=\"http://www.opengis.net/fes/2.0\"><wfs:Query typeNames=\"roads\"><fes:Filter><fes:ResourceId rid=\"place_names.p1\"/>"
                + "</fes:Filter></wfs:Query></wfs:GetFeature>";
        assertException(call(post("/wfs").contentType("text/xml").content(body)), 400, "InvalidParameterValue", "RESOURCEID");
    }

    @Test
    void gmlStandardPropertiesAreNeverSetAndBoundedByIsNoScalar() throws Exception {
        assertThat(postQuery("roads", "<fes:PropertyIsNull><fes:ValueReference>gml:name</fes:ValueReference></fes:PropertyIsNull>")
                .count("//tm:roads")).isEqualTo(3);
        String body = "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                + "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\"><wfs:Query typeNames=\"roads\">"
                + "<fes:Filter><fes:PropertyIsLessThanOrEqualTo><fes:ValueReference>gml:boundedBy</fes:ValueReference><fes:Literal>"
                + "<gml:Envelope><gml:lowerCorner>29 121</gml:lowerCorner><gml:upperCorner>30 122</gml:upperCorner></gml:Envelope>"
                + "</fes:Literal></fes:PropertyIsLessThanOrEqualTo></fes:Filter></wfs:Query></wfs:GetFeature>";
        assertException(call(post("/wfs").contentType("text/xml").content(body)), 403, "OperationProcessingFailed", "filter");
    }
}
