package org.tidemark.layers.wfs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;
import org.tidemark.core.feature.Feature;

/**
 * Streams a GetFeature result as CSV (RFC 4180): {@code FID}, the geometry as WKT (east/north in the output
 * CRS) and the attributes, one header per feature type. Cells starting with {@code = + - @} are prefixed with
 * a quote so spreadsheets do not evaluate them (CSV injection).
 */
final class CsvSink implements FeatureSink {
    private final Writer out;
    private final WKTWriter wkt = new WKTWriter();
    private PlannedQuery current;

    CsvSink(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public void begin(List<PlannedQuery> queries, long matched, long returned, String next, String previous) throws IOException {
        out.write('\uFEFF'); // BOM: spreadsheet programs read UTF-8 (Chinese names) correctly
    }

    @Override
    public void feature(PlannedQuery q, Feature f) throws IOException {
        if (current != q) {
            current = q;
            out.write("FID");
            if (q.geometry()) out.write("," + q.layer().type().geometryName());
            for (String p : q.properties()) out.write("," + cell(p));
            out.write("\r\n");
        }
        out.write(cell(QueryPlanner.resourceId(q.layer().name(), f.id())));
        if (q.geometry()) {
            Geometry g = q.crs().fromInternal(f.geometry());
            out.write(',');
            if (g != null) out.write(cell(wkt.write(g)));
        }
        for (String p : q.properties()) {
            out.write(',');
            Object v = f.get(p);
            if (v != null) out.write(cell(XmlSupport.text(v)));
        }
        out.write("\r\n");
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    static String cell(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.eE+-]+")) v = "'" + v;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || !v.equals(s)) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
