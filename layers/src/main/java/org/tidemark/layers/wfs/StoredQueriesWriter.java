package org.tidemark.layers.wfs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.layers.web.GatedLayer;

/**
 * ListStoredQueries and DescribeStoredQueries responses (WFS 2.0 §14.3, §14.4) for the one stored query
 * this server offers: the mandatory {@code urn:ogc:def:query:OGC-WFS::GetFeatureById} (§7.9.3.6).
 */
final class StoredQueriesWriter {
    private static final String WFS = WfsVersion.V200.namespace;

    private StoredQueriesWriter() {}

    static void list(OutputStream out, WfsContext ctx, List<GatedLayer> layers) throws IOException {
        try {
            XMLStreamWriter w = start(out, ctx, "ListStoredQueriesResponse");
            w.writeStartElement("wfs", "StoredQuery", WFS);
            w.writeAttribute("id", WfsKvpParser.GET_FEATURE_BY_ID);
            XmlSupport.element(w, "wfs", WFS, "Title", "Get feature by identifier");
            for (GatedLayer l : layers) {
                XmlSupport.element(w, "wfs", WFS, "ReturnFeatureType", ctx.settings().namespacePrefix() + ":" + l.name());
            }
            w.writeEndElement();
            end(w);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    static void describe(OutputStream out, WfsContext ctx, List<GatedLayer> layers, List<String> ids) throws IOException {
        for (String id : ids) {
            if (!WfsKvpParser.GET_FEATURE_BY_ID.equals(id)) {
                throw GeoServiceException.invalid("STOREDQUERY_ID", "Unknown stored query: " + id);
            }
        }
        try {
            XMLStreamWriter w = start(out, ctx, "DescribeStoredQueriesResponse");
            w.writeStartElement("wfs", "StoredQueryDescription", WFS);
            w.writeAttribute("id", WfsKvpParser.GET_FEATURE_BY_ID);
            XmlSupport.element(w, "wfs", WFS, "Title", "Get feature by identifier");
            XmlSupport.element(w, "wfs", WFS, "Abstract", "Returns the single feature whose gml:id is the value of ID.");
            w.writeEmptyElement("wfs", "Parameter", WFS);
            w.writeAttribute("name", "ID");
            w.writeAttribute("type", "xsd:string");
            w.writeEmptyElement("wfs", "QueryExpressionText", WFS);
            String tm = ctx.settings().namespacePrefix();
            w.writeAttribute("returnFeatureTypes", layers.stream().map(l -> tm + ":" + l.name()).collect(Collectors.joining(" ")));
            w.writeAttribute("language", "urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression");
            w.writeAttribute("isPrivate", "true");
            w.writeEndElement();
            end(w);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static XMLStreamWriter start(OutputStream out, WfsContext ctx, String root) throws IOException, XMLStreamException {
        XMLStreamWriter w = XmlSupport.writer(out);
        w.setPrefix("wfs", WFS);
        w.writeStartElement("wfs", root, WFS);
        w.writeNamespace("wfs", WFS);
        w.writeNamespace("xsd", XmlSupport.XSD);
        w.writeNamespace("xsi", XmlSupport.XSI);
        w.writeNamespace(ctx.settings().namespacePrefix(), ctx.settings().namespaceUri());
        w.writeAttribute("xsi", XmlSupport.XSI, "schemaLocation", WFS + " " + ctx.settings().schemaBaseUrl() + WfsVersion.V200.schemaPath);
        return w;
    }

    private static void end(XMLStreamWriter w) throws XMLStreamException {
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
    }
}
