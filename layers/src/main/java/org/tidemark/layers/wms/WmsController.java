package org.tidemark.layers.wms;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tidemark.core.access.Principal;
import org.tidemark.core.error.GeoServiceException;

/**
 * The WMS KVP endpoint: {@code /wms} and {@code /ows?SERVICE=WMS}. Parameters are read case-insensitively
 * and dispatched on REQUEST (GetCapabilities, GetMap, GetFeatureInfo, GetLegendGraphic). Every error
 * becomes a ServiceExceptionReport — or, for GetMap with EXCEPTIONS=INIMAGE/BLANK, an image — with a 4xx/5xx
 * status and {@code Cache-Control: no-store} so caches never keep it; no stack trace is ever sent.
 */
@RestController
public class WmsController {
    private static final Logger LOG = LoggerFactory.getLogger(WmsController.class);
    private final WmsSettings settings;
    private final LayerAccess access;
    private final GetMapService getMap;
    private final FeatureInfoService featureInfo;
    private final LegendService legends;
    private final CapabilitiesWriter capabilities;
    private final MapResponseCache cache;

    WmsController(WmsSettings settings, LayerAccess access, GetMapService getMap, FeatureInfoService featureInfo,
                  LegendService legends, CapabilitiesWriter capabilities) {
        this.settings = settings;
        this.access = access;
        this.getMap = getMap;
        this.featureInfo = featureInfo;
        this.legends = legends;
        this.capabilities = capabilities;
        this.cache = new MapResponseCache(settings.cacheBytes(), settings.cacheSeconds());
    }

