package org.tidemark.layers.wfs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.layers.gml.GmlVersion;
import org.tidemark.layers.gml.Numbers;
import org.tidemark.layers.web.GatedLayer;

/**
 * Writes the WFS 2.0 capabilities document (OGC 09-025r2 §8.3, OWS 1.1 sections): service identification and
 * provider, operations with their GET/POST endpoints, the conformance constraints of Table 13 set to what is
 * implemented (Simple, Basic, result paging, KVP and XML encodings — not transactions, locking, joins or
 * stored-query management), one FeatureType per layer the caller may see, and the FES 2.0
 * Filter_Capabilities (ISO 19143 §7.13).
 */
final class Capabilities20Writer {
    static final String OWS = "http://www.opengis.net/ows/1.1";
    static final String FES = "http://www.opengis.net/fes/2.0";
    static final String WFS = WfsVersion.V200.namespace;
    static final List<String> OTHER_CRS = List.of("urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG::3857",
            "urn:ogc:def:crs:EPSG::4549", "urn:ogc:def:crs:EPSG::4550", "urn:ogc:def:crs:EPSG::4528",
            "urn:ogc:def:crs:EPSG::4529", "urn:ogc:def:crs:OGC:1.3:CRS84");
    static final List<String> FORMATS = List.of(OutputFormat.GML32.mime, OutputFormat.GML311.mime,
            OutputFormat.GEOJSON.mime, OutputFormat.CSV.mime);
    static final List<String> COMPARISON = List.of("PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan",
            "PropertyIsGreaterThan", "PropertyIsLessThanOrEqualTo", "PropertyIsGreaterThanOrEqualTo", "PropertyIsLike",
            "PropertyIsNull", "PropertyIsNil", "PropertyIsBetween");
    static final List<String> SPATIAL = List.of("BBOX", "Equals", "Disjoint", "Intersects", "Touches", "Crosses",
            "Within", "Contains", "Overlaps", "Beyond", "DWithin");
    static final List<String> GEOMETRY_OPERANDS = List.of("gml:Envelope", "gml:Point", "gml:LineString", "gml:Polygon",
            "gml:MultiPoint", "gml:MultiCurve", "gml:MultiSurface", "gml:MultiGeometry", "gml:LinearRing", "gml:Curve", "gml:Surface");
    static final List<String> TEMPORAL = List.of("After", "Before", "During", "TEquals");

    private final WfsContext ctx;
    private final XMLStreamWriter w;

    private Capabilities20Writer(WfsContext ctx, XMLStreamWriter w) {
        this.ctx = ctx;
        this.w = w;
    }

