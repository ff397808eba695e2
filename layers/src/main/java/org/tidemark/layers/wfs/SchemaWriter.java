package org.tidemark.layers.wfs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.layers.gml.GmlVersion;
import org.tidemark.layers.web.GatedLayer;

/**
 * Writes the DescribeFeatureType response (WFS 2.0 §9): an XML Schema for the requested types as flat GML
 * simple features (OGC 10-100r3 level SF-0): each type extends {@code gml:AbstractFeatureType} with its
 * geometry property and one optional, nillable element per visible attribute, in publication order.
 */
final class SchemaWriter {
    private SchemaWriter() {}

    /**
     * The XML Schema type of an attribute. Integers are declared {@code xsd:integer} (the SF-0 profile's integer
     * type, and the one conformance tools derive XPath comparisons from) rather than int/long.
     */
    static String xsdType(org.tidemark.core.feature.AttributeType t) {
        return switch (t) {
            case INTEGER, LONG -> "integer";
            default -> t.xsdType();
        };
    }

    /**
     * GML 3.2 has no LineString/Polygon property types, so a simple-features line layer declares
     * {@code gml:CurvePropertyType} (any curve) and a polygon layer {@code gml:SurfacePropertyType}. The values we
     * write are always the simple kind; the comment {@code <!-- restricted to LineString -->} after the element is
     * the convention GDAL's GML reader (and its WFS driver) honours, so that clients report LineString rather than
     * CompoundCurve (and Polygon, MultiLineString, MultiPolygon rather than CurvePolygon, MultiCurve, MultiSurface).
     * A comment keeps the schema valid GML 3.2 and changes nothing for schema-aware clients.
     */
    static String simpleFeatureRestriction(GeometryKind kind) {
        return switch (kind) {
            case LINESTRING, POLYGON, MULTILINESTRING, MULTIPOLYGON -> kind.simpleFeaturesName();
            default -> null;
        };
    }

    static void write(OutputStream out, WfsContext ctx, List<GatedLayer> layers, GmlVersion gml) throws IOException {
        try {
            XMLStreamWriter w = XmlSupport.writer(out);
            String ns = ctx.settings().namespaceUri();
            String tm = ctx.settings().namespacePrefix();
            w.setPrefix("xsd", XmlSupport.XSD);
            w.writeStartElement("xsd", "schema", XmlSupport.XSD);
            w.writeNamespace("xsd", XmlSupport.XSD);
            w.writeNamespace("gml", gml.namespace());
            w.writeNamespace(tm, ns);
            w.writeAttribute("targetNamespace", ns);
            w.writeAttribute("elementFormDefault", "qualified");
            w.writeAttribute("attributeFormDefault", "unqualified");
            w.writeAttribute("version", "1.0");
            w.writeEmptyElement("xsd", "import", XmlSupport.XSD);
            w.writeAttribute("namespace", gml.namespace());
            w.writeAttribute("schemaLocation", ctx.settings().schemaBaseUrl() + gml.schemaPath());
            for (GatedLayer l : layers) {
                FeatureType t = l.type();
                w.writeStartElement("xsd", "complexType", XmlSupport.XSD);
                w.writeAttribute("name", t.name() + "Type");
                w.writeStartElement("xsd", "complexContent", XmlSupport.XSD);
                w.writeStartElement("xsd", "extension", XmlSupport.XSD);
                w.writeAttribute("base", "gml:AbstractFeatureType");
                w.writeStartElement("xsd", "sequence", XmlSupport.XSD);
                w.writeEmptyElement("xsd", "element", XmlSupport.XSD);
                w.writeAttribute("name", t.geometryName());
                w.writeAttribute("type", t.geometryKind().gmlPropertyType());
                w.writeAttribute("minOccurs", "0");
                w.writeAttribute("maxOccurs", "1");
                w.writeAttribute("nillable", "true");
                String restriction = simpleFeatureRestriction(t.geometryKind());
                if (restriction != null) w.writeComment(" restricted to " + restriction + " ");
                for (Attribute a : t.attributes()) {
                    w.writeEmptyElement("xsd", "element", XmlSupport.XSD);
                    w.writeAttribute("name", a.name());
                    w.writeAttribute("type", "xsd:" + xsdType(a.type()));
                    w.writeAttribute("minOccurs", "0");
                    w.writeAttribute("maxOccurs", "1");
                    w.writeAttribute("nillable", "true");
                }
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
                w.writeEmptyElement("xsd", "element", XmlSupport.XSD);
                w.writeAttribute("name", t.name());
                w.writeAttribute("type", tm + ":" + t.name() + "Type");
                w.writeAttribute("substitutionGroup", gml == GmlVersion.GML32 ? "gml:AbstractFeature" : "gml:_Feature");
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
