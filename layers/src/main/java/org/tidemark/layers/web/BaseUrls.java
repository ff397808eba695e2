package org.tidemark.layers.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The externally visible base URL (scheme, host, port and context path) used in links, DCP hrefs and
 * schema locations: the configured public URL when set, otherwise derived from the request (forwarded
 * headers are resolved by the app's {@code ForwardedHeaderFilter}).
 */
public final class BaseUrls {
    private BaseUrls() {}

    public static String of(HttpServletRequest request, FeatureServiceSettings settings) {
        if (settings.publicBaseUrl() != null) return settings.publicBaseUrl();
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443) || port <= 0;
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) host = "[" + host + "]";
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }
}
