package org.tidemark.layers.processes;

import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.tidemark.layers.analysis.SitingReport;

/**
 * The printable siting report: a self-contained HTML page in Chinese (English in small print) with an
 * inline SVG map of the site, the flood zones by risk class, low-lying areas and buildings — no
 * external resource, so it prints and archives as one file on an isolated intranet.
 */
final class SitingReportHtml {
    private static final int W = 640;
    private static final int H = 480;

    private SitingReportHtml() {}

    static String render(SitingReport r, String generatedAt, String user) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>选址分析报告 Siting report</title>")
                .append("<style>body{font-family:'WenQuanYi Zen Hei','Noto Sans CJK SC',sans-serif;margin:24px;color:#1b2631}")
                .append("h1{font-size:22px;margin:0 0 4px}small,.en{color:#5d6d7e;font-size:12px}table{border-collapse:collapse;margin:8px 0 16px}")
                .append("td,th{border:1px solid #ccd1d1;padding:4px 8px;font-size:13px;text-align:left}th{background:#eaf2f8}")
                .append(".ok{color:#1e8449;font-weight:bold}.no{color:#c0392b;font-weight:bold}.verdict{font-size:20px;margin:12px 0}")
                .append("@media print{body{margin:8mm}}</style></head><body>");
        b.append("<h1>建设项目选址防洪分析报告</h1><div class=\"en\">Flood-risk siting report</div>");
        b.append("<p><small>项目类型 Project type：").append(esc(r.projectTitleZh())).append(" / ").append(esc(r.projectTitleEn()))
                .append(" · 生成时间 Generated：").append(esc(generatedAt)).append(" · 申请人 Requested by：").append(esc(user))
                .append(" · 面积计算坐标系 Areas in：CGCS2000 / 3° GK CM 123°E (EPSG:4550)</small></p>");
        b.append("<div class=\"verdict ").append(r.approved() ? "ok\">结论：符合选址要求 — Site acceptable" : "no\">结论：不符合选址要求 — Site not acceptable").append("</div>");
        b.append("<table><tr><th>规则 Rule</th><th>结果 Result</th><th>说明 Reason</th></tr>");
        for (var reason : r.reasons()) {
            b.append("<tr><td>").append(esc(reason.rule())).append("</td><td class=\"").append(reason.passed() ? "ok\">通过 pass" : "no\">不通过 fail")
                    .append("</td><td>").append(esc(reason.zh())).append("<br><span class=\"en\">").append(esc(reason.en())).append("</span></td></tr>");
        }
        b.append("</table>");
        b.append(svg(r));
        b.append("<h2>场地 Site</h2><table><tr><th>面积 Area</th><td>").append(fmt(r.siteAreaM2() / 10_000, 2)).append(" 公顷 ha</td></tr>");
        var e = r.elevation();
        b.append("<tr><th>高程 Elevation (min / mean / max)</th><td>").append(fmt(e.min(), 2)).append(" / ").append(fmt(e.mean(), 2))
                .append(" / ").append(fmt(e.max(), 2)).append(" m（").append(e.samples()).append(" 个 DEM 采样 samples）</td></tr>");
        b.append("<tr><th>坡度 Slope (mean / max)</th><td>").append(fmt(e.meanSlope(), 1)).append("° / ").append(fmt(e.maxSlope(), 1)).append("°</td></tr>");
        if (r.nearestSeawall() != null) {
            b.append("<tr><th>最近海塘 Nearest seawall</th><td>").append(esc(r.nearestSeawall().name())).append("，")
                    .append(fmt(r.nearestSeawall().metres(), 0)).append(" m");
            if (r.nearestSeawall().crestElevation() != null) b.append("，堤顶高程 crest ").append(fmt(r.nearestSeawall().crestElevation(), 2)).append(" m");
            b.append("</td></tr>");
        }
        if (r.nearestStream() != null) {
            b.append("<tr><th>最近河流 Nearest stream</th><td>").append(esc(r.nearestStream().name())).append("，").append(fmt(r.nearestStream().metres(), 0)).append(" m</td></tr>");
        }
        b.append("<tr><th>场地内建筑 Buildings on site</th><td>").append(r.buildingCount()).append("</td></tr></table>");
        b.append("<h2>洪水风险区与低洼区 Flood zones and low-lying areas</h2><table><tr><th>类别 Class</th><th>重叠面积 Overlap m²</th><th>占场地 Share</th></tr>");
        for (var z : r.floodZones()) {
            b.append("<tr><td>").append(esc(z.label())).append("</td><td>").append(fmt(z.areaM2(), 0)).append("</td><td>").append(fmt(z.percent(), 1)).append("%</td></tr>");
        }
        b.append("<tr><td>低洼易涝区 low-lying</td><td>").append(fmt(r.lowLying().areaM2(), 0)).append("</td><td>").append(fmt(r.lowLying().percent(), 1)).append("%</td></tr></table>");
        b.append("<h2>附近水位站 Nearby gauges</h2><table><tr><th>站码 STCD</th><th>站名 Name</th><th>距离 Distance</th><th>当前水位 Level</th><th>警戒/保证 WRZ/GRZ</th><th>状态 Status</th></tr>");
        for (var g : r.gauges()) {
            b.append("<tr><td>").append(esc(g.code())).append("</td><td>").append(esc(g.name())).append("</td><td>").append(fmt(g.distanceM(), 0))
                    .append(" m</td><td>").append(g.value() == null ? "—" : fmt(g.value(), 2) + " m").append("</td><td>")
                    .append(g.warning() == null ? "—" : fmt(g.warning(), 2)).append(" / ").append(g.guarantee() == null ? "—" : fmt(g.guarantee(), 2))
                    .append("</td><td>").append(esc(g.status() == null ? "—" : g.status())).append("</td></tr>");
        }
        b.append("</table><h2>覆盖场地的摄像头 Cameras covering the site</h2><p>");
        if (r.cameras().isEmpty()) b.append("无 none");
        for (var c : r.cameras()) b.append(esc(c.name())).append("（").append(esc(c.layer())).append("） ");
        b.append("</p>");
        if (!r.omittedLayers().isEmpty()) {
            b.append("<p class=\"no\">以下图层无访问权限，未纳入分析 Layers not accessible to you, not considered: ")
                    .append(esc(String.join(", ", r.omittedLayers()))).append("</p>");
        }
        b.append("<p><small>高程为合成演示数据 Elevations are synthetic demo data. Tidemark</small></p></body></html>");
        return b.toString();
    }

    private static String svg(SitingReport r) {
        Envelope view = r.site().getEnvelopeInternal();
        view.expandBy(Math.max(view.getWidth(), view.getHeight()) * 0.5 + 0.001);
        double scale = Math.min(W / view.getWidth(), H / (view.getHeight() / Math.cos(Math.toRadians(view.centre().y))));
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" style=\"border:1px solid #ccd1d1;background:#f4f6f6\">");
        String[] fills = {"#f9e79f", "#f5b041", "#e74c3c"};
        for (var f : r.context()) {
            String style = switch (f.layer()) {
                case "flood_zones" -> "fill=\"" + fills[Math.max(0, Math.min(2, f.riskClass() - 1))] + "\" fill-opacity=\"0.6\" stroke=\"none\"";
                case "low_lying_areas" -> "fill=\"#5dade2\" fill-opacity=\"0.35\" stroke=\"#2e86c1\" stroke-width=\"0.5\"";
                default -> "fill=\"#7f8c8d\" fill-opacity=\"0.8\" stroke=\"none\"";
            };
            b.append("<path ").append(style).append(" d=\"").append(path(f.geometry(), view, scale)).append("\"/>");
        }
        b.append("<path fill=\"none\" stroke=\"#8e44ad\" stroke-width=\"3\" d=\"").append(path(r.site(), view, scale)).append("\"/>");
        b.append("<g font-size=\"12\"><rect x=\"8\" y=\"8\" width=\"210\" height=\"92\" fill=\"white\" fill-opacity=\"0.85\"/>");
        String[] names = {"风险 1 级 risk 1", "风险 2 级 risk 2", "风险 3 级 risk 3"};
        for (int i = 0; i < 3; i++) {
            b.append("<rect x=\"14\" y=\"").append(14 + i * 18).append("\" width=\"14\" height=\"12\" fill=\"").append(fills[i]).append("\"/>")
                    .append("<text x=\"34\" y=\"").append(25 + i * 18).append("\">").append(names[i]).append("</text>");
        }
        b.append("<rect x=\"14\" y=\"68\" width=\"14\" height=\"12\" fill=\"#5dade2\"/><text x=\"34\" y=\"79\">低洼区 low-lying</text>")
                .append("<rect x=\"130\" y=\"68\" width=\"14\" height=\"12\" fill=\"none\" stroke=\"#8e44ad\" stroke-width=\"2\"/><text x=\"150\" y=\"79\">场地 site</text></g>");
        return b.append("</svg>").toString();
    }

    private static String path(Geometry g, Envelope view, double scale) {
        StringBuilder d = new StringBuilder();
        double k = Math.cos(Math.toRadians(view.centre().y));
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!(g.getGeometryN(i) instanceof Polygon p)) continue;
            ring(d, p.getExteriorRing().getCoordinates(), view, scale, k);
            for (int h = 0; h < p.getNumInteriorRing(); h++) ring(d, p.getInteriorRingN(h).getCoordinates(), view, scale, k);
        }
        return d.toString();
    }

    private static void ring(StringBuilder d, Coordinate[] cs, Envelope view, double scale, double k) {
        for (int i = 0; i < cs.length; i++) {
            double x = (cs[i].x - view.getMinX()) * scale;
            double y = (view.getMaxY() - cs[i].y) * scale / k;
            d.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        }
        d.append('Z');
    }

    private static String fmt(double v, int digits) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%,." + digits + "f", v);
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
