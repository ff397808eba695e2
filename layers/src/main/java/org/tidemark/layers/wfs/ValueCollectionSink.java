package org.tidemark.layers.wfs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.feature.Feature;
import org.tidemark.layers.gml.GmlGeometryWriter;
import org.tidemark.layers.gml.GmlVersion;

/**
 * Streams a GetPropertyValue response (WFS 2.0 §10.3): {@code wfs:ValueCollection} with one
 * {@code wfs:member} per value — text for attributes and {@code @gml:id}, a GML geometry for the geometry.
 */
final class ValueCollectionSink implements FeatureSink {
    private static final String WFS = WfsVersion.V200.namespace;
    private final OutputStream out;
    private final WfsContext ctx;
    private final String valueReference;
    private final boolean hits;
    private XMLStreamWriter w;

    ValueCollectionSink(OutputStream out, WfsContext ctx, String valueReference, boolean hits) {
        this.out = out;
        this.ctx = ctx;
        this.valueReference = valueReference.trim();
        this.hits = hits;
    }

    @Override
    public void begin(List<PlannedQuery> queries, long matched, long returned, String next, String previous) throws IOException {
        w = XmlSupport.writer(out);
        try {
            w.setPrefix("wfs", WFS);
            w.writeStartElement("wfs", "ValueCollection", WFS);
            w.writeNamespace("wfs", WFS);
            w.writeNamespace("gml", GmlVersion.GML32.namespace());
            w.writeNamespace(ctx.settings().namespacePrefix(), ctx.settings().namespaceUri());
            w.writeNamespace("xsi", XmlSupport.XSI);
            String sb = ctx.settings().schemaBaseUrl();
            w.writeAttribute("xsi", XmlSupport.XSI, "schemaLocation", WFS + " " + sb + WfsVersion.V200.schemaPath
                    + " " + GmlVersion.GML32.namespace() + " " + sb + GmlVersion.GML32.schemaPath());
            w.writeAttribute("timeStamp", XmlSupport.now());
            w.writeAttribute("numberMatched", Long.toString(matched));
            w.writeAttribute("numberReturned", Long.toString(hits ? 0 : returned));
            if (next != null) w.writeAttribute("next", next);
            if (previous != null) w.writeAttribute("previous", previous);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void feature(PlannedQuery q, Feature f) throws IOException {
        try {
            String fid = QueryPlanner.resourceId(q.layer().name(), f.id());
            w.writeStartElement("wfs", "member", WFS);
            if (valueReference.equals("@gml:id")) {
                w.writeCharacters(fid);
            } else if (q.geometry()) {
                Geometry g = q.crs().fromInternal(f.geometry());
                if (g != null) new GmlGeometryWriter(w, GmlVersion.GML32, q.crs().spelling(), q.crs().swap()).write(g, fid + ".geom");
            } else {
                Object v = f.get(q.properties().get(0));
                if (v != null) w.writeCharacters(XmlSupport.text(v));
            }
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void end() throws IOException {
        try {
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
