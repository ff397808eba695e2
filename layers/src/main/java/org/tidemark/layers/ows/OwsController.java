package org.tidemark.layers.ows;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.layers.web.FeatureServiceSettings;

/**
 * {@code /ows}: the shared OGC endpoint. Dispatches to the {@link OwsService} named by {@code SERVICE}
 * (KVP) or by the POST document; without a service answers an OWS 1.1 ExceptionReport with HTTP 400.
 */
@RestController
public class OwsController {
    private static final Pattern SERVICE_ATTR = Pattern.compile("\\bservice\\s*=\\s*[\"']([A-Za-z]+)[\"']");
    private final List<OwsService> services;
    private final FeatureServiceSettings settings;

    public OwsController(List<OwsService> services, FeatureServiceSettings settings) {
        this.services = List.copyOf(services);
        this.settings = settings;
    }

    @RequestMapping(path = "/ows", method = {RequestMethod.GET, RequestMethod.POST})
    public void ows(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        try {
            byte[] body = null;
            String service;
            if ("POST".equals(request.getMethod()) && !isForm(request)) {
                body = SafeXml.readLimited(request.getInputStream(), settings.maxPostBytes());
                service = serviceOf(body);
            } else {
                service = KvpParams.of(request.getParameterMap()).get("SERVICE");
            }
            if (service == null) throw GeoServiceException.missing("service");
            String wanted = service.toUpperCase(Locale.ROOT);
            OwsService target = services.stream().filter(s -> s.service().equals(wanted)).findFirst()
                    .orElseThrow(() -> GeoServiceException.invalid("service", "Unknown service: " + service));
            target.handle(request, response, body);
        } catch (GeoServiceException e) {
            ExceptionReportWriter.write(response, e, ExceptionReportWriter.OWS11, "2.0.0", settings.schemaBaseUrl());
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String ct = request.getContentType();
        return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private String serviceOf(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        Matcher m = SERVICE_ATTR.matcher(head);
        if (m.find()) return m.group(1);
        for (OwsService s : services) {
            if (s.postNamespace() != null && head.contains(s.postNamespace())) return s.service();
        }
        return null;
    }
}
