package org.tidemark.app.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Issue #4: WFS 2.0 responses are schema-valid — GetCapabilities against {@code wfs-2.0.0.xsd}, and GetFeature
 * (GML 3.2) against the layer's own DescribeFeatureType application schema plus the official GML 3.2.1 and WFS
 * 2.0 schemas (WFS 2.0 §11.3.2, GML 3.2 §21). The official XSDs are the ones bundled in the OGC CITE test suite
 * jar {@code org.opengis.cite:ets-wfs20:1.25:jar:aio} (fetched into the local Maven repository with
 * {@code mvn dependency:get -Dartifact=org.opengis.cite:ets-wfs20:1.25:jar:aio}) and are read straight from it;
 * nothing is fetched from the network: every import is resolved by namespace from the jar.
 */
class GmlSchemaValidationIT extends RunningApp {

    static final String XSD = "org/opengis/cite/iso19142/xsd/";
    /** Namespace → the copy of its schema inside the CITE jar. */
    static final Map<String, String> SCHEMAS = Map.ofEntries(
            Map.entry("http://www.opengis.net/wfs/2.0", XSD + "opengis/wfs/2.0/wfs-2.0.0.xsd"),
            Map.entry("http://www.opengis.net/fes/2.0", XSD + "opengis/filter/2.0/filter-2.0.0.xsd"),
            Map.entry("http://www.opengis.net/ows/1.1", XSD + "opengis/ows/1.1/ows-1.1.0.xsd"),
            Map.entry("http://www.opengis.net/gml/3.2", XSD + "opengis/gml/3.2.1/gml-3.2.1.xsd"),
            Map.entry("http://www.w3.org/1999/xlink", XSD + "w3c/2008/06/xlink.xsd"),
            Map.entry("http://www.w3.org/XML/1998/namespace", XSD + "w3c/2009/01/xml.xsd"),
            Map.entry("http://www.isotc211.org/2005/gmd", XSD + "iso/19139/2007/gmd-2007.xsd"),
            Map.entry("http://www.isotc211.org/2005/gco", XSD + "iso/19139/2007/gco-2007.xsd"),
            Map.entry("http://www.isotc211.org/2005/gts", XSD + "iso/19139/2007/gts-2007.xsd"),
            Map.entry("http://www.isotc211.org/2005/gss", XSD + "iso/19139/2007/gss-2007.xsd"),
            Map.entry("http://www.isotc211.org/2005/gsr", XSD + "iso/19139/2007/gsr-2007.xsd"));

    final HttpClient http = HttpClient.newHttpClient();
    ZipFile jar;

    @BeforeAll
    void openSuiteJar() throws IOException {
        Path path = Path.of(System.getProperty("cite.wfs20.jar", System.getProperty("user.home")
                + "/.m2/repository/org/opengis/cite/ets-wfs20/1.25/ets-wfs20-1.25-aio.jar"));
        String hint = "the CITE jar with the OGC schemas is missing (" + path
                + "); run: mvn dependency:get -Dartifact=org.opengis.cite:ets-wfs20:1.25:jar:aio";
        if (ExternalTools.REQUIRED) assertThat(path).as(hint).isRegularFile();
        Assumptions.assumeTrue(Files.isRegularFile(path), hint);
        jar = new ZipFile(path.toFile());
    }

    @AfterAll
    void tearDown() throws IOException {
        if (jar != null) jar.close();
    }

    @Test
    void capabilitiesAreValidWfs20() throws Exception {
        byte[] caps = get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities");
        assertValid(caps, schema(List.of()), "GetCapabilities");
    }

    @Test
    void exceptionReportsAreValidOws11() throws Exception {
        byte[] error = get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=tm:no_such_layer");
        assertThat(new String(error, StandardCharsets.UTF_8)).contains("ExceptionReport");
        assertValid(error, schema(List.of()), "ExceptionReport");
    }

