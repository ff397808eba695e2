package org.tidemark.core.style;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small immutable element tree read with StAX, for the small documents styles are. DTDs are refused
 * outright (no DOCTYPE, so no entity expansion and no external entity can ever be resolved: XXE-safe),
 * and depth and element counts are bounded. {@code content} holds text and child elements in document
 * order (for mixed-content labels).
 */
record XmlNode(String namespace, String name, Map<String, String> attributes, String text, List<XmlNode> children,
               List<Object> content) {
    static final int MAX_DEPTH = 64;
    static final int MAX_ELEMENTS = 100_000;

    XmlNode child(String localName) {
        for (XmlNode c : children) if (c.name.equals(localName)) return c;
        return null;
    }

    List<XmlNode> all(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).toList();
    }

    Optional<String> childText(String localName) {
        XmlNode c = child(localName);
        return c == null ? Optional.empty() : Optional.of(c.text.trim());
    }

    String attr(String localName) { return attributes.get(localName); }

    static XmlNode parse(InputStream in) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(in);
            List<Builder> stack = new ArrayList<>();
            int count = 0;
            XmlNode root = null;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD -> throw new StyleException("DOCTYPE declarations are not allowed in style documents");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new StyleException("entity references are not allowed in style documents");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++count > MAX_ELEMENTS) throw new StyleException("style document has too many elements");
                        if (stack.size() >= MAX_DEPTH) throw new StyleException("style document is nested too deeply");
                        Map<String, String> attrs = new HashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        stack.add(new Builder(r.getNamespaceURI(), r.getLocalName(), attrs));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            Builder b = stack.get(stack.size() - 1);
                            if (b.text.length() < 1_000_000) b.text.append(r.getText());
                            b.mixed.add(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Builder b = stack.remove(stack.size() - 1);
                        XmlNode node = b.build();
                        if (stack.isEmpty()) root = node;
                        else {
                            Builder parent = stack.get(stack.size() - 1);
                            parent.children.add(node);
                            parent.mixed.add(node);
                        }
                    }
                    default -> { }
                }
            }
            if (root == null) throw new StyleException("empty style document");
            return root;
        } catch (XMLStreamException e) {
            throw new StyleException("malformed XML: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }

    private static final class Builder {
        final String ns;
        final String name;
        final Map<String, String> attrs;
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();
        final List<Object> mixed = new ArrayList<>();

        Builder(String ns, String name, Map<String, String> attrs) {
            this.ns = ns;
            this.name = name;
            this.attrs = attrs;
        }

        XmlNode build() {
            return new XmlNode(ns, name, Map.copyOf(attrs), text.toString(), List.copyOf(children), List.copyOf(mixed));
        }
    }
}
