package org.tidemark.layers.ows;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * One OGC web service reachable through the shared {@code /ows} endpoint, which dispatches on the
 * {@code SERVICE} parameter (OGC 06-121r9 §7.2.1) or, for POST, on the root element's {@code service}
 * attribute. WFS registers itself; WMS/WMTS modules contribute their own beans of this type.
 */
public interface OwsService {
    /** The SERVICE value, upper case (e.g. {@code WFS}). */
    String service();

    /** The XML namespace of POST request documents for this service, or null when POST is not offered. */
    default String postNamespace() { return null; }

    /** Handles a KVP request ({@code body} null) or a POST XML request. */
    void handle(HttpServletRequest request, HttpServletResponse response, byte[] body) throws IOException;
}