    @RequestMapping(path = "/wms", method = {org.springframework.web.bind.annotation.RequestMethod.GET,
        org.springframework.web.bind.annotation.RequestMethod.POST})
    public void wms(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    /** {@code /ows} with SERVICE=WMS (upper or lower case spellings); other services are mapped elsewhere. */
    @RequestMapping(path = "/ows", method = org.springframework.web.bind.annotation.RequestMethod.GET,
            params = {"SERVICE=WMS"})
    public void owsUpper(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    @RequestMapping(path = "/ows", method = org.springframework.web.bind.annotation.RequestMethod.GET,
            params = {"service=WMS"})
    public void owsLower(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    /** Serves one WMS request; public so an {@code /ows} dispatcher can delegate any spelling to it. */
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WmsParams p = new WmsParams(request.getParameterMap());
        WmsVersion version = WmsVersion.negotiate(p.get("VERSION", p.get("WMTVER")));
        String op = p.get("REQUEST", "");
        ExceptionFormat exFormat = op.equalsIgnoreCase("GetMap") || op.equalsIgnoreCase("map")
                ? ExceptionFormat.parse(p.get("EXCEPTIONS")) : ExceptionFormat.XML;
        response.setHeader("Access-Control-Allow-Origin", "*");
        try {
            String service = p.get("SERVICE");
            if (service != null && !service.isEmpty() && !service.equalsIgnoreCase("WMS")) {
                throw GeoServiceException.invalid("SERVICE", "SERVICE must be WMS");
            }
            Principal principal = principal(request);
            Locale lang = language(p, request);
            switch (op.toLowerCase(Locale.ROOT)) {
                case "getcapabilities", "capabilities" -> {
                    ByteArrayOutputStream buf = new ByteArrayOutputStream(32 * 1024);
                    capabilities.write(version, access.visible(principal), serviceUrl(request), lang, buf);
                    response.setContentType(version.is13() ? "text/xml;charset=UTF-8" : "application/vnd.ogc.wms_xml;charset=UTF-8");
                    response.setContentLength(buf.size());
                    buf.writeTo(response.getOutputStream());
                }
                case "getmap", "map" -> getMap(p, principal, response);
                case "getfeatureinfo", "feature_info" -> {
                    FeatureInfoService.Request r = FeatureInfoService.Request.parse(p, settings);
                    var hits = featureInfo.query(r, principal);
                    ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
                    FeatureInfoWriter.write(r.infoFormat(), hits, lang, buf);
                    response.setContentType(FeatureInfoWriter.contentType(r.infoFormat()));
                    response.setContentLength(buf.size());
                    buf.writeTo(response.getOutputStream());
                }
                case "getlegendgraphic" -> image(response, legends.legend(p, principal, lang), ImageFormat.PNG, Color.WHITE, 200);
                case "" -> throw GeoServiceException.missing("REQUEST");
                default -> throw WmsErrors.operationNotSupported(op);
            }
        } catch (GeoServiceException e) {
            error(response, p, version, exFormat, e);
        } catch (RuntimeException | javax.xml.stream.XMLStreamException e) {
            String id = UUID.randomUUID().toString();
            LOG.error("WMS request failed [{}]", id, e);
            GeoServiceException ge = new GeoServiceException(GeoServiceException.Kind.UNAVAILABLE, "NoApplicableCode", null,
                    "Internal error; reference " + id);
            error(response, p, version, exFormat, ge, 500);
        }
    }

    private void getMap(WmsParams p, Principal principal, HttpServletResponse response) throws IOException {
        GetMapRequest r = GetMapRequest.parse(p, settings, false);
        GetMapService.Prepared prepared = getMap.prepare(r, principal);
        MapResponseCache.Key key = null;
        if (cache.enabled() && r.sld() == null) {
            key = new MapResponseCache.Key(p.canonical(), prepared.gates());
            MapResponseCache.Entry hit = cache.get(key);
            if (hit != null) {
                response.setContentType(hit.contentType());
                response.setContentLength(hit.body().length);
                response.getOutputStream().write(hit.body());
                return;
            }
        }
        byte[] body = getMap.renderEncoded(prepared);
        if (key != null) cache.put(key, body, r.format().contentType());
        response.setContentType(r.format().contentType());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void image(HttpServletResponse response, BufferedImage img, ImageFormat format, Color bg, int status) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(16 * 1024);
        ImageEncoder.write(img, format, bg, buf);
        response.setStatus(status);
        response.setContentType(format.contentType());
        response.setContentLength(buf.size());
        buf.writeTo(response.getOutputStream());
    }

    private void error(HttpServletResponse response, WmsParams p, WmsVersion v, ExceptionFormat f, GeoServiceException e) throws IOException {
        error(response, p, v, f, e, WmsErrors.status(e));
    }

    private void error(HttpServletResponse response, WmsParams p, WmsVersion v, ExceptionFormat f, GeoServiceException e,
                       int status) throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setHeader("Cache-Control", "no-store");
        if (f != ExceptionFormat.XML) {
            int w = clamp(p.get("WIDTH"), 256, settings.maxWidth());
            int h = clamp(p.get("HEIGHT"), 256, settings.maxHeight());
            boolean transparent = p.bool("TRANSPARENT");
            Color bg = Color.WHITE;
            ImageFormat format = ImageFormat.PNG;
            try {
                bg = GetMapRequest.bgcolor(p.get("BGCOLOR"));
                format = ImageFormat.parse(p.get("FORMAT"), "FORMAT");
            } catch (GeoServiceException ignored) {
                // the defaults serve for the error image
            }
            BufferedImage img = f == ExceptionFormat.INIMAGE ? ExceptionWriter.inImage(e, w, h, transparent, bg)
                    : ExceptionWriter.blank(w, h, transparent, bg);
            image(response, img, format, bg, status);
            return;
        }
        response.setStatus(status);
        response.setContentType(ExceptionWriter.xmlContentType(v));
        ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
        ExceptionWriter.writeXml(v, e, buf);
        response.setContentLength(buf.size());
        buf.writeTo(response.getOutputStream());
    }

    private static int clamp(String s, int fallback, int max) {
        try {
            int v = Integer.parseInt(s.trim());
            return v > 0 && v <= max ? v : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    static Principal principal(HttpServletRequest request) {
        Object p = request.getAttribute(Principal.class.getName());
        return p instanceof Principal pr ? pr : Principal.ANONYMOUS;
    }

    /** LANGUAGE (zh/en, chi/eng, zh-CN...) else Accept-Language, else Chinese. */
    static Locale language(WmsParams p, HttpServletRequest request) {
        String l = p.get("LANGUAGE");
        if (l != null && !l.isEmpty()) {
            String s = l.toLowerCase(Locale.ROOT);
            return s.startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                for (var range : Locale.LanguageRange.parse(header)) {
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    if (tag.startsWith("zh")) return Locale.SIMPLIFIED_CHINESE;
                    if (tag.startsWith("en")) return Locale.ENGLISH;
                }
            } catch (IllegalArgumentException ignored) {
                // malformed header: default language
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    private static String serviceUrl(HttpServletRequest request) {
        String base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        return base + "/wms";
    }
}
