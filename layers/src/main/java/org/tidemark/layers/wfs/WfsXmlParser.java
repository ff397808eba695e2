package org.tidemark.layers.wfs;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.layers.ows.OwsException;
import org.tidemark.layers.ows.SafeXml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Parses POST XML requests (WFS 2.0 XML encodings §8–§14, WFS 1.1 §8–§13): GetCapabilities,
 * DescribeFeatureType, GetFeature and GetPropertyValue with {@code wfs:Query} (typeNames, srsName,
 * PropertyName, fes:Filter, fes:SortBy) and {@code wfs:StoredQuery}, ListStoredQueries and
 * DescribeStoredQueries. The document is parsed with {@link SafeXml} (no DTDs, no entities).
 */
final class WfsXmlParser {
    private WfsXmlParser() {}

    static WfsCall parse(byte[] body) {
        return parse(SafeXml.parse(body, "request").getDocumentElement());
    }

    static WfsCall parse(Element root) {
        String op = root.getLocalName();
        String ns = root.getNamespaceURI();
        if (!WfsVersion.V200.namespace.equals(ns) && !WfsVersion.V110.namespace.equals(ns)) {
            throw OwsException.parsingFailed("request", "Not a WFS request document: {" + ns + "}" + op);
        }
        String service = root.getAttribute("service");
        if (!service.isBlank() && !"WFS".equalsIgnoreCase(service.trim())) {
            throw GeoServiceException.invalid("service", "Unknown service: " + service);
        }
        WfsVersion byNs = WfsVersion.V200.namespace.equals(ns) ? WfsVersion.V200 : WfsVersion.V110;
        if ("GetCapabilities".equals(op)) {
            List<String> versions = new ArrayList<>();
            Set<String> sections = new LinkedHashSet<>();
            for (Element c : children(root)) {
                if ("AcceptVersions".equals(c.getLocalName())) children(c).forEach(v -> versions.add(v.getTextContent().trim()));
                if ("Sections".equals(c.getLocalName())) children(c).forEach(v -> sections.add(v.getTextContent().trim()));
            }
            if (versions.isEmpty()) versions.add(byNs.text);
            return new WfsCall(op, null, versions, sections, null, null, null, null);
        }
        String versionText = root.getAttribute("version");
        WfsVersion version = versionText.isBlank() ? byNs : WfsVersion.parse(versionText);
        if (version == null) throw GeoServiceException.invalid("version", "Unsupported version: " + versionText);
        return switch (op) {
            case "DescribeFeatureType" -> {
                List<String> types = new ArrayList<>();
                for (Element c : children(root)) if ("TypeName".equals(c.getLocalName())) types.add(c.getTextContent().trim());
                yield new WfsCall(op, version, null, null, types, attr(root, "outputFormat"), null, null);
            }
            case "GetFeature", "GetPropertyValue" -> new WfsCall(op, version, null, null, null, null, getFeature(root, version, op), null);
            case "ListStoredQueries" -> new WfsCall(op, version, null, null, null, null, null, null);
            case "DescribeStoredQueries" -> {
                List<String> ids = new ArrayList<>();
                for (Element c : children(root)) if ("StoredQueryId".equals(c.getLocalName())) ids.add(c.getTextContent().trim());
                yield new WfsCall(op, version, null, null, null, null, null, ids);
            }
            default -> new WfsCall(op, version, null, null, null, null, null, null);
        };
    }

