package org.tidemark.tiles.wmts;

import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.tile.TileMatrix;
import org.tidemark.core.tile.TileMatrixSet;

/**
 * The WMTS 1.0.0 ServiceMetadata document (OGC 07-057r7 §7.1, schema wmtsGetCapabilities_response.xsd):
 * service identification, KVP operations, one Layer per imagery tile set with PNG/JPEG, links to the three
 * tile matrix sets and a RESTful ResourceURL, and the tile matrix sets themselves. Top-left corners are
 * written in each CRS's own axis order (latitude first for EPSG:4490). Scale denominators are the OGC
 * 0.28 mm-pixel values (Tianditu documents use 96 dpi values, ~5.8% apart).
 */
final class CapabilitiesWriter {
    static final String WMTS = "http://www.opengis.net/wmts/1.0";
    static final String OWS = "http://www.opengis.net/ows/1.1";
    static final String XLINK = "http://www.w3.org/1999/xlink";

    private CapabilitiesWriter() {}

    static byte[] write(String baseUrl, List<String[]> tilesets, Envelope extent, int maxZoom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("", "Capabilities", WMTS);
            w.writeDefaultNamespace(WMTS);
            w.writeNamespace("ows", OWS);
            w.writeNamespace("xlink", XLINK);
            w.writeAttribute("version", "1.0.0");
            serviceIdentification(w);
            operations(w, baseUrl);
            w.writeStartElement(WMTS, "Contents");
            for (String[] ts : tilesets) layer(w, baseUrl, ts[0], ts[1], extent);
            for (TileMatrixSet set : TileMatrixSet.ALL) matrixSet(w, set, maxZoom);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void serviceIdentification(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement(OWS, "ServiceIdentification");
        text(w, OWS, "Title", "Tidemark basemap tiles 潮标底图瓦片");
        text(w, OWS, "ServiceType", "OGC WMTS");
        text(w, OWS, "ServiceTypeVersion", "1.0.0");
        w.writeEndElement();
    }

    private static void operations(XMLStreamWriter w, String baseUrl) throws XMLStreamException {
        w.writeStartElement(OWS, "OperationsMetadata");
        for (String op : List.of("GetCapabilities", "GetTile")) {
            w.writeStartElement(OWS, "Operation");
            w.writeAttribute("name", op);
            w.writeStartElement(OWS, "DCP");
            w.writeStartElement(OWS, "HTTP");
            w.writeStartElement(OWS, "Get");
            w.writeAttribute("xlink", XLINK, "href", baseUrl + "/wmts?");
            w.writeStartElement(OWS, "Constraint");
            w.writeAttribute("name", "GetEncoding");
            w.writeStartElement(OWS, "AllowedValues");
            text(w, OWS, "Value", "KVP");
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void layer(XMLStreamWriter w, String baseUrl, String name, String title, Envelope e)
            throws XMLStreamException {
        w.writeStartElement(WMTS, "Layer");
        text(w, OWS, "Title", title);
        w.writeStartElement(OWS, "WGS84BoundingBox");
        text(w, OWS, "LowerCorner", num(e.getMinX()) + " " + num(e.getMinY()));
        text(w, OWS, "UpperCorner", num(e.getMaxX()) + " " + num(e.getMaxY()));
        w.writeEndElement();
        text(w, OWS, "Identifier", name);
        w.writeStartElement(WMTS, "Style");
        w.writeAttribute("isDefault", "true");
        text(w, OWS, "Identifier", "default");
        w.writeEndElement();
        text(w, WMTS, "Format", "image/png");
        text(w, WMTS, "Format", "image/jpeg");
        for (TileMatrixSet set : TileMatrixSet.ALL) {
            w.writeStartElement(WMTS, "TileMatrixSetLink");
            text(w, WMTS, "TileMatrixSet", set.id());
            w.writeEndElement();
        }
        for (String[] f : new String[][] {{"image/png", "png"}, {"image/jpeg", "jpg"}}) {
            w.writeEmptyElement(WMTS, "ResourceURL");
            w.writeAttribute("format", f[0]);
            w.writeAttribute("resourceType", "tile");
            w.writeAttribute("template", baseUrl + "/tiles/" + name + "/{TileMatrixSet}/{TileMatrix}/{TileCol}/{TileRow}." + f[1]);
        }
        w.writeEndElement();
    }

    private static void matrixSet(XMLStreamWriter w, TileMatrixSet set, int maxZoom) throws XMLStreamException {
        w.writeStartElement(WMTS, "TileMatrixSet");
        text(w, OWS, "Title", set.title());
        text(w, OWS, "Identifier", set.id());
        text(w, OWS, "SupportedCRS", set.supportedCrs());
        if (set.wellKnownScaleSet() != null) text(w, WMTS, "WellKnownScaleSet", set.wellKnownScaleSet());
        for (TileMatrix m : set.matrices()) {
            if (Integer.parseInt(m.id()) - set.firstLevel() > maxZoom) break;
            w.writeStartElement(WMTS, "TileMatrix");
            text(w, OWS, "Identifier", m.id());
            text(w, WMTS, "ScaleDenominator", num(m.scaleDenominator()));
            String corner = set.northingFirst() ? num(m.originY()) + " " + num(m.originX()) : num(m.originX()) + " " + num(m.originY());
            text(w, WMTS, "TopLeftCorner", corner);
            text(w, WMTS, "TileWidth", Integer.toString(m.tileWidth()));
            text(w, WMTS, "TileHeight", Integer.toString(m.tileHeight()));
            text(w, WMTS, "MatrixWidth", Long.toString(m.matrixWidth()));
            text(w, WMTS, "MatrixHeight", Long.toString(m.matrixHeight()));
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    static String num(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    static byte[] exceptionReport(String code, String locator, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("ows", "ExceptionReport", OWS);
            w.writeNamespace("ows", OWS);
            w.writeAttribute("version", "1.1.0");
            w.writeAttribute("xml:lang", "en");
            w.writeStartElement(OWS, "Exception");
            w.writeAttribute("exceptionCode", code);
            if (locator != null) w.writeAttribute("locator", locator);
            text(w, OWS, "ExceptionText", text == null ? "" : text);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
