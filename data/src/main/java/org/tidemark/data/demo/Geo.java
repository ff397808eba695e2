package org.tidemark.data.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Small geometry and attribute helpers shared by the generators. */
final class Geo {
    private Geo() {}

    static double mx() { return Grid.metresPerDegLon(); }

    static double my() { return Grid.METRES_PER_DEG_LAT; }

    /** Distance in metres between two lon/lat points (equirectangular, fine within the county). */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double dx = (lon2 - lon1) * mx();
        double dy = (lat2 - lat1) * my();
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Bearing in degrees clockwise from north. */
    static double bearing(double lon1, double lat1, double lon2, double lat2) {
        double b = Math.toDegrees(StrictMath.atan2((lon2 - lon1) * mx(), (lat2 - lat1) * my()));
        return (b + 360) % 360;
    }

    /** A rectangle of w × h metres centred on (lon, lat), rotated by {@code angleDeg}. */
    static Polygon rectangle(GeometryFactory gf, double lon, double lat, double w, double h, double angleDeg) {
        double a = Math.toRadians(angleDeg);
        double cos = StrictMath.cos(a);
        double sin = StrictMath.sin(a);
        double[][] corners = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
        Coordinate[] cs = new Coordinate[5];
        for (int i = 0; i < 4; i++) {
            double x = corners[i][0] * cos - corners[i][1] * sin;
            double y = corners[i][0] * sin + corners[i][1] * cos;
            cs[i] = new Coordinate(round(lon + x / mx()), round(lat + y / my()));
        }
        cs[4] = cs[0];
        return gf.createPolygon(cs);
    }

    /** Rounds to 1e-7 degree (about 1 cm): compact and identical on every run. */
    static double round(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Chaikin corner cutting: smooth lines from cell-centre paths, keeping both ends. */
    static List<Coordinate> chaikin(List<Coordinate> in, int iterations) {
        List<Coordinate> pts = in;
        for (int k = 0; k < iterations; k++) {
            if (pts.size() < 3) return pts;
            List<Coordinate> out = new ArrayList<>();
            out.add(pts.get(0));
            for (int i = 0; i + 1 < pts.size(); i++) {
                Coordinate p = pts.get(i);
                Coordinate q = pts.get(i + 1);
                out.add(new Coordinate(0.75 * p.x + 0.25 * q.x, 0.75 * p.y + 0.25 * q.y));
                out.add(new Coordinate(0.25 * p.x + 0.75 * q.x, 0.25 * p.y + 0.75 * q.y));
            }
            out.add(pts.get(pts.size() - 1));
            pts = out;
        }
        return pts;
    }

    static LineString line(GeometryFactory gf, List<Coordinate> pts) {
        Coordinate[] cs = new Coordinate[pts.size()];
        for (int i = 0; i < cs.length; i++) cs[i] = new Coordinate(round(pts.get(i).x), round(pts.get(i).y));
        return gf.createLineString(cs);
    }

    static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    /** Chinese numeral for 1–99. */
    static String cn(int n) {
        if (n <= 10) return DIGITS[n];
        if (n < 20) return "十" + DIGITS[n - 10];
        return DIGITS[n / 10] + "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
    }

    static String ordinal(int n) {
        int m = n % 100;
        String s = (m >= 11 && m <= 13) ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + s;
    }
}
