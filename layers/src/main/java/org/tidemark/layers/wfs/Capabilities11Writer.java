package org.tidemark.layers.wfs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.layers.gml.GmlVersion;
import org.tidemark.layers.gml.Numbers;
import org.tidemark.layers.web.GatedLayer;

/**
 * Writes the WFS 1.1.0 capabilities document (OGC 04-094r1 §13, OWS 1.0.0 sections, Filter Encoding 1.1
 * filter capabilities) for clients that still negotiate 1.1.0.
 */
final class Capabilities11Writer {
    static final String OWS = "http://www.opengis.net/ows";
    static final String OGC = "http://www.opengis.net/ogc";
    static final String WFS = WfsVersion.V110.namespace;

    private Capabilities11Writer() {}

    static void write(OutputStream out, WfsContext ctx, List<GatedLayer> layers, Locale locale) throws IOException {
        try {
            XMLStreamWriter w = XmlSupport.writer(out);
            String sb = ctx.settings().schemaBaseUrl();
            w.setPrefix("wfs", WFS);
            w.writeStartElement("wfs", "WFS_Capabilities", WFS);
            w.writeNamespace("wfs", WFS);
            w.writeNamespace("ows", OWS);
            w.writeNamespace("ogc", OGC);
            w.writeNamespace("gml", GmlVersion.GML311.namespace());
            w.writeNamespace("xlink", XmlSupport.XLINK);
            w.writeNamespace("xsi", XmlSupport.XSI);
            w.writeNamespace(ctx.settings().namespacePrefix(), ctx.settings().namespaceUri());
            w.writeAttribute("xsi", XmlSupport.XSI, "schemaLocation", WFS + " " + sb + "/wfs/1.1.0/wfs.xsd");
            w.writeAttribute("version", "1.1.0");

            w.writeStartElement("ows", "ServiceIdentification", OWS);
            XmlSupport.element(w, "ows", OWS, "Title", ctx.settings().title().in(locale));
            XmlSupport.element(w, "ows", OWS, "Abstract", ctx.settings().abstractText().in(locale));
            XmlSupport.element(w, "ows", OWS, "ServiceType", "WFS");
            XmlSupport.element(w, "ows", OWS, "ServiceTypeVersion", "1.1.0");
            XmlSupport.element(w, "ows", OWS, "Fees", "NONE");
            XmlSupport.element(w, "ows", OWS, "AccessConstraints", "NONE");
            w.writeEndElement();
            w.writeStartElement("ows", "ServiceProvider", OWS);
            XmlSupport.element(w, "ows", OWS, "ProviderName", ctx.settings().provider());
            w.writeStartElement("ows", "ServiceContact", OWS);
            w.writeEndElement();
            w.writeEndElement();

            w.writeStartElement("ows", "OperationsMetadata", OWS);
            String href = ctx.baseUrl() + "/wfs";
            for (String op : List.of("GetCapabilities", "DescribeFeatureType", "GetFeature")) {
                w.writeStartElement("ows", "Operation", OWS);
                w.writeAttribute("name", op);
                w.writeStartElement("ows", "DCP", OWS);
                w.writeStartElement("ows", "HTTP", OWS);
                w.writeEmptyElement("ows", "Get", OWS);
                w.writeAttribute("xlink", XmlSupport.XLINK, "href", href + "?");
                w.writeEmptyElement("ows", "Post", OWS);
                w.writeAttribute("xlink", XmlSupport.XLINK, "href", href);
                w.writeEndElement();
                w.writeEndElement();
                if (op.equals("GetFeature")) {
                    w.writeStartElement("ows", "Parameter", OWS);
                    w.writeAttribute("name", "outputFormat");
                    for (String f : List.of(OutputFormat.GML311.mime, OutputFormat.GML32.mime, OutputFormat.GEOJSON.mime, OutputFormat.CSV.mime)) {
                        XmlSupport.element(w, "ows", OWS, "Value", f);
                    }
                    w.writeEndElement();
                    w.writeStartElement("ows", "Parameter", OWS);
                    w.writeAttribute("name", "resultType");
                    XmlSupport.element(w, "ows", OWS, "Value", "results");
                    XmlSupport.element(w, "ows", OWS, "Value", "hits");
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();

            w.writeStartElement("wfs", "FeatureTypeList", WFS);
            w.writeStartElement("wfs", "Operations", WFS);
            XmlSupport.element(w, "wfs", WFS, "Operation", "Query");
            w.writeEndElement();
            for (GatedLayer l : layers) {
                w.writeStartElement("wfs", "FeatureType", WFS);
                XmlSupport.element(w, "wfs", WFS, "Name", ctx.settings().namespacePrefix() + ":" + l.name());
                XmlSupport.element(w, "wfs", WFS, "Title", l.type().title().in(locale));
                if (!l.type().description().in(locale).isBlank()) XmlSupport.element(w, "wfs", WFS, "Abstract", l.type().description().in(locale));
                XmlSupport.element(w, "wfs", WFS, "DefaultSRS", "urn:ogc:def:crs:EPSG::4490");
                for (String crs : Capabilities20Writer.OTHER_CRS) XmlSupport.element(w, "wfs", WFS, "OtherSRS", crs);
                w.writeStartElement("wfs", "OutputFormats", WFS);
                XmlSupport.element(w, "wfs", WFS, "Format", OutputFormat.GML311.mime);
                XmlSupport.element(w, "wfs", WFS, "Format", OutputFormat.GEOJSON.mime);
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

            w.writeStartElement("ogc", "Filter_Capabilities", OGC);
            w.writeStartElement("ogc", "Spatial_Capabilities", OGC);
            w.writeStartElement("ogc", "GeometryOperands", OGC);
            for (String g : List.of("gml:Envelope", "gml:Point", "gml:LineString", "gml:Polygon")) XmlSupport.element(w, "ogc", OGC, "GeometryOperand", g);
            w.writeEndElement();
            w.writeStartElement("ogc", "SpatialOperators", OGC);
            for (String op : Capabilities20Writer.SPATIAL) {
                w.writeEmptyElement("ogc", "SpatialOperator", OGC);
                w.writeAttribute("name", op);
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("ogc", "Scalar_Capabilities", OGC);
            w.writeEmptyElement("ogc", "LogicalOperators", OGC);
            w.writeStartElement("ogc", "ComparisonOperators", OGC);
            for (String op : List.of("EqualTo", "NotEqualTo", "LessThan", "GreaterThan", "LessThanEqualTo", "GreaterThanEqualTo", "Like", "Between", "NullCheck")) {
                XmlSupport.element(w, "ogc", OGC, "ComparisonOperator", op);
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("ogc", "Id_Capabilities", OGC);
            w.writeEmptyElement("ogc", "FID", OGC);
            w.writeEndElement();
            w.writeEndElement();

            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
