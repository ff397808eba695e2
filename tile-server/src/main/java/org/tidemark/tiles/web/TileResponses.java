package org.tidemark.tiles.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.tile.TileResult;

/**
 * Turns a {@link TileResult} into an HTTP response with the tile hygiene every tile endpoint shares:
 * strong ETag and {@code If-None-Match} → 304 (RFC 9110 §13.1.2), 204 for empty tiles, gzip sent with
 * {@code Content-Encoding: gzip} only to clients that accept it (decoded otherwise), {@code Vary},
 * {@code Cache-Control} and CORS for cross-origin viewers. HEAD is answered by Spring from the same
 * handler without a body.
 */
public final class TileResponses {
    private TileResponses() {}

    public static ResponseEntity<byte[]> of(TileResult result, HttpServletRequest request, Duration maxAge,
                                            String vary, String what) {
        return switch (result) {
            case TileResult.NotFound nf -> throw GeoServiceException.notFound(what, "No such tile: " + what);
            case TileResult.Empty e -> ResponseEntity.noContent().headers(common(maxAge, vary)).build();
            case TileResult.Found f -> found(f, request, maxAge, vary);
        };
    }

    private static ResponseEntity<byte[]> found(TileResult.Found f, HttpServletRequest request, Duration maxAge,
                                                String vary) {
        String etag = "\"" + f.etag() + "\"";
        HttpHeaders h = common(maxAge, vary);
        h.setETag(etag);
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(h).build();
        }
        h.setContentType(MediaType.parseMediaType(f.mediaType()));
        byte[] body = f.data();
        if (f.gzipped()) {
            if (acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
                h.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            } else {
                body = Gzip.decompress(body);
            }
        }
        h.setContentLength(body.length);
        if ("HEAD".equals(request.getMethod())) return ResponseEntity.ok().headers(h).build();
        return ResponseEntity.ok().headers(h).body(body);
    }

    static HttpHeaders common(Duration maxAge, String vary) {
        HttpHeaders h = new HttpHeaders();
        h.setCacheControl(CacheControl.maxAge(maxAge).cachePublic());
        h.setAccessControlAllowOrigin("*");
        h.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag, Content-Encoding");
        h.set(HttpHeaders.VARY, vary == null ? "Accept-Encoding" : "Accept-Encoding, " + vary);
        return h;
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) c = c.substring(2);
            if (c.equals("*") || c.equals(etag)) return true;
        }
        return false;
    }

    /** Whether an {@code Accept-Encoding} header admits gzip (RFC 9110 §12.5.3), honouring q=0. */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().split(";");
            String coding = p[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) continue;
            double q = 1;
            for (int i = 1; i < p.length; i++) {
                String param = p[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > 0) return true;
        }
        return false;
    }
}
