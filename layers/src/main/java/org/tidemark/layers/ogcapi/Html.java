package org.tidemark.layers.ogcapi;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.source.FeatureCursor;

/**
 * Minimal HTML views of OGC API resources (Part 1 /conf/html): every text is escaped, pages stream, no
 * scripts are embedded.
 */
final class Html {
    private final Writer w;

    private Html(Writer w) { this.w = w; }

    interface Body {
        void write(Html out) throws IOException;
    }

    static void page(HttpServletResponse res, String title, Body body) throws IOException {
        res.setContentType("text/html;charset=UTF-8");
        Writer w = new OutputStreamWriter(res.getOutputStream(), StandardCharsets.UTF_8);
        w.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>");
        w.write(esc(title));
        w.write("</title></head><body><h1>");
        w.write(esc(title));
        w.write("</h1>");
        body.write(new Html(w));
        w.write("</body></html>");
        w.flush();
    }

    void p(String text) throws IOException {
        w.write("<p>" + esc(text) + "</p>");
    }

    void li(String text) throws IOException {
        w.write("<li>" + esc(text) + "</li>");
    }

    void link(String href, String text) throws IOException {
        w.write("<p><a href=\"" + esc(href) + "\">" + esc(text) + "</a></p>");
    }

    void table(FeatureType type, List<String> properties, FeatureCursor cursor, int limit) throws IOException {
        w.write("<table><tr><th>id</th>");
        for (String p : properties) w.write("<th>" + esc(p) + "</th>");
        w.write("</tr>");
        int n = 0;
        while (cursor.hasNext() && n++ < limit) {
            Feature f = cursor.next();
            w.write("<tr><td>" + esc(f.id()) + "</td>");
            for (String p : properties) {
                Object v = f.get(p);
                w.write("<td>" + (v == null ? "" : esc(v.toString())) + "</td>");
            }
            w.write("</tr>");
        }
        w.write("</table>");
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
