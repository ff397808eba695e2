package org.tidemark.layers.processes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.tidemark.layers.analysis.SitingReport;

/**
 * The siting report as an A4 PDF (ISO 32000) for the approval file: verdict, reasons, key figures and a
 * vector map of the site over flood zones, low-lying areas and buildings. Chinese text uses the
 * WenQuanYi Zen Hei font from the system (Debian {@code fonts-wqy-zenhei}), embedded as a subset;
 * without it the report falls back to the English texts in Helvetica.
 */
final class SitingReportPdf {
    static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    private static final float MARGIN = 48;

    private SitingReportPdf() {}

    static byte[] render(SitingReport r, String generatedAt, String user) throws IOException {
        try (PDDocument doc = new PDDocument(); TrueTypeCollection ttc = Files.exists(CJK_FONT) ? new TrueTypeCollection(CJK_FONT.toFile()) : null) {
            PDFont font = null;
            if (ttc != null) {
                TrueTypeFont ttf = ttc.getFontByName("WenQuanYiZenHei");
                if (ttf != null) font = PDType0Font.load(doc, ttf, true);
            }
            boolean cjk = font != null;
            if (font == null) font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float width = page.getMediaBox().getWidth();
            float y = page.getMediaBox().getHeight() - MARGIN;
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                y = line(out, font, 18, MARGIN, y, cjk ? "建设项目选址防洪分析报告  Flood-risk siting report" : "Flood-risk siting report");
                y = line(out, font, 9, MARGIN, y - 2, (cjk ? r.projectTitleZh() + " / " : "") + r.projectTitleEn() + " · " + generatedAt + " · " + user
                        + " · EPSG:4550");
                out.setNonStrokingColor(r.approved() ? new java.awt.Color(30, 132, 73) : new java.awt.Color(192, 57, 43));
                y = line(out, font, 15, MARGIN, y - 8, r.approved()
                        ? (cjk ? "结论：符合选址要求  Site acceptable" : "Site acceptable")
                        : (cjk ? "结论：不符合选址要求  Site not acceptable" : "Site not acceptable"));
                out.setNonStrokingColor(java.awt.Color.BLACK);
                for (var reason : r.reasons()) {
                    String mark = reason.passed() ? "[OK] " : "[X] ";
                    y = line(out, font, 10, MARGIN, y - 2, mark + (cjk ? reason.zh() : reason.en()));
                    if (cjk) y = line(out, font, 8, MARGIN + 24, y, reason.en());
                }
                var e = r.elevation();
                List<String> facts = new ArrayList<>();
                facts.add(String.format(Locale.ROOT, "%s %.2f ha", cjk ? "面积 Area" : "Area", r.siteAreaM2() / 10_000));
                facts.add(String.format(Locale.ROOT, "%s %.2f / %.2f / %.2f m", cjk ? "高程 Elevation min/mean/max" : "Elevation min/mean/max", e.min(), e.mean(), e.max()));
                for (var z : r.floodZones()) facts.add(String.format(Locale.ROOT, "%s: %.0f m² (%.1f%%)", z.label(), z.areaM2(), z.percent()));
                facts.add(String.format(Locale.ROOT, "low-lying: %.0f m² (%.1f%%)", r.lowLying().areaM2(), r.lowLying().percent()));
                if (r.nearestSeawall() != null) facts.add(String.format(Locale.ROOT, "seawall %s: %.0f m", ascii(r.nearestSeawall().name(), cjk), r.nearestSeawall().metres()));
                for (var g : r.gauges()) {
                    facts.add(String.format(Locale.ROOT, "gauge %s %s: %.0f m, %s", g.code(), ascii(g.name(), cjk), g.distanceM(), g.status() == null ? "-" : g.status()));
                }
                facts.add("buildings on site: " + r.buildingCount() + ", cameras covering: " + r.cameras().size());
                if (!r.omittedLayers().isEmpty()) facts.add("not accessible, not considered: " + String.join(", ", r.omittedLayers()));
                y -= 6;
                for (String f : facts) y = line(out, font, 9, MARGIN, y, f);
                map(out, r, MARGIN, MARGIN, width - 2 * MARGIN, Math.min(y - MARGIN - 12, 360));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }

    private static String ascii(String s, boolean cjk) {
        if (cjk || s == null) return s;
        return s.chars().allMatch(c -> c < 128) ? s : "?";
    }

    private static float line(PDPageContentStream out, PDFont font, float size, float x, float y, String text) throws IOException {
        float next = y - size * 1.4f;
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, next);
        out.showText(text);
        out.endText();
        return next;
    }

    private static void map(PDPageContentStream out, SitingReport r, float x0, float y0, float w, float h) throws IOException {
        if (h < 80) return;
        Envelope view = r.site().getEnvelopeInternal();
        view.expandBy(Math.max(view.getWidth(), view.getHeight()) * 0.5 + 0.001);
        double k = Math.cos(Math.toRadians(view.centre().y));
        double scale = Math.min(w / (view.getWidth() * k), h / view.getHeight());
        out.setStrokingColor(java.awt.Color.GRAY);
        out.addRect(x0, y0, w, h);
        out.stroke();
        java.awt.Color[] risk = {new java.awt.Color(249, 231, 159), new java.awt.Color(245, 176, 65), new java.awt.Color(231, 76, 60)};
        for (var f : r.context()) {
            java.awt.Color c = switch (f.layer()) {
                case "flood_zones" -> risk[Math.max(0, Math.min(2, f.riskClass() - 1))];
                case "low_lying_areas" -> new java.awt.Color(93, 173, 226);
                default -> new java.awt.Color(127, 140, 141);
            };
            out.setNonStrokingColor(c);
            if (path(out, f.geometry(), view, scale, k, x0, y0)) out.fillEvenOdd();
        }
        out.setStrokingColor(new java.awt.Color(142, 68, 173));
        out.setLineWidth(2);
        if (path(out, r.site(), view, scale, k, x0, y0)) out.stroke();
    }

    private static boolean path(PDPageContentStream out, Geometry g, Envelope view, double scale, double k, float x0, float y0)
            throws IOException {
        boolean any = false;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!(g.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) continue;
            ring(out, p.getExteriorRing().getCoordinates(), view, scale, k, x0, y0);
            for (int hole = 0; hole < p.getNumInteriorRing(); hole++) ring(out, p.getInteriorRingN(hole).getCoordinates(), view, scale, k, x0, y0);
            any = true;
        }
        return any;
    }

    private static void ring(PDPageContentStream out, Coordinate[] cs, Envelope view, double scale, double k, float x0, float y0)
            throws IOException {
        for (int i = 0; i < cs.length; i++) {
            float x = (float) (x0 + (cs[i].x - view.getMinX()) * k * scale);
            float y = (float) (y0 + (cs[i].y - view.getMinY()) * scale);
            if (i == 0) out.moveTo(x, y);
            else out.lineTo(x, y);
        }
        out.closePath();
    }
}
