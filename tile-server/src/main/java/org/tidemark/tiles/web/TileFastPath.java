package org.tidemark.tiles.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.http.HttpHeaders;
import org.tidemark.tiles.cache.CacheChain;

/**
 * Answers tile requests that hit the memory cache without the MVC dispatcher: a servlet filter mounted
 * behind the app's principal and audit filters, in front of the {@code DispatcherServlet}. It parses the
 * tile URL ({@link TilePath}), has the endpoint's own {@link Resolver} validate it and ask the access
 * gate exactly as the controller does (so the cache variant — the caller's scope — is the same), and
 * sends the cached bytes with the headers {@link TileResponses} sends: strong ETag and 304 (RFC 9110
 * §13.1.2), 204 for empty tiles, {@code Content-Encoding: gzip} only when accepted, {@code Vary},
 * {@code Cache-Control}, CORS. Everything else — other methods, URLs that are not plain, invalid or
 * hidden tiles (any exception from the resolver), cache misses — goes down the chain unchanged, where
 * the controllers fill the cache and report errors in the protocol's format.
 */
public final class TileFastPath implements Filter {

    /** An endpoint's request validation and access check, as its controller performs them. */
    @FunctionalInterface
    public interface Resolver {
        /**
         * @return the lookup, or null when the endpoint does not serve this path from a cache
         * @throws RuntimeException (typically {@code GeoServiceException}) for invalid or hidden tiles
         */
        TileLookup resolve(TilePath path, HttpServletRequest request);
    }

    private final Resolver terrain;
    private final Resolver imagery;
    private final Resolver vector;
    private final String cacheControl;
    private final String varyEncoding;
    private final String varyEncodingAccept;
    private final LongAdder served = new LongAdder();

    /**
     * @param maxAge {@code Cache-Control: max-age} (the same as the controllers')
     */
    public TileFastPath(Duration maxAge, Resolver terrain, Resolver imagery, Resolver vector) {
        this.terrain = terrain;
        this.imagery = imagery;
        this.vector = vector;
        // rendered once, by the same code as the controllers' headers
        this.cacheControl = TileResponses.common(maxAge, null).getFirst(HttpHeaders.CACHE_CONTROL);
        this.varyEncoding = vary(null);
        this.varyEncodingAccept = vary("Accept");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response && serve(request, response)) {
            served.increment();
            return;
        }
        chain.doFilter(req, res);
    }

    /** How many requests were answered here (for tests and metrics). */
    public long served() { return served.sum(); }

    private boolean serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) return false;
        String uri = request.getRequestURI();
        int context = request.getContextPath().length();
        TilePath path = TilePath.parse(context == 0 ? uri : uri.substring(context));
        if (path == null) return false;
        Resolver resolver = switch (path.kind()) {
            case TERRAIN -> terrain;
            case IMAGERY -> imagery;
            case VECTOR -> vector;
        };
        TileLookup lookup;
        try {
            lookup = resolver == null ? null : resolver.resolve(path, request);
        } catch (RuntimeException e) {
            return false; // the controller repeats the check and answers in the protocol's format
        }
        if (lookup == null || !(lookup.source() instanceof CacheChain cached)) return false;
        PreparedTile tile = cached.memory().peek(lookup.coord(), lookup.variant(), PreparedTile::of);
        if (tile == null) return false;
        String vary = lookup.vary() == null ? varyEncoding : "Accept".equals(lookup.vary()) ? varyEncodingAccept : vary(lookup.vary());
        write(tile, vary, request, response, head);
        return true;
    }

    private static String vary(String selecting) {
        return TileResponses.common(Duration.ZERO, selecting).getFirst(HttpHeaders.VARY);
    }

    private void write(PreparedTile tile, String vary, HttpServletRequest request, HttpServletResponse response,
                       boolean head) throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag, Content-Encoding");
        response.setHeader(HttpHeaders.VARY, vary);
        if (tile.empty()) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setHeader(HttpHeaders.ETAG, tile.etag);
        if (TileResponses.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), tile.etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(tile.contentType);
        byte[] body;
        if (tile.gzipped && TileResponses.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            body = tile.data;
        } else {
            body = tile.identity();
        }
        response.setContentLength(body.length);
        if (!head) response.getOutputStream().write(body);
    }
}
