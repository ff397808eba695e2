package org.tidemark.layers.wfs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * The OGC schemas (WFS 2.0, FES 2.0, OWS 1.1, GML 3.2.1, xlink, xml) read at test time from the CITE
 * ets-wfs20 1.25 aio jar in the local Maven repository (fetch it with
 * {@code mvn dependency:get -Dartifact=org.opengis.cite:ets-wfs20:1.25:jar:aio -Dtransitive=false}).
 * Nothing is copied into the repository. Imports are resolved by namespace to the jar's consolidated files;
 * the application namespace resolves to a DescribeFeatureType response.
 */
final class OgcSchemas {
    private static final String BASE = "org/opengis/cite/iso19142/xsd/";
    private static final Map<String, String> BY_NAMESPACE = Map.ofEntries(
            Map.entry("http://www.opengis.net/wfs/2.0", BASE + "opengis/wfs/2.0/wfs-2.0.0.xsd"),
            Map.entry("http://www.opengis.net/fes/2.0", BASE + "opengis/filter/2.0/filter-2.0.0.xsd"),
            Map.entry("http://www.opengis.net/ows/1.1", BASE + "opengis/ows/1.1/ows-1.1.0.xsd"),
            Map.entry("http://www.opengis.net/gml/3.2", BASE + "opengis/gml/3.2.1/gml-3.2.1.xsd"),
            Map.entry("http://www.w3.org/1999/xlink", BASE + "w3c/2008/06/xlink.xsd"),
            Map.entry("http://www.w3.org/XML/1998/namespace", BASE + "w3c/2009/01/xml.xsd"),
            Map.entry("http://www.isotc211.org/2005/gmd", BASE + "iso/19139/2007/gmd-2007.xsd"),
            Map.entry("http://www.isotc211.org/2005/gco", BASE + "iso/19139/2007/gco-2007.xsd"),
            Map.entry("http://www.isotc211.org/2005/gss", BASE + "iso/19139/2007/gss-2007.xsd"),
            Map.entry("http://www.isotc211.org/2005/gts", BASE + "iso/19139/2007/gts-2007.xsd"),
            Map.entry("http://www.isotc211.org/2005/gsr", BASE + "iso/19139/2007/gsr-2007.xsd"));

    private static Map<String, byte[]> cache;

    private OgcSchemas() {}

    static Path jar() {
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        return Path.of(repo, "org/opengis/cite/ets-wfs20/1.25/ets-wfs20-1.25-aio.jar");
    }

    static boolean available() { return Files.isRegularFile(jar()); }

    private static synchronized Map<String, byte[]> files() throws IOException {
        if (cache == null) {
            Map<String, byte[]> m = new HashMap<>();
            try (ZipFile zip = new ZipFile(jar().toFile())) {
                for (String path : BY_NAMESPACE.values()) {
                    try (InputStream in = zip.getInputStream(zip.getEntry(path))) {
                        m.put(path, in.readAllBytes());
                    }
                }
            }
            cache = m;
        }
        return cache;
    }

    /** A schema for the namespace, with the application schema (if given) for {@code appNamespace}. */
    static Schema schema(String rootNamespace, String appNamespace, byte[] appSchema) throws IOException, SAXException {
        Map<String, byte[]> files = files();
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setResourceResolver(new LSResourceResolver() {
            public LSInput resolveResource(String type, String ns, String publicId, String systemId, String baseUri) {
                byte[] bytes = ns != null && ns.equals(appNamespace) ? appSchema : ns == null ? null : files.get(BY_NAMESPACE.get(ns));
                return bytes == null ? null : new Input(bytes, systemId == null ? ns : systemId);
            }
        });
        if (appSchema != null && rootNamespace.equals(appNamespace)) {
            return f.newSchema(new StreamSource(new ByteArrayInputStream(appSchema), "urn:app"));
        }
        String path = BY_NAMESPACE.get(rootNamespace);
        if (appSchema != null) {
            // Validate against both: a wrapper schema importing the protocol and the application namespaces.
            String wrapper = "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'>"
                    + "<xs:import namespace='" + rootNamespace + "' schemaLocation='" + path + "'/>"
                    + "<xs:import namespace='" + appNamespace + "' schemaLocation='urn:app'/></xs:schema>";
            return f.newSchema(new StreamSource(new java.io.StringReader(wrapper), "urn:wrapper"));
        }
        return f.newSchema(new StreamSource(new ByteArrayInputStream(files.get(path)), path));
    }

    static void validate(Schema schema, byte[] document) throws IOException, SAXException {
        Validator v = schema.newValidator();
        v.validate(new StreamSource(new ByteArrayInputStream(document)));
    }

    private record Input(byte[] bytes, String systemId) implements LSInput {
        public Reader getCharacterStream() { return null; }
        public void setCharacterStream(Reader r) {}
        public InputStream getByteStream() { return new ByteArrayInputStream(bytes); }
        public void setByteStream(InputStream s) {}
        public String getStringData() { return null; }
        public void setStringData(String s) {}
        public String getSystemId() { return systemId; }
        public void setSystemId(String s) {}
        public String getPublicId() { return null; }
        public void setPublicId(String s) {}
        public String getBaseURI() { return null; }
        public void setBaseURI(String s) {}
        public String getEncoding() { return null; }
        public void setEncoding(String s) {}
        public boolean getCertifiedText() { return false; }
        public void setCertifiedText(boolean b) {}
    }
}
