package org.tidemark.layers.ows;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tidemark.core.error.GeoServiceException;

/**
 * Writes {@code ows:ExceptionReport} documents (OGC 06-121r3 §8 for OWS 1.1.0, used by WFS 2.0 with
 * {@code version="2.0.0"}; OGC 05-008 for OWS 1.0.0, used by WFS 1.1.0) and chooses the HTTP status:
 * OWS Common 2.0 Table 28 and WFS 2.0 Table 3 (400 for client errors, 403 forbidden, 404 NotFound,
 * 501 for unsupported operations/options, 500/503 for server failures). Server failures never carry
 * internal details.
 */
public final class ExceptionReportWriter {
    public static final String OWS11 = "http://www.opengis.net/ows/1.1";
    public static final String OWS10 = "http://www.opengis.net/ows";

    private ExceptionReportWriter() {}

    /** The HTTP status for an exception. */
    public static int status(GeoServiceException e) {
        if ("OperationProcessingFailed".equals(e.code())) return 403; // WFS 2.0 Table 3
        return switch (e.kind()) {
            case INVALID_PARAMETER, MISSING_PARAMETER -> 400;
            case NOT_SUPPORTED -> "OperationNotSupported".equals(e.code()) || "OptionNotSupported".equals(e.code()) ? 501 : 400;
            case NOT_FOUND -> 404;
            case NOT_ACCEPTABLE -> 406;
            case FORBIDDEN -> 403;
            case UNAUTHENTICATED -> 401;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
        };
    }

    /**
     * Writes a report for the exception.
     *
     * @param owsNamespace  {@link #OWS11} or {@link #OWS10}
     * @param reportVersion the {@code version} attribute ({@code 2.0.0} for WFS 2.0, {@code 1.0.0} for OWS 1.0)
     */
    public static void write(HttpServletResponse response, GeoServiceException e, String owsNamespace,
                             String reportVersion, String schemaBaseUrl) throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setHeader("Content-Disposition", null);
        response.setStatus(status(e));
        response.setContentType("application/xml;charset=UTF-8");
        writeTo(response.getOutputStream(), e.code(), e.locator(), e.getMessage(), owsNamespace, reportVersion, schemaBaseUrl);
    }

    /** Writes a NoApplicableCode report for an unexpected failure (status 500, no internal details). */
    public static void writeInternal(HttpServletResponse response, String correlationId, String owsNamespace,
                                     String reportVersion, String schemaBaseUrl) throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setHeader("Content-Disposition", null);
        response.setStatus(500);
        response.setContentType("application/xml;charset=UTF-8");
        writeTo(response.getOutputStream(), "NoApplicableCode", null,
                "Internal error (reference " + correlationId + ")", owsNamespace, reportVersion, schemaBaseUrl);
    }

    static void writeTo(OutputStream out, String code, String locator, String text, String ns, String version,
                        String schemaBaseUrl) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("ows", ns);
            w.writeStartElement("ows", "ExceptionReport", ns);
            w.writeNamespace("ows", ns);
            w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            w.writeAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                    ns + " " + schemaBaseUrl + (OWS11.equals(ns) ? "/ows/1.1.0/owsExceptionReport.xsd" : "/ows/1.0.0/owsExceptionReport.xsd"));
            w.writeAttribute("version", version);
            w.writeStartElement("ows", "Exception", ns);
            w.writeAttribute("exceptionCode", code == null ? "NoApplicableCode" : code);
            if (locator != null) w.writeAttribute("locator", locator);
            if (text != null) {
                w.writeStartElement("ows", "ExceptionText", ns);
                w.writeCharacters(text);
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            out.flush();
        } catch (XMLStreamException x) {
            throw new IOException(x);
        }
    }
}
