package org.tidemark.sensors.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.sensor.Station;
import org.tidemark.sensors.live.GaugeAccess;
import org.tidemark.sensors.live.GaugeFeatures;
import org.tidemark.sensors.live.LiveBus;
import org.tidemark.sensors.live.LiveEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one live client asked to see ({@code layer}, {@code types}, {@code bbox} in lon/lat, {@code station})
 * and what it may see (its {@link GaugeAccess.View}): the one event filter both live transports — server-sent
 * events and WebSocket — apply, so they deliver exactly the same events to the same principal.
 */
record LiveSelection(Set<String> types, Envelope bbox, Set<String> stationCodes) {
    static final Set<String> TYPES = Set.of("observation", "status", "alert");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Parses the query parameters; bad values are {@link GeoServiceException}s (400, or 404 for a layer). */
    static LiveSelection parse(String layer, String types, String bbox, String station) {
        if (layer != null && !layer.equals(GaugeFeatures.LAYER)) {
            throw GeoServiceException.notFound("layer", "no live layer " + layer);
        }
        return new LiveSelection(parseTypes(types), parseBbox(bbox),
                station == null || station.isBlank() ? null : Set.of(station.split(",")));
    }

    /** Whether {@link #render} needs the event's station (a box to test, or a gate that restricts rows or area). */
    boolean needsStation(GaugeAccess.View view) { return bbox != null || !view.unrestricted(); }

    boolean wants(LiveEvent e, Station s) {
        if (LiveBus.RESET.equals(e.type())) return true;
        if (!types.contains(e.type())) return false;
        if (stationCodes != null && !stationCodes.contains(e.station())) return false;
        return bbox == null || s != null && bbox.contains(s.longitude(), s.latitude());
    }

    /**
     * The event's JSON payload for this client, or null when the selection or the access gate excludes it.
     * A client that sees the published payload unmasked gets {@link LiveEvent#json()} itself (the same
     * instance), which lets the transports share one formatted frame among such clients.
     */
    String render(LiveEvent e, Station s, GaugeAccess.View view) {
        if (!wants(e, s)) return null;
        if (!LiveBus.RESET.equals(e.type()) && !view.unrestricted() && !view.allows(e, s)) return null;
        return e.json() != null && view.unmasked() ? e.json() : JSON.writeValueAsString(view.mask(e.data()));
    }

    /** A {@code Last-Event-ID} value; anything unparsable means "no resume point". */
    static long parseId(String id) {
        if (id == null || id.isBlank()) return -1;
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Set<String> parseTypes(String types) {
        if (types == null || types.isBlank()) return TYPES;
        Set<String> set = Arrays.stream(types.split(",")).map(String::trim).collect(Collectors.toSet());
        for (String t : set) if (!TYPES.contains(t)) throw GeoServiceException.invalid("types", "unknown event type " + t);
        return set;
    }

    private static Envelope parseBbox(String bbox) {
        if (bbox == null || bbox.isBlank()) return null;
        String[] p = bbox.split(",");
        if (p.length != 4) throw GeoServiceException.invalid("bbox", "bbox must be minLon,minLat,maxLon,maxLat");
        try {
            double x1 = Double.parseDouble(p[0]), y1 = Double.parseDouble(p[1]);
            double x2 = Double.parseDouble(p[2]), y2 = Double.parseDouble(p[3]);
            if (x1 > x2 || y1 > y2) throw GeoServiceException.invalid("bbox", "bbox minimum exceeds maximum");
            return new Envelope(x1, x2, y1, y2);
        } catch (NumberFormatException e) {
            throw GeoServiceException.invalid("bbox", "bbox must be four numbers");
        }
    }
}
