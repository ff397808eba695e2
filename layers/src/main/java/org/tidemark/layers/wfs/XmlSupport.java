package org.tidemark.layers.wfs;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tidemark.layers.gml.Numbers;

/** StAX plumbing shared by the WFS writers. */
final class XmlSupport {
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSD = "http://www.w3.org/2001/XMLSchema";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private XmlSupport() {}

    static XMLStreamWriter writer(OutputStream out) throws IOException {
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            return w;
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    static String text(Object v) {
        return switch (v) {
            case Double d -> Numbers.format(d);
            case Float f -> Numbers.format(f);
            case Instant i -> i.toString();
            case LocalDate d -> d.toString();
            default -> v.toString();
        };
    }

    static String now() { return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(); }

    static void element(XMLStreamWriter w, String prefix, String ns, String name, String text) throws XMLStreamException {
        w.writeStartElement(prefix, name, ns);
        if (text != null) w.writeCharacters(text);
        w.writeEndElement();
    }
}
