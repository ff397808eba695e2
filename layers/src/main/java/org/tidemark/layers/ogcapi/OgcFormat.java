package org.tidemark.layers.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.tidemark.core.error.GeoServiceException;

/**
 * Content negotiation for OGC API resources (Part 1 §7.8): the {@code f} parameter wins, then the Accept
 * header; JSON (or GeoJSON for features) is the default; an Accept header that allows neither JSON nor HTML
 * is 406.
 */
enum OgcFormat {
    JSON, HTML;

    static OgcFormat of(HttpServletRequest request) {
        String f = request.getParameter("f");
        if (f != null) {
            return switch (f.toLowerCase(Locale.ROOT)) {
                case "json", "geojson", "application/json", "application/geo+json" -> JSON;
                case "html", "text/html" -> HTML;
                default -> throw new GeoServiceException(GeoServiceException.Kind.NOT_ACCEPTABLE, "NotAcceptable", "f",
                        "Unsupported format: " + f);
            };
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) return JSON;
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return JSON;
        }
        types = new java.util.ArrayList<>(types);
        types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType t : types) {
            if (t.getQualityValue() == 0) continue;
            if (t.isWildcardType()) return JSON;
            if (t.getType().equals("text") && (t.getSubtype().equals("html") || t.getSubtype().equals("*"))) return HTML;
            if (t.getType().equals("application") && (t.getSubtype().equals("json") || t.getSubtype().endsWith("+json")
                    || t.getSubtype().equals("*"))) return JSON;
        }
        throw new GeoServiceException(GeoServiceException.Kind.NOT_ACCEPTABLE, "NotAcceptable", "Accept",
                "None of the accepted media types is available (application/json, application/geo+json, text/html)");
    }
}
