package org.tidemark.layers.wfs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.tidemark.core.feature.Feature;
import org.tidemark.layers.geojson.GeoJsonWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams a GetFeature result as a GeoJSON FeatureCollection (RFC 7946) with the WFS paging members
 * numberMatched, numberReturned, timeStamp and {@code next}/{@code previous} links. Coordinates are
 * longitude/easting first whatever the srsName spelling, as RFC 7946 requires.
 */
final class GeoJsonSink implements FeatureSink {
    static final JsonFactory JSON = new JsonFactory();
    private final OutputStream out;
    private final boolean hits;
    private final boolean bare;
    private JsonGenerator g;
    private String next;
    private String previous;

    GeoJsonSink(OutputStream out, boolean hits, boolean bare) {
        this.out = out;
        this.hits = hits;
        this.bare = bare;
    }

    @Override
    public void begin(List<PlannedQuery> queries, long matched, long returned, String next, String previous) {
        this.next = next;
        this.previous = previous;
        g = JSON.createGenerator(out);
        if (bare) return;
        g.writeStartObject();
        g.writeStringProperty("type", "FeatureCollection");
        g.writeNumberProperty("numberMatched", matched);
        g.writeNumberProperty("numberReturned", hits ? 0 : returned);
        g.writeStringProperty("timeStamp", XmlSupport.now());
        g.writeArrayPropertyStart("features");
    }

    @Override
    public void feature(PlannedQuery q, Feature f) {
        GeoJsonWriter.writeFeature(g, QueryPlanner.resourceId(q.layer().name(), f.id()), f, q.properties(),
                q.crs().fromInternal(f.geometry()), q.geometry(), false);
    }

    @Override
    public void end() throws IOException {
        if (!bare) {
            g.writeEndArray();
            g.writeArrayPropertyStart("links");
            if (next != null) link("next", next);
            if (previous != null) link("previous", previous);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.close();
    }

    private void link(String rel, String href) {
        g.writeStartObject();
        g.writeStringProperty("rel", rel);
        g.writeStringProperty("type", "application/json");
        g.writeStringProperty("href", href);
        g.writeEndObject();
    }
}
