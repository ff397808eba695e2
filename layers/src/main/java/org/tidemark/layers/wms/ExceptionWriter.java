package org.tidemark.layers.wms;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.render.FontResolver;

/**
 * Writes service exceptions (WMS 1.3.0 §6.11 and Annex E; 1.1.1 §6.9 and Annex A.3): the
 * ServiceExceptionReport XML ({@code text/xml} in 1.3.0, {@code application/vnd.ogc.se_xml} in 1.1.1), the
 * message drawn in the image (INIMAGE) or an empty image (BLANK). Messages never carry stack traces.
 */
final class ExceptionWriter {
    private ExceptionWriter() {}

    static String xmlContentType(WmsVersion v) {
        return v.is13() ? "text/xml;charset=UTF-8" : "application/vnd.ogc.se_xml;charset=UTF-8";
    }

    static void writeXml(WmsVersion v, GeoServiceException e, OutputStream out) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("ServiceExceptionReport");
            w.writeAttribute("version", v.text);
            if (v.is13()) {
                w.writeDefaultNamespace("http://www.opengis.net/ogc");
                w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
                w.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                        "http://www.opengis.net/ogc http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd");
            }
            w.writeStartElement("ServiceException");
            if (e.code() != null) w.writeAttribute("code", e.code());
            if (e.locator() != null) w.writeAttribute("locator", e.locator());
            w.writeCharacters(e.getMessage() == null ? "" : e.getMessage());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException x) {
            throw new IOException(x);
        }
    }

    /** The INIMAGE picture: the message in dark red, wrapped, on the requested background. */
    static BufferedImage inImage(GeoServiceException e, int width, int height, boolean transparent, Color bg) {
        BufferedImage img = blank(width, height, transparent, bg);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        String msg = (e.code() == null ? "" : e.code() + ": ") + (e.getMessage() == null ? "" : e.getMessage());
        g.setFont(FontResolver.resolve(new org.tidemark.core.style.Font(java.util.List.of(), 12, false, false), msg));
        g.setColor(new Color(0xB00020));
        var fm = g.getFontMetrics();
        int y = fm.getAscent() + 2;
        StringBuilder line = new StringBuilder();
        for (String word : msg.split(" ")) {
            if (fm.stringWidth(line + " " + word) > width - 4 && line.length() > 0) {
                g.drawString(line.toString(), 2, y);
                y += fm.getHeight();
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        g.drawString(line.toString(), 2, y);
        g.dispose();
        return img;
    }

    static BufferedImage blank(int width, int height, boolean transparent, Color bg) {
        BufferedImage img = new BufferedImage(width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        if (!transparent) {
            Graphics2D g = img.createGraphics();
            g.setColor(bg);
            g.fillRect(0, 0, width, height);
            g.dispose();
        }
        return img;
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
