package org.tidemark.layers.wfs;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** XPath over a response body, with the OGC prefixes bound. */
final class Xml {
    private final Document doc;
    private final XPath xpath;

    Xml(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + new String(body, java.nio.charset.StandardCharsets.UTF_8), e);
        }
        xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            public String getNamespaceURI(String p) {
                return switch (p) {
                    case "wfs" -> "http://www.opengis.net/wfs/2.0";
                    case "wfs11" -> "http://www.opengis.net/wfs";
                    case "ows" -> "http://www.opengis.net/ows/1.1";
                    case "ows10" -> "http://www.opengis.net/ows";
                    case "fes" -> "http://www.opengis.net/fes/2.0";
                    case "gml" -> "http://www.opengis.net/gml/3.2";
                    case "gml31" -> "http://www.opengis.net/gml";
                    case "xsd" -> "http://www.w3.org/2001/XMLSchema";
                    case "tm" -> "http://tidemark.org/xiangshan";
                    default -> null;
                };
            }
            public String getPrefix(String uri) { return null; }
            public java.util.Iterator<String> getPrefixes(String uri) { return null; }
        });
    }

    String text(String expr) {
        try {
            return (String) xpath.evaluate(expr, doc, XPathConstants.STRING);
        } catch (Exception e) {
            throw new AssertionError(expr, e);
        }
    }

    int count(String expr) {
        return list(expr).size();
    }

    List<String> list(String expr) {
        try {
            NodeList nl = (NodeList) xpath.evaluate(expr, doc, XPathConstants.NODESET);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nl.getLength(); i++) out.add(nl.item(i).getTextContent());
            return out;
        } catch (Exception e) {
            throw new AssertionError(expr, e);
        }
    }
}
