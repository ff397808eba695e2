package org.tidemark.layers.gml;

import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.StandardProperties;
import org.w3c.dom.Element;

/**
 * Reads and writes the GML standard object properties of a feature ({@code gml:description}, {@code gml:identifier},
 * {@code gml:name}; ISO 19136 §7.2.4.1), which a WFS 2.0 transaction may set on any feature type (OGC 09-025r2
 * §15.2.5.2.1) and which are kept under the {@link StandardProperties} keys.
 *
 * <p>Written in the order {@code gml:AbstractGMLType} requires, before the feature's own properties: description,
 * identifier (GML 3.2 only; its {@code codeSpace} is mandatory, so an identifier stored without one gets the OGC nil
 * URI for "unknown"), name. Only the first {@code gml:name} is kept.
 */
public final class GmlStandardProperties {
    /** The codeSpace written for an identifier stored without one (OGC nil reason register: unknown). */
    static final String UNKNOWN_CODESPACE = "http://www.opengis.net/def/nil/OGC/0/unknown";

    private GmlStandardProperties() {}

    /**
     * Takes a standard property element of a feature in a transaction into {@code props}; returns false when
     * {@code e} is not one (then another GML element such as {@code gml:boundedBy} that is not stored).
     */
    public static boolean read(Element e, Map<String, Object> props) {
        if (!GmlGeometryReader.isGml(e)) return false;
        String text = e.getTextContent().strip();
        switch (e.getLocalName()) {
            case "description" -> props.put(StandardProperties.DESCRIPTION, text);
            case "identifier" -> {
                props.put(StandardProperties.IDENTIFIER, text);
                String cs = e.getAttribute("codeSpace");
                props.put(StandardProperties.IDENTIFIER_CODESPACE, cs.isBlank() ? null : cs.strip());
            }
            case "name" -> props.putIfAbsent(StandardProperties.NAME, text);
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * The standard-property key a WFS Update {@code ValueReference} such as {@code gml:name[1]} names, or null when it
     * names something else. The prefix must be bound to a GML namespace where the reference appears.
     */
    public static String key(String valueReference, Element context) {
        String ref = valueReference.strip();
        int colon = ref.indexOf(':');
        if (colon <= 0) return null;
        String ns = context.lookupNamespaceURI(ref.substring(0, colon));
        if (!GmlVersion.GML32.namespace().equals(ns) && !GmlVersion.GML311.namespace().equals(ns)) return null;
        String local = ref.substring(colon + 1);
        if (local.endsWith("]")) {
            int open = local.indexOf('[');
            if (open < 0 || !local.substring(open + 1, local.length() - 1).strip().equals("1")) {
                throw GeoServiceException.invalid(valueReference, "Only the first " + local.substring(0, Math.max(open, 0))
                        + " of a feature is stored: " + valueReference);
            }
            local = local.substring(0, open);
        }
        return switch (local) {
            case "description" -> StandardProperties.DESCRIPTION;
            case "identifier" -> StandardProperties.IDENTIFIER;
            case "name" -> StandardProperties.NAME;
            default -> null;
        };
    }

    /** Writes the feature's standard properties (those it has) as the first children of its element. */
    public static void write(XMLStreamWriter w, GmlVersion gml, Feature f) throws XMLStreamException {
        Object description = f.get(StandardProperties.DESCRIPTION);
        Object identifier = f.get(StandardProperties.IDENTIFIER);
        Object name = f.get(StandardProperties.NAME);
        if (description == null && identifier == null && name == null) return;
        String ns = gml.namespace();
        if (description != null) element(w, ns, "description", null, description);
        if (identifier != null && gml == GmlVersion.GML32) {
            Object cs = f.get(StandardProperties.IDENTIFIER_CODESPACE);
            element(w, ns, "identifier", cs == null ? UNKNOWN_CODESPACE : cs.toString(), identifier);
        }
        if (name != null) element(w, ns, "name", null, name);
    }

    private static void element(XMLStreamWriter w, String ns, String local, String codeSpace, Object value)
            throws XMLStreamException {
        w.writeStartElement("gml", local, ns);
        if (codeSpace != null) w.writeAttribute("codeSpace", codeSpace);
        w.writeCharacters(value.toString());
        w.writeEndElement();
    }
}
