package org.tidemark.layers.wms;

import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.query.SortKey;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.style.Style;

/**
 * The capabilities document: WMS 1.3.0 {@code WMS_Capabilities} (OGC 06-042 §7.2.4, Annex H schema) and
 * 1.1.1 {@code WMT_MS_Capabilities} (OGC 01-068r3 §7.1.5). Layers are grouped under one untitled-name
 * parent per department; titles follow the chosen language; each layer advertises its geographic box,
 * a BoundingBox per CRS in that CRS's wire axis order, its styles with LegendURL, TIME where it has time,
 * and queryability. Only layers the caller may see are listed.
 */
final class CapabilitiesWriter {
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String WMS = "http://www.opengis.net/wms";
    private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);

    private final WmsSettings settings;
    private final StyleLibrary styles;

    CapabilitiesWriter(WmsSettings settings, StyleLibrary styles) {
        this.settings = settings;
        this.styles = styles;
    }

    void write(WmsVersion v, List<LayerAccess.Granted> layers, String serviceUrl, Locale lang, OutputStream out) throws XMLStreamException {
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        if (v.is13()) {
            w.writeStartElement("WMS_Capabilities");
            w.writeDefaultNamespace(WMS);
            w.writeNamespace("xlink", XLINK);
            w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            w.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                    WMS + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd");
        } else {
            w.writeDTD("<!DOCTYPE WMT_MS_Capabilities SYSTEM \"http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd\">");
            w.writeStartElement("WMT_MS_Capabilities");
            w.writeNamespace("xlink", XLINK);
        }
        w.writeAttribute("version", v.text);
        service(w, v, serviceUrl, lang);
        w.writeStartElement("Capability");
        requests(w, v, serviceUrl);
        w.writeStartElement("Exception");
        for (String f : v.is13() ? List.of("XML", "INIMAGE", "BLANK")
                : List.of("application/vnd.ogc.se_xml", "application/vnd.ogc.se_inimage", "application/vnd.ogc.se_blank")) {
            element(w, "Format", f);
        }
        w.writeEndElement();
        layerTree(w, v, layers, serviceUrl, lang);
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndDocument();
        w.flush();
        w.close();
    }

    private void service(XMLStreamWriter w, WmsVersion v, String url, Locale lang) throws XMLStreamException {
        w.writeStartElement("Service");
        element(w, "Name", v.is13() ? "WMS" : "OGC:WMS");
        element(w, "Title", settings.title().in(lang));
        element(w, "Abstract", settings.serviceAbstract().in(lang));
        w.writeStartElement("KeywordList");
        for (String k : List.of("WMS", "CGCS2000", "象山")) element(w, "Keyword", k);
        w.writeEndElement();
        onlineResource(w, url);
        element(w, "Fees", "none");
        element(w, "AccessConstraints", "none");
        if (v.is13()) {
            element(w, "LayerLimit", Integer.toString(settings.maxLayers()));
            element(w, "MaxWidth", Integer.toString(settings.maxWidth()));
            element(w, "MaxHeight", Integer.toString(settings.maxHeight()));
        }
        w.writeEndElement();
    }

    private void requests(XMLStreamWriter w, WmsVersion v, String url) throws XMLStreamException {
        w.writeStartElement("Request");
        operation(w, "GetCapabilities", List.of(v.is13() ? "text/xml" : "application/vnd.ogc.wms_xml"), url);
        operation(w, "GetMap", List.of("image/png", "image/png; mode=8bit", "image/jpeg"), url);
        operation(w, "GetFeatureInfo", FeatureInfoWriter.FORMATS, url);
        if (!v.is13()) operation(w, "GetLegendGraphic", List.of("image/png"), url);
        w.writeEndElement();
    }

    private void operation(XMLStreamWriter w, String name, List<String> formats, String url) throws XMLStreamException {
        w.writeStartElement(name);
        for (String f : formats) element(w, "Format", f);
        w.writeStartElement("DCPType");
        w.writeStartElement("HTTP");
        w.writeStartElement("Get");
        onlineResource(w, url + "?");
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private void layerTree(XMLStreamWriter w, WmsVersion v, List<LayerAccess.Granted> layers, String url, Locale lang)
            throws XMLStreamException {
        Map<String, List<LayerAccess.Granted>> byDept = new LinkedHashMap<>();
        Map<String, Department> depts = new LinkedHashMap<>();
        Envelope all = new Envelope();
        Map<String, Envelope> extents = new LinkedHashMap<>();
        for (LayerAccess.Granted g : layers) {
            Department d = g.layer().department();
            String key = d == null ? "" : d.code();
            byDept.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(g);
            if (d != null) depts.putIfAbsent(key, d);
            Envelope e = extent(g);
            extents.put(g.layer().name(), e);
            all.expandToInclude(e);
        }
        if (all.isNull()) all = new Envelope(WORLD);
        w.writeStartElement("Layer");
        element(w, "Title", settings.title().in(lang));
        element(w, "Abstract", settings.serviceAbstract().in(lang));
        for (String c : MapCrs.SUPPORTED) element(w, v.is13() ? "CRS" : "SRS", c);
        geographicBox(w, v, all);
        boundingBoxes(w, v, all);
        for (var entry : byDept.entrySet()) {
            Department d = depts.get(entry.getKey());
            w.writeStartElement("Layer");
            element(w, "Title", d == null ? (lang.getLanguage().equals("en") ? "Other" : "其他") : d.name().in(lang));
            Envelope de = new Envelope();
            entry.getValue().forEach(g -> de.expandToInclude(extents.get(g.layer().name())));
            geographicBox(w, v, de);
            boundingBoxes(w, v, de);
            for (LayerAccess.Granted g : entry.getValue()) layer(w, v, g, extents.get(g.layer().name()), url, lang);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void layer(XMLStreamWriter w, WmsVersion v, LayerAccess.Granted g, Envelope extent, String url, Locale lang)
            throws XMLStreamException {
        FeatureType type = g.layer().type();
        w.writeStartElement("Layer");
        w.writeAttribute("queryable", "1");
        element(w, "Name", type.name());
        element(w, "Title", type.title().in(lang));
        if (!type.description().zh().isEmpty()) element(w, "Abstract", type.description().in(lang));
        if (!g.layer().keywords().isEmpty()) {
            w.writeStartElement("KeywordList");
            for (String k : g.layer().keywords()) element(w, "Keyword", k);
            w.writeEndElement();
        }
        geographicBox(w, v, extent);
        boundingBoxes(w, v, extent);
        if (type.hasTime()) time(w, v, g);
        for (Style s : styles.styles(type)) {
            w.writeStartElement("Style");
            element(w, "Name", s.name());
            element(w, "Title", s.title().in(lang));
            w.writeStartElement("LegendURL");
            w.writeAttribute("width", "20");
            w.writeAttribute("height", "20");
            element(w, "Format", "image/png");
            onlineResource(w, url + "?SERVICE=WMS&REQUEST=GetLegendGraphic&VERSION=" + v.text + "&FORMAT=image/png&LAYER="
                    + enc(type.name()) + "&STYLE=" + enc(s.name()) + "&LANGUAGE=" + lang.getLanguage());
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /**
     * WMS 1.3.0 Annex C: the time extent. A layer that is not live and holds a few distinct times (a scenario's
     * steps) lists them (C.2 "value1,value2,…"), so that a client can offer exactly those; otherwise
     * {@code start/end/PT1S} from the earliest and latest feature, or from the start of the source's history
     * when it keeps more than its features show (the live gauges).
     */
    private void time(XMLStreamWriter w, WmsVersion v, LayerAccess.Granted g) throws XMLStreamException {
        List<String> steps = g.layer().live() ? null : distinctTimes(g);
        String extent;
        if (steps != null) {
            if (steps.isEmpty()) return;
            extent = String.join(",", steps);
        } else {
            String first = historyStart(g);
            if (first == null) first = timeValue(g, true);
            String last = timeValue(g, false);
            if (first == null || last == null) return; // no time known yet: an empty extent breaks clients (Annex C needs one)
            extent = first.equals(last) ? first : first + "/" + last + "/PT1S";
        }
        if (v.is13()) {
            w.writeStartElement("Dimension");
            w.writeAttribute("name", "time");
            w.writeAttribute("units", "ISO8601");
            w.writeAttribute("default", "current");
            w.writeAttribute("nearestValue", "0");
            w.writeCharacters(extent);
            w.writeEndElement();
        } else {
            w.writeEmptyElement("Dimension");
            w.writeAttribute("name", "time");
            w.writeAttribute("units", "ISO8601");
            w.writeStartElement("Extent");
            w.writeAttribute("name", "time");
            w.writeAttribute("default", "current");
            w.writeCharacters(extent);
            w.writeEndElement();
        }
    }

    private static String historyStart(LayerAccess.Granted g) {
        try {
            Instant start = g.source().historyStart();
            return start == null ? null : start.toString();
        } catch (RuntimeException e) {
            return null;   // a store that is down: fall back to the features' own times
        }
    }

    /** At most this many distinct times are listed one by one; more are given as an interval. */
    static final int LISTED_TIMES = 48;
    /** Features read at most to find a layer's distinct times (each read carries only the time attribute). */
    private static final int TIME_SCAN_LIMIT = 20_000;

    /** Distinct times by layer, content version and access decision: capabilities are asked for far more often than layers change. */
    private record TimesKey(String layer, long version, org.tidemark.core.access.AccessDecision decision) {}

    /** Per writer, i.e. per WMS module: two apps in one JVM (tests) must not share what their layers hold. */
    private final java.util.Map<TimesKey, java.util.Optional<List<String>>> times = new java.util.concurrent.ConcurrentHashMap<>();

    /** The layer's distinct times in ascending order, or null when there are more than {@link #LISTED_TIMES}. */
    private List<String> distinctTimes(LayerAccess.Granted g) {
        long version = g.source().version();
        if (version == 0) return scanDistinctTimes(g);   // a source without versions: nothing tells when to forget
        TimesKey key = new TimesKey(g.layer().name(), version, g.decision());
        java.util.Optional<List<String>> known = times.get(key);
        if (known == null) {
            if (times.size() > 256) times.clear();
            known = java.util.Optional.ofNullable(scanDistinctTimes(g));
            times.put(key, known);
        }
        return known.orElse(null);
    }

    private static List<String> scanDistinctTimes(LayerAccess.Granted g) {
        FeatureType type = g.layer().type();
        FeatureQuery q = LayerQueries.query(g, null, org.tidemark.core.filter.Filter.INCLUDE, org.tidemark.core.filter.Filter.INCLUDE)
                .withSort(List.of(new SortKey(type.timeAttribute(), true))).withPage(0, TIME_SCAN_LIMIT + 1)
                .withProperties(List.of(type.timeAttribute()));
        q = q.withFilter(org.tidemark.core.filter.Filter.and(q.filter(),
                new org.tidemark.core.filter.Filter.Not(new org.tidemark.core.filter.Filter.IsNull(type.timeAttribute()))));
        java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
        int read = 0;
        try (FeatureCursor c = g.source().query(q)) {
            while (c.hasNext()) {
                if (++read > TIME_SCAN_LIMIT) return null;
                Object t = c.next().get(type.timeAttribute());
                if (t != null && seen.add(t instanceof Instant i ? i.toString() : t.toString()) && seen.size() > LISTED_TIMES) return null;
            }
        } catch (RuntimeException e) {
            return null;
        }
        return List.copyOf(seen);
    }

    private static String timeValue(LayerAccess.Granted g, boolean ascending) {
        FeatureType type = g.layer().type();
        FeatureQuery q = LayerQueries.query(g, null, org.tidemark.core.filter.Filter.INCLUDE, org.tidemark.core.filter.Filter.INCLUDE)
                .withSort(List.of(new SortKey(type.timeAttribute(), ascending))).withPage(0, 1)
                .withProperties(List.of(type.timeAttribute()));
        q = q.withFilter(org.tidemark.core.filter.Filter.and(q.filter(),
                new org.tidemark.core.filter.Filter.Not(new org.tidemark.core.filter.Filter.IsNull(type.timeAttribute()))));
        try (FeatureCursor c = g.source().query(q)) {
            if (!c.hasNext()) return null;
            Feature f = c.next();
            Object t = f.get(type.timeAttribute());
            return t instanceof Instant i ? i.toString() : t == null ? null : t.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Envelope extent(LayerAccess.Granted g) {
        Envelope e = null;
        try {
            e = g.source().extent();
        } catch (RuntimeException ignored) {
            // an unavailable source still gets listed, with the world as its box
        }
        if (e == null || e.isNull()) return new Envelope(WORLD);
        if (g.decision().spatialLimit() != null) {
            Envelope lim = e.intersection(g.decision().spatialLimit().getEnvelopeInternal());
            if (!lim.isNull()) e = lim;
        }
        return e;
    }

    private static void geographicBox(XMLStreamWriter w, WmsVersion v, Envelope e) throws XMLStreamException {
        if (v.is13()) {
            w.writeStartElement("EX_GeographicBoundingBox");
            element(w, "westBoundLongitude", num(e.getMinX()));
            element(w, "eastBoundLongitude", num(e.getMaxX()));
            element(w, "southBoundLatitude", num(e.getMinY()));
            element(w, "northBoundLatitude", num(e.getMaxY()));
            w.writeEndElement();
        } else {
            w.writeEmptyElement("LatLonBoundingBox");
            w.writeAttribute("minx", num(e.getMinX()));
            w.writeAttribute("miny", num(e.getMinY()));
            w.writeAttribute("maxx", num(e.getMaxX()));
            w.writeAttribute("maxy", num(e.getMaxY()));
        }
    }

    /** One BoundingBox per advertised CRS, its numbers in the CRS's wire axis order (WMS 1.3.0 §7.2.4.6.8). */
    private static void boundingBoxes(XMLStreamWriter w, WmsVersion v, Envelope lonLat) throws XMLStreamException {
        for (String code : MapCrs.SUPPORTED) {
            MapCrs crs;
            try {
                crs = MapCrs.parse(code, v);
            } catch (RuntimeException e) {
                continue;
            }
            Envelope inCrs = crs.fromLonLat(lonLat);
            if (inCrs == null || inCrs.isNull() || !Double.isFinite(inCrs.getWidth())) continue;
            double[] b = crs.wire(inCrs);
            w.writeEmptyElement("BoundingBox");
            w.writeAttribute(v.is13() ? "CRS" : "SRS", code);
            w.writeAttribute("minx", num(b[0]));
            w.writeAttribute("miny", num(b[1]));
            w.writeAttribute("maxx", num(b[2]));
            w.writeAttribute("maxy", num(b[3]));
        }
    }

    private static void onlineResource(XMLStreamWriter w, String href) throws XMLStreamException {
        w.writeEmptyElement("OnlineResource");
        w.writeAttribute(XLINK, "type", "simple");
        w.writeAttribute(XLINK, "href", href);
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text == null ? "" : text);
        w.writeEndElement();
    }

    static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return java.math.BigDecimal.valueOf(d).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
