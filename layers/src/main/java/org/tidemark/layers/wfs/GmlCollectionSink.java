package org.tidemark.layers.wfs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.layers.gml.GmlGeometryWriter;
import org.tidemark.layers.gml.GmlStandardProperties;
import org.tidemark.layers.gml.GmlVersion;

/**
 * Streams a GML feature collection: {@code wfs:FeatureCollection} with {@code wfs:member} elements,
 * numberMatched, numberReturned, timeStamp, next and previous (WFS 2.0 §11.3.3, GML 3.2), or the WFS 1.1
 * {@code wfs:FeatureCollection} with {@code gml:featureMember} and numberOfFeatures (GML 3.1.1). Also writes
 * a single bare feature for the GetFeatureById stored query (WFS 2.0 §7.9.3.6).
 */
final class GmlCollectionSink implements FeatureSink {
    private final OutputStream out;
    private final WfsVersion version;
    private final GmlVersion gml;
    private final WfsContext ctx;
    private final boolean bare;
    private final boolean hits;
    private XMLStreamWriter w;

    GmlCollectionSink(OutputStream out, WfsVersion version, GmlVersion gml, WfsContext ctx, boolean bare, boolean hits) {
        this.out = out;
        this.version = version;
        this.gml = gml;
        this.ctx = ctx;
        this.bare = bare;
        this.hits = hits;
    }

    @Override
    public void begin(List<PlannedQuery> queries, long matched, long returned, String next, String previous) throws IOException {
        w = XmlSupport.writer(out);
        try {
            if (bare) return;
            w.setPrefix("wfs", version.namespace);
            w.writeStartElement("wfs", "FeatureCollection", version.namespace);
            declare(queries);
            if (version == WfsVersion.V200) {
                w.writeAttribute("timeStamp", XmlSupport.now());
                w.writeAttribute("numberMatched", Long.toString(matched));
                w.writeAttribute("numberReturned", Long.toString(hits ? 0 : returned));
                if (next != null) w.writeAttribute("next", next);
                if (previous != null) w.writeAttribute("previous", previous);
            } else {
                w.writeAttribute("numberOfFeatures", Long.toString(hits ? matched : returned));
                w.writeAttribute("timeStamp", XmlSupport.now());
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void declare(List<PlannedQuery> queries) throws XMLStreamException {
        String ns = ctx.settings().namespaceUri();
        String tm = ctx.settings().namespacePrefix();
        if (!bare) w.writeNamespace("wfs", version.namespace);
        w.writeNamespace("gml", gml.namespace());
        w.writeNamespace(tm, ns);
        w.writeNamespace("xsi", XmlSupport.XSI);
        String types = queries.stream().map(q -> tm + ":" + q.layer().name()).distinct().collect(Collectors.joining(","));
        String sb = ctx.settings().schemaBaseUrl();
        StringBuilder loc = new StringBuilder();
        if (!types.isEmpty()) {
            loc.append(ns).append(' ').append(ctx.baseUrl()).append("/wfs?service=WFS&version=").append(version.text)
                    .append("&request=DescribeFeatureType&typeName").append(version == WfsVersion.V200 ? "s" : "").append('=').append(types)
                    .append(gml == GmlVersion.GML311 && version == WfsVersion.V200 ? "&outputFormat=text/xml;+subtype%3Dgml/3.1.1" : "")
                    .append(gml == GmlVersion.GML32 && version == WfsVersion.V110 ? "&outputFormat=application/gml%2Bxml;+version%3D3.2" : "")
                    .append(' ');
        }
        if (!bare) loc.append(version.namespace).append(' ').append(sb).append(version.schemaPath).append(' ');
        loc.append(gml.namespace()).append(' ').append(sb).append(gml.schemaPath());
        w.writeAttribute("xsi", XmlSupport.XSI, "schemaLocation", loc.toString());
    }

    @Override
    public void feature(PlannedQuery q, Feature f) throws IOException {
        try {
            String ns = ctx.settings().namespaceUri();
            String tm = ctx.settings().namespacePrefix();
            FeatureType type = q.layer().type();
            String fid = QueryPlanner.resourceId(type.name(), f.id());
            if (!bare) {
                if (version == WfsVersion.V200) w.writeStartElement("wfs", "member", version.namespace);
                else w.writeStartElement("gml", "featureMember", gml.namespace());
            }
            w.writeStartElement(tm, type.name(), ns);
            if (bare) {
                w.setPrefix(tm, ns);
                declare(List.of(q));
            }
            w.writeAttribute("gml", gml.namespace(), "id", fid);
            GmlStandardProperties.write(w, gml, f);
            if (q.geometry()) {
                Geometry g = q.crs().fromInternal(f.geometry());
                w.writeStartElement(tm, type.geometryName(), ns);
                if (g == null) {
                    w.writeAttribute("xsi", XmlSupport.XSI, "nil", "true");
                } else {
                    new GmlGeometryWriter(w, gml, q.crs().spelling(), q.crs().swap()).write(g, fid + ".geom");
                }
                w.writeEndElement();
            }
            for (String p : q.properties()) {
                Object v = f.get(p);
                w.writeStartElement(tm, p, ns);
                if (v == null) {
                    Attribute a = type.attribute(p).orElse(null);
                    if (a == null || a.nullable()) w.writeAttribute("xsi", XmlSupport.XSI, "nil", "true");
                } else {
                    w.writeCharacters(XmlSupport.text(v));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            if (!bare) w.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void end() throws IOException {
        try {
            if (!bare) w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