    @ParameterizedTest
    @ValueSource(strings = {"land", "roads", "place_names", "streams", "gauges", "buildings"})
    void getFeatureIsValidGml32AgainstItsDescribeFeatureType(String layer) throws Exception {
        String describe = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=tm:" + layer;
        byte[] xsd = get(describe);
        Schema schema = schema(List.of(new StreamSource(new ByteArrayInputStream(xsd), base() + describe)));
        byte[] features = get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&COUNT=20&TYPENAMES=tm:" + layer);
        assertThat(new String(features, StandardCharsets.UTF_8)).contains("<wfs:member>");
        assertValid(features, schema, "GetFeature " + layer);
        byte[] reprojected = get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&COUNT=5&TYPENAMES=tm:" + layer
                + "&SRSNAME=" + URLEncoder.encode("http://www.opengis.net/def/crs/EPSG/0/3857", StandardCharsets.UTF_8));
        assertValid(reprojected, schema, "GetFeature " + layer + " in EPSG:3857");
    }

    @Test
    void getFeatureByIdStoredQueryIsValid() throws Exception {
        String describe = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=tm:roads";
        Schema schema = schema(List.of(new StreamSource(new ByteArrayInputStream(get(describe)), base() + describe)));
        String all = new String(get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&COUNT=1&TYPENAMES=tm:roads"), StandardCharsets.UTF_8);
        int at = all.indexOf("gml:id=\"") + 8;
        String id = all.substring(at, all.indexOf('"', at));
        byte[] one = get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID="
                + URLEncoder.encode("urn:ogc:def:query:OGC-WFS::GetFeatureById", StandardCharsets.UTF_8) + "&ID=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        assertThat(new String(one, StandardCharsets.UTF_8)).contains("gml:id=\"" + id + "\"");
        assertValid(one, schema, "GetFeatureById " + id);
    }

    /** The control: the same validation rejects a feature with an attribute its schema does not declare. */
    @Test
    void aTamperedFeatureIsRejected() throws Exception {
        String describe = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=tm:roads";
        Schema schema = schema(List.of(new StreamSource(new ByteArrayInputStream(get(describe)), base() + describe)));
        String gml = new String(get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&COUNT=1&TYPENAMES=tm:roads"), StandardCharsets.UTF_8);
        assertThat(gml).contains("<tm:class>");
        byte[] tampered = gml.replace("<tm:class>", "<tm:klass>").replace("</tm:class>", "</tm:klass>").getBytes(StandardCharsets.UTF_8);
        assertThat(errors(tampered, schema)).anyMatch(e -> e.contains("klass"));
    }

    // ---- helpers ----

    Schema schema(List<Source> extra) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file,http");
        f.setResourceResolver(resolver());
        List<Source> sources = new ArrayList<>();
        sources.add(jarSource("http://www.opengis.net/wfs/2.0"));
        sources.addAll(extra);
        return f.newSchema(sources.toArray(Source[]::new));
    }

    Source jarSource(String namespace) throws IOException {
        String entry = SCHEMAS.get(namespace);
        return new StreamSource(new ByteArrayInputStream(read(entry)), "jar:cite!/" + entry);
    }

    byte[] read(String entry) throws IOException {
        var e = jar.getEntry(entry);
        assertThat(e).as("no " + entry + " in " + jar.getName()).isNotNull();
        try (InputStream in = jar.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    /** Imports resolve by namespace to the jar; anything else is refused (no network, no other files). */
    LSResourceResolver resolver() {
        return (type, namespace, publicId, systemId, baseUri) -> {
            String entry = namespace == null ? null : SCHEMAS.get(namespace);
            if (entry == null) {
                throw new IllegalStateException("unexpected schema reference: namespace " + namespace + ", location " + systemId);
            }
            try {
                return new Input(read(entry), "jar:cite!/" + entry, publicId);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static void assertValid(byte[] document, Schema schema, String what) throws Exception {
        assertThat(errors(document, schema)).as(what + " schema errors; document starts: "
                + new String(document, 0, Math.min(document.length, 600), StandardCharsets.UTF_8)).isEmpty();
    }

    static List<String> errors(byte[] document, Schema schema) throws Exception {
        List<String> errors = new ArrayList<>();
        Validator v = schema.newValidator();
        v.setResourceResolver(null);
        v.setErrorHandler(new ErrorHandler() {
            @Override public void warning(SAXParseException e) {}
            @Override public void error(SAXParseException e) { errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage()); }
            @Override public void fatalError(SAXParseException e) { errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage()); }
        });
        v.validate(new StreamSource(new ByteArrayInputStream(document)));
        return errors;
    }

    byte[] get(String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.body();
    }

    /** A schema document handed to the parser from memory. */
    record Input(byte[] bytes, String systemId, String publicId) implements LSInput {
        @Override public java.io.Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(java.io.Reader r) {}
        @Override public InputStream getByteStream() { return new ByteArrayInputStream(bytes); }
        @Override public void setByteStream(InputStream s) {}
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) {}
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) {}
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) {}
        @Override public String getBaseURI() { return systemId; }
        @Override public void setBaseURI(String s) {}
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) {}
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) {}
    }
}
