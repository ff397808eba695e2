package org.tidemark.layers.ogcapi;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.feature.Feature;
import org.tidemark.layers.geojson.GeoJsonWriter;
import tools.jackson.core.JsonGenerator;

/** A single GeoJSON feature with OGC API links (Part 1 §7.16.2). */
final class GeoJsonWriterWithLinks {
    private GeoJsonWriterWithLinks() {}

    /** {@code links}: arrays of {href, rel, type}. */
    static void write(JsonGenerator g, Feature f, List<String> properties, Geometry geometry, boolean swap, List<String[]> links) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeStringProperty("id", f.id());
        g.writeName("geometry");
        if (geometry == null) g.writeNull();
        else GeoJsonWriter.writeGeometry(g, geometry, swap);
        g.writeObjectPropertyStart("properties");
        for (String p : properties) {
            g.writeName(p);
            GeoJsonWriter.writeValue(g, f.get(p));
        }
        g.writeEndObject();
        g.writeArrayPropertyStart("links");
        for (String[] l : links) OgcApiController.link(g, l[0], l[1], l[2], null);
        g.writeEndArray();
        g.writeEndObject();
    }
}