    private static GetFeatureRequest getFeature(Element root, WfsVersion version, String op) {
        long start = number(root, "startIndex", 0);
        long count = root.hasAttribute("count") ? number(root, "count", -1) : root.hasAttribute("maxFeatures") ? number(root, "maxFeatures", -1) : -1;
        String resultType = attr(root, "resultType");
        if (resultType != null && !resultType.equals("results") && !resultType.equals("hits")) {
            throw GeoServiceException.invalid("resultType", "resultType must be results or hits");
        }
        OutputFormat format = OutputFormat.parse(attr(root, "outputFormat"), version);
        boolean propertyValue = "GetPropertyValue".equals(op);
        if (propertyValue && root.hasAttribute("valueReference") && root.getAttribute("valueReference").isBlank()) {
            throw GeoServiceException.invalid("valueReference", "valueReference is empty");
        }
        String valueReference = propertyValue ? attr(root, "valueReference") : null;
        if (propertyValue && valueReference == null) throw GeoServiceException.missing("valueReference");
        List<QuerySpec> queries = new ArrayList<>();
        boolean byId = false;
        for (Element q : children(root)) {
            switch (q.getLocalName()) {
                case "Query" -> queries.add(query(q, version));
                case "StoredQuery" -> {
                    String id = q.getAttribute("id").trim();
                    if (!WfsKvpParser.GET_FEATURE_BY_ID.equals(id)) {
                        throw GeoServiceException.invalid("id", "Unknown stored query: " + id);
                    }
                    String fid = null;
                    for (Element p : children(q)) {
                        if ("Parameter".equals(p.getLocalName()) && "ID".equalsIgnoreCase(p.getAttribute("name"))) fid = p.getTextContent().trim();
                    }
                    if (fid == null || fid.isEmpty()) throw GeoServiceException.missing("ID");
                    queries.add(new QuerySpec(List.of(), null, null, null, List.of(fid), null, null, null, null));
                    byId = !propertyValue;
                }
                default -> { }
            }
        }
        if (queries.isEmpty()) throw GeoServiceException.missing("Query");
        return new GetFeatureRequest(version, queries, start, count, "hits".equals(resultType), format, valueReference, byId && queries.size() == 1);
    }

    private static QuerySpec query(Element q, WfsVersion version) {
        String typeNames = attr(q, "typeNames");
        if (typeNames == null) typeNames = attr(q, "typeName");
        if (typeNames == null) throw GeoServiceException.missing("typeNames");
        List<String> types = List.of(typeNames.trim().split("[\\s,]+"));
        Element filter = null;
        List<String> props = null;
        StringBuilder sort = null;
        for (Element c : children(q)) {
            switch (c.getLocalName()) {
                case "Filter" -> filter = c;
                case "PropertyName" -> {
                    if (props == null) props = new ArrayList<>();
                    props.add(c.getTextContent().trim());
                }
                case "SortBy" -> {
                    sort = new StringBuilder();
                    for (Element sp : children(c)) {
                        String name = null;
                        String order = "ASC";
                        for (Element x : children(sp)) {
                            if ("ValueReference".equals(x.getLocalName()) || "PropertyName".equals(x.getLocalName())) name = x.getTextContent().trim();
                            if ("SortOrder".equals(x.getLocalName())) order = x.getTextContent().trim().toUpperCase(Locale.ROOT);
                        }
                        if (name == null) throw OwsException.parsingFailed("SortBy", "SortProperty without ValueReference");
                        if (sort.length() > 0) sort.append(',');
                        sort.append(name).append(' ').append(order);
                    }
                }
                default -> { }
            }
        }
        return new QuerySpec(types, filter, filter == null ? null : serialize(filter), null, List.of(), null, props,
                sort == null ? null : sort.toString(), attr(q, "srsName"));
    }

    static String serialize(Element e) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter sw = new StringWriter();
            t.transform(new DOMSource(e), new StreamResult(sw));
            return sw.toString();
        } catch (TransformerException x) {
            return null;
        }
    }

    private static long number(Element e, String name, long dflt) {
        String v = attr(e, name);
        if (v == null) return dflt;
        try {
            long n = Long.parseLong(v);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException x) {
            throw GeoServiceException.invalid(name, name + " must be a non-negative integer");
        }
    }

    private static String attr(Element e, String name) {
        String v = e.getAttribute(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) out.add(c);
        return out;
    }
}
