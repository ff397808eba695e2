package org.tidemark.layers.wfs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.layers.ows.ExceptionReportWriter;
import org.tidemark.layers.ows.SafeXml;
import org.tidemark.layers.web.FeatureServiceSettings;

/**
 * {@code /wfs}: WFS KVP (GET, or POST form-encoded) and XML (POST) requests. The base URL without
 * parameters answers an OWS ExceptionReport (HTTP 400, MissingParameterValue for {@code service}).
 */
@RestController
public class WfsController {
    private final WfsService service;
    private final FeatureServiceSettings settings;

    public WfsController(WfsService service, FeatureServiceSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    @RequestMapping(path = "/wfs", method = {RequestMethod.GET, RequestMethod.POST})
    public void wfs(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        byte[] body = null;
        if ("POST".equals(request.getMethod()) && !isForm(request)) {
            try {
                body = SafeXml.readLimited(request.getInputStream(), settings.maxPostBytes());
            } catch (GeoServiceException e) {
                ExceptionReportWriter.write(response, e, ExceptionReportWriter.OWS11, "2.0.0", settings.schemaBaseUrl());
                return;
            }
            if (body.length == 0) body = null;
        }
        service.handle(request, response, body);
    }

    private static boolean isForm(HttpServletRequest request) {
        String ct = request.getContentType();
        return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
