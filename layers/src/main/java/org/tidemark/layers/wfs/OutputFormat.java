package org.tidemark.layers.wfs;

import java.util.Locale;
import org.tidemark.layers.gml.GmlVersion;
import org.tidemark.layers.ows.OwsException;

/** The GetFeature output formats (WFS 2.0 §11.2.4 outputFormat) and their MIME types. */
enum OutputFormat {
    GML32("application/gml+xml; version=3.2"),
    GML311("text/xml; subtype=gml/3.1.1"),
    GEOJSON("application/json"),
    CSV("text/csv");

    final String mime;

    OutputFormat(String mime) { this.mime = mime; }

    GmlVersion gml() { return this == GML311 ? GmlVersion.GML311 : GmlVersion.GML32; }

    boolean isGml() { return this == GML32 || this == GML311; }

    static OutputFormat parse(String text, WfsVersion version) {
        if (text == null) return version == WfsVersion.V110 ? GML311 : GML32;
        String t = text.toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "");
        return switch (t) {
            case "application/gml+xml;version=3.2", "text/xml;subtype=gml/3.2", "text/xml;subtype=gml/3.2.1",
                 "application/gml+xml;version=3.2.1", "gml32", "gml3.2", "application/gml+xml" -> GML32;
            case "text/xml;subtype=gml/3.1.1", "gml3", "gml311", "text/xml" -> version == WfsVersion.V200 && t.equals("text/xml") ? GML32 : GML311;
            case "application/json", "json", "geojson", "application/geo+json", "application/vnd.geo+json" -> GEOJSON;
            case "text/csv", "csv" -> CSV;
            default -> throw OwsException.invalidValue("outputFormat", "Unsupported output format: " + text);
        };
    }
}
