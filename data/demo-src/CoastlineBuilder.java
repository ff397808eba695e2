/*
 * Builds closed land polygons for the Xiangshan demo box from GSHHG full-resolution shoreline segments.
 * Run by build-coastline.sh (single-file Java program; needs only jts-core on the class path and `gmt`).
 *
 * Input : the multisegment dump of `gmt coast -Df -W -M` (segments clipped to GMT's bins).
 * Output: a GeoJSON FeatureCollection of land polygons (coordinates rounded to 1e-5 degree).
 *
 * Steps: read segments -> add the box outline -> node all lines (unary union) -> polygonize ->
 * classify each face by asking `gmt select -Df -Ns/k/s/k/s` whether its interior point is land ->
 * union the land faces -> reduce precision -> name the mainland and the known islands -> write.
 */
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import org.locationtech.jts.algorithm.construct.*;
import org.locationtech.jts.geom.*;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

public class CoastlineBuilder {
    static final double W = 121.55, E = 122.25, S = 28.85, N = 29.75;

    /** Known islands: name zh, name en, a point inside it (largest polygon containing it gets the name). */
    static final Object[][] NAMES = {
        {"象山半岛", "Xiangshan Peninsula", 121.87, 29.47},
        {"象山港北岸", "North shore of Xiangshan Harbour", 121.661, 29.643},
        {"三门湾西岸", "West shore of Sanmen Bay", 121.608, 28.981},
        {"南田岛", "Nantian Island", 121.937, 29.12},
        {"六横岛", "Liuheng Island", 122.159, 29.702},
        {"三门湾北岸", "North shore of Sanmen Bay", 121.591, 29.085},
        {"三门湾南岸", "South shore of Sanmen Bay", 121.595, 28.877},
        {"高塘岛", "Gaotang Island", 121.846, 29.122},
        {"花岙岛", "Huaao Island", 121.811, 29.08},
        {"檀头山岛", "Tantoushan Island", 122.039, 29.185},
    };

    public static void main(String[] args) throws Exception {
        GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4490);
        List<Geometry> lines = new ArrayList<>();
        List<Coordinate> cur = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.startsWith(">")) { flush(cur, lines, gf); continue; }
            String[] p = line.trim().split("\\s+");
            if (p.length < 2) continue;
            // snap to 1e-7 degree so segment ends that meet at bin edges coincide exactly
            cur.add(new Coordinate(Math.round(Double.parseDouble(p[0]) * 1e7) / 1e7,
                    Math.round(Double.parseDouble(p[1]) * 1e7) / 1e7));
        }
        flush(cur, lines, gf);
        lines.add(gf.createLineString(new Coordinate[] {
            new Coordinate(W, S), new Coordinate(E, S), new Coordinate(E, N), new Coordinate(W, N), new Coordinate(W, S)}));
        Geometry noded = UnaryUnionOp.union(lines);
        Polygonizer pz = new Polygonizer();
        pz.add(noded);
        @SuppressWarnings("unchecked")
        List<Polygon> faces = new ArrayList<>((Collection<Polygon>) pz.getPolygons());
        System.err.printf("segments=%d faces=%d dangles=%d cutEdges=%d%n", lines.size(), faces.size(),
                pz.getDangles().size(), pz.getCutEdges().size());
        Envelope box = new Envelope(W, E, S, N);
        faces.removeIf(f -> !box.contains(f.getEnvelopeInternal()));
        boolean[] land = classify(faces);
        List<Geometry> landFaces = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) if (land[i]) landFaces.add(faces.get(i));
        Geometry all = UnaryUnionOp.union(landFaces);
        all = GeometryPrecisionReducer.reduce(all, new PrecisionModel(1e5));
        List<Polygon> polys = new ArrayList<>();
        for (int i = 0; i < all.getNumGeometries(); i++) {
            Geometry g = all.getGeometryN(i);
            if (g instanceof Polygon p && !p.isEmpty()) polys.add(p);
        }
        polys.sort(Comparator.comparingDouble(Geometry::getArea).reversed());
        write(polys, gf, Path.of(args[1]));
        System.err.printf("land polygons=%d, largest area=%.5f deg2%n", polys.size(), polys.get(0).getArea());
    }

    static void flush(List<Coordinate> cur, List<Geometry> out, GeometryFactory gf) {
        List<Coordinate> c = new ArrayList<>();
        for (Coordinate x : cur) if (c.isEmpty() || !c.get(c.size() - 1).equals2D(x)) c.add(x);
        if (c.size() >= 2) out.add(gf.createLineString(c.toArray(new Coordinate[0])));
        cur.clear();
    }

    /** Asks GMT (GSHHG full resolution) which face interior points lie on land. */
    static boolean[] classify(List<Polygon> faces) throws Exception {
        Process p = new ProcessBuilder("gmt", "select", "-R" + W + "/" + E + "/" + S + "/" + N, "-Df",
                "-Ns/k/s/k/s", "-fg", "--FORMAT_FLOAT_OUT=%.9f").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII)) {
            for (int i = 0; i < faces.size(); i++) {
                Point ip = faces.get(i).getInteriorPoint();
                w.write(String.format(Locale.ROOT, "%.9f %.9f %d%n", ip.getX(), ip.getY(), i));
            }
        }
        boolean[] land = new boolean[faces.size()];
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3) land[(int) Double.parseDouble(f[2])] = true;
            }
        }
        if (p.waitFor() != 0) throw new IllegalStateException("gmt select failed");
        return land;
    }

    static void write(List<Polygon> polys, GeometryFactory gf, Path out) throws IOException {
        String[] zh = new String[polys.size()], en = new String[polys.size()];
        for (Object[] n : NAMES) {
            Point pt = gf.createPoint(new Coordinate((double) n[2], (double) n[3]));
            for (int i = 0; i < polys.size(); i++) {
                if (zh[i] == null && polys.get(i).contains(pt)) { zh[i] = (String) n[0]; en[i] = (String) n[1]; break; }
            }
        }
        int k = 0;
        StringBuilder sb = new StringBuilder();
        sb.append("{\"type\":\"FeatureCollection\",\"name\":\"land\",\n\"source\":\"GSHHG 2.3.7 full resolution (LGPL-3.0), via gmt coast -Df; clipped to ")
          .append(W).append('/').append(E).append('/').append(S).append('/').append(N).append("\",\n\"features\":[\n");
        for (int i = 0; i < polys.size(); i++) {
            if (zh[i] == null) { k++; zh[i] = "无名岛屿 " + k; en[i] = "Unnamed island " + k; }
            if (i > 0) sb.append(",\n");
            sb.append("{\"type\":\"Feature\",\"id\":\"land.").append(i + 1).append("\",\"properties\":{\"name\":\"")
              .append(zh[i]).append("\",\"name_en\":\"").append(en[i]).append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[");
            Polygon p = polys.get(i);
            ring(sb, p.getExteriorRing());
            for (int h = 0; h < p.getNumInteriorRing(); h++) { sb.append(','); ring(sb, p.getInteriorRingN(h)); }
            sb.append("]}}");
        }
        sb.append("\n]}\n");
        Files.writeString(out, sb, StandardCharsets.UTF_8);
    }

    static void ring(StringBuilder sb, LineString r) {
        sb.append('[');
        Coordinate[] cs = r.getCoordinates();
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) sb.append(',');
            sb.append('[').append(fmt(cs[i].x)).append(',').append(fmt(cs[i].y)).append(']');
        }
        sb.append(']');
    }

    static String fmt(double v) {
        return new java.math.BigDecimal(Math.round(v * 1e5)).movePointLeft(5).stripTrailingZeros().toPlainString();
    }
}