    static void write(OutputStream out, WfsContext ctx, List<GatedLayer> layers, Set<String> sections, Locale locale) throws IOException {
        try {
            XMLStreamWriter w = XmlSupport.writer(out);
            new Capabilities20Writer(ctx, w).document(layers, sections, locale);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static boolean wants(Set<String> sections, String name) {
        return sections.isEmpty() || sections.contains("All") || sections.contains(name);
    }

    private void document(List<GatedLayer> layers, Set<String> sections, Locale locale) throws XMLStreamException {
        String sb = ctx.settings().schemaBaseUrl();
        w.setPrefix("wfs", WFS);
        w.writeStartElement("wfs", "WFS_Capabilities", WFS);
        w.writeNamespace("wfs", WFS);
        w.writeNamespace("ows", OWS);
        w.writeNamespace("fes", FES);
        w.writeNamespace("gml", GmlVersion.GML32.namespace());
        w.writeNamespace("xlink", XmlSupport.XLINK);
        w.writeNamespace("xsi", XmlSupport.XSI);
        w.writeNamespace(ctx.settings().namespacePrefix(), ctx.settings().namespaceUri());
        w.writeAttribute("xsi", XmlSupport.XSI, "schemaLocation", WFS + " " + sb + "/wfs/2.0/wfs.xsd");
        w.writeAttribute("version", "2.0.0");
        if (wants(sections, "ServiceIdentification")) serviceIdentification(locale);
        if (wants(sections, "ServiceProvider")) serviceProvider();
        if (wants(sections, "OperationsMetadata")) operations(layers.stream().anyMatch(l -> l.store().isPresent()));
        if (wants(sections, "FeatureTypeList")) featureTypes(layers, locale);
        if (wants(sections, "Filter_Capabilities")) filterCapabilities();
        w.writeEndElement();
    }

    private void serviceIdentification(Locale locale) throws XMLStreamException {
        w.writeStartElement("ows", "ServiceIdentification", OWS);
        XmlSupport.element(w, "ows", OWS, "Title", ctx.settings().title().in(locale));
        XmlSupport.element(w, "ows", OWS, "Abstract", ctx.settings().abstractText().in(locale));
        XmlSupport.element(w, "ows", OWS, "ServiceType", "WFS");
        XmlSupport.element(w, "ows", OWS, "ServiceTypeVersion", "2.0.0");
        XmlSupport.element(w, "ows", OWS, "ServiceTypeVersion", "1.1.0");
        XmlSupport.element(w, "ows", OWS, "Fees", "NONE");
        XmlSupport.element(w, "ows", OWS, "AccessConstraints", "NONE");
        w.writeEndElement();
    }

    private void serviceProvider() throws XMLStreamException {
        w.writeStartElement("ows", "ServiceProvider", OWS);
        XmlSupport.element(w, "ows", OWS, "ProviderName", ctx.settings().provider());
        w.writeStartElement("ows", "ServiceContact", OWS);
        w.writeEndElement();
        w.writeEndElement();
    }

    /** @param transactional whether the caller may write at least one layer (Transaction is then offered) */
    private void operations(boolean transactional) throws XMLStreamException {
        w.writeStartElement("ows", "OperationsMetadata", OWS);
        operation("GetCapabilities", new String[][]{{"AcceptVersions", "2.0.0", "1.1.0"}, {"AcceptFormats", "text/xml"},
                {"Sections", "ServiceIdentification", "ServiceProvider", "OperationsMetadata", "FeatureTypeList", "Filter_Capabilities"}});
        operation("DescribeFeatureType", new String[][]{{"outputFormat", OutputFormat.GML32.mime, OutputFormat.GML311.mime}});
        operation("ListStoredQueries", new String[0][]);
        operation("DescribeStoredQueries", new String[0][]);
        operation("GetPropertyValue", new String[][]{{"resolve", "none", "local"}});
        String[] formats = java.util.stream.Stream.concat(java.util.stream.Stream.of("outputFormat"), FORMATS.stream()).toArray(String[]::new);
        operation("GetFeature", new String[][]{formats, {"resultType", "results", "hits"},
                {"resolve", "none", "local"}});
        if (transactional) operation("Transaction", new String[][]{{"inputFormat", OutputFormat.GML32.mime}, {"releaseAction", "ALL"}});
        parameter("version", "2.0.0", "1.1.0");
        for (String[] c : new String[][]{{"ImplementsBasicWFS", "TRUE"}, {"ImplementsTransactionalWFS", transactional ? "TRUE" : "FALSE"},
                {"ImplementsLockingWFS", "FALSE"}, {"KVPEncoding", "TRUE"}, {"XMLEncoding", "TRUE"}, {"SOAPEncoding", "FALSE"},
                {"ImplementsInheritance", "FALSE"}, {"ImplementsRemoteResolve", "FALSE"}, {"ImplementsResultPaging", "TRUE"},
                {"ImplementsStandardJoins", "FALSE"}, {"ImplementsSpatialJoins", "FALSE"}, {"ImplementsTemporalJoins", "FALSE"},
                {"ImplementsFeatureVersioning", "FALSE"}, {"ManageStoredQueries", "FALSE"}}) {
            constraint(w, "ows", c[0], c[1]);
        }
        w.writeStartElement("ows", "Constraint", OWS);
        w.writeAttribute("name", "QueryExpressions");
        w.writeStartElement("ows", "AllowedValues", OWS);
        XmlSupport.element(w, "ows", OWS, "Value", "wfs:Query");
        XmlSupport.element(w, "ows", OWS, "Value", "wfs:StoredQuery");
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private void operation(String name, String[][] params) throws XMLStreamException {
        String href = ctx.baseUrl() + "/wfs";
        w.writeStartElement("ows", "Operation", OWS);
        w.writeAttribute("name", name);
        w.writeStartElement("ows", "DCP", OWS);
        w.writeStartElement("ows", "HTTP", OWS);
        w.writeEmptyElement("ows", "Get", OWS);
        w.writeAttribute("xlink", XmlSupport.XLINK, "href", href + "?");
        w.writeEmptyElement("ows", "Post", OWS);
        w.writeAttribute("xlink", XmlSupport.XLINK, "href", href);
        w.writeEndElement();
        w.writeEndElement();
        for (String[] p : params) parameter(p[0], java.util.Arrays.copyOfRange(p, 1, p.length));
        w.writeEndElement();
    }

    private void parameter(String name, String... values) throws XMLStreamException {
        w.writeStartElement("ows", "Parameter", OWS);
        w.writeAttribute("name", name);
        w.writeStartElement("ows", "AllowedValues", OWS);
        for (String v : values) XmlSupport.element(w, "ows", OWS, "Value", v);
        w.writeEndElement();
        w.writeEndElement();
    }

    static void constraint(XMLStreamWriter w, String prefix, String name, String value) throws XMLStreamException {
        w.writeStartElement(prefix, "Constraint", prefix.equals("fes") ? FES : OWS);
        w.writeAttribute("name", name);
        w.writeEmptyElement("ows", "NoValues", OWS);
        XmlSupport.element(w, "ows", OWS, "DefaultValue", value);
        w.writeEndElement();
    }

    private void featureTypes(List<GatedLayer> layers, Locale locale) throws XMLStreamException {
        w.writeStartElement("wfs", "FeatureTypeList", WFS);
        for (GatedLayer l : layers) {
            w.writeStartElement("wfs", "FeatureType", WFS);
            XmlSupport.element(w, "wfs", WFS, "Name", ctx.settings().namespacePrefix() + ":" + l.name());
            XmlSupport.element(w, "wfs", WFS, "Title", l.type().title().in(locale));
            if (!l.type().description().in(locale).isBlank()) XmlSupport.element(w, "wfs", WFS, "Abstract", l.type().description().in(locale));
            if (!l.layer().keywords().isEmpty()) {
                w.writeStartElement("ows", "Keywords", OWS);
                for (String k : l.layer().keywords()) XmlSupport.element(w, "ows", OWS, "Keyword", k);
                w.writeEndElement();
            }
            XmlSupport.element(w, "wfs", WFS, "DefaultCRS", "urn:ogc:def:crs:EPSG::4490");
            for (String crs : OTHER_CRS) XmlSupport.element(w, "wfs", WFS, "OtherCRS", crs);
            w.writeStartElement("wfs", "OutputFormats", WFS);
            for (String f : FORMATS) XmlSupport.element(w, "wfs", WFS, "Format", f);
            w.writeEndElement();
            Envelope e = l.extent();
            if (e != null) {
                w.writeStartElement("ows", "WGS84BoundingBox", OWS);
                XmlSupport.element(w, "ows", OWS, "LowerCorner", Numbers.format(e.getMinX()) + " " + Numbers.format(e.getMinY()));
                XmlSupport.element(w, "ows", OWS, "UpperCorner", Numbers.format(e.getMaxX()) + " " + Numbers.format(e.getMaxY()));
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void filterCapabilities() throws XMLStreamException {
        w.writeStartElement("fes", "Filter_Capabilities", FES);
        w.writeStartElement("fes", "Conformance", FES);
        for (String[] c : new String[][]{{"ImplementsQuery", "TRUE"}, {"ImplementsAdHocQuery", "TRUE"},
                {"ImplementsFunctions", "FALSE"}, {"ImplementsResourceId", "TRUE"}, {"ImplementsMinStandardFilter", "TRUE"},
                {"ImplementsStandardFilter", "TRUE"}, {"ImplementsMinSpatialFilter", "TRUE"}, {"ImplementsSpatialFilter", "TRUE"},
                {"ImplementsMinTemporalFilter", "TRUE"}, {"ImplementsTemporalFilter", "FALSE"}, {"ImplementsVersionNav", "FALSE"},
                {"ImplementsSorting", "TRUE"}, {"ImplementsExtendedOperators", "FALSE"}, {"ImplementsMinimumXPath", "TRUE"},
                {"ImplementsSchemaElementFunc", "FALSE"}}) {
            constraint(w, "fes", c[0], c[1]);
        }
        w.writeEndElement();
        w.writeStartElement("fes", "Id_Capabilities", FES);
        w.writeEmptyElement("fes", "ResourceIdentifier", FES);
        w.writeAttribute("name", "fes:ResourceId");
        w.writeEndElement();
        w.writeStartElement("fes", "Scalar_Capabilities", FES);
        w.writeEmptyElement("fes", "LogicalOperators", FES);
        w.writeStartElement("fes", "ComparisonOperators", FES);
        for (String op : COMPARISON) {
            w.writeEmptyElement("fes", "ComparisonOperator", FES);
            w.writeAttribute("name", op);
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("fes", "Spatial_Capabilities", FES);
        w.writeStartElement("fes", "GeometryOperands", FES);
        for (String g : GEOMETRY_OPERANDS) {
            w.writeEmptyElement("fes", "GeometryOperand", FES);
            w.writeAttribute("name", g);
        }
        w.writeEndElement();
        w.writeStartElement("fes", "SpatialOperators", FES);
        for (String op : SPATIAL) {
            w.writeEmptyElement("fes", "SpatialOperator", FES);
            w.writeAttribute("name", op);
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("fes", "Temporal_Capabilities", FES);
        w.writeStartElement("fes", "TemporalOperands", FES);
        for (String t : List.of("gml:TimeInstant", "gml:TimePeriod")) {
            w.writeEmptyElement("fes", "TemporalOperand", FES);
            w.writeAttribute("name", t);
        }
        w.writeEndElement();
        w.writeStartElement("fes", "TemporalOperators", FES);
        for (String op : TEMPORAL) {
            w.writeEmptyElement("fes", "TemporalOperator", FES);
            w.writeAttribute("name", op);
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }
}
