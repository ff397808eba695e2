package org.tidemark.layers.wfs;

import org.tidemark.layers.gml.GmlVersion;
import org.tidemark.layers.ows.ExceptionReportWriter;

/** The WFS versions served: 2.0.0 (OGC 09-025r2 / ISO 19142) and 1.1.0 (OGC 04-094r1). */
enum WfsVersion {
    V200("2.0.0", "http://www.opengis.net/wfs/2.0", "/wfs/2.0/wfs.xsd", ExceptionReportWriter.OWS11, "2.0.0", GmlVersion.GML32),
    V110("1.1.0", "http://www.opengis.net/wfs", "/wfs/1.1.0/wfs.xsd", ExceptionReportWriter.OWS10, "1.1.0", GmlVersion.GML311);

    final String text;
    final String namespace;
    final String schemaPath;
    final String owsNamespace;
    final String exceptionVersion;
    final GmlVersion gml;

    WfsVersion(String text, String namespace, String schemaPath, String owsNamespace, String exceptionVersion, GmlVersion gml) {
        this.text = text;
        this.namespace = namespace;
        this.schemaPath = schemaPath;
        this.owsNamespace = owsNamespace;
        this.exceptionVersion = exceptionVersion;
        this.gml = gml;
    }

    static WfsVersion parse(String v) {
        if (v == null) return null;
        return switch (v.trim()) {
            case "2.0.0", "2.0.2", "2.0" -> V200;
            case "1.1.0", "1.1" -> V110;
            default -> null;
        };
    }
}
