package org.tidemark.data.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.tidemark.core.feature.Feature;

/** Labels for the basemap: towns, villages, named islands, the highest peaks, seas and reservoirs. */
final class PlaceNames {
    /** Named waters; a label is kept only where the coastline says it is sea. */
    private static final Object[][] WATERS = {
        {"象山港", "Xiangshan Harbour", 121.76, 29.60}, {"石浦港", "Shipu Harbour", 121.945, 29.185},
        {"三门湾", "Sanmen Bay", 121.70, 29.02}, {"大目洋", "Damu Sea", 122.12, 29.35}, {"猫头洋", "Maotou Sea", 122.10, 28.95},
        {"岳井洋", "Yuejing Bay", 121.80, 29.20}};
    private static final String[][] PEAKS = {
        {"五狮山", "Wushi Shan"}, {"珠山", "Zhu Shan"}, {"白岩山", "Baiyan Shan"}, {"大尖山", "Dajian Shan"},
        {"蒙顶山", "Mengding Shan"}, {"笔架山", "Bijia Shan"}, {"东搭山", "Dongda Shan"}, {"龙头山", "Longtou Shan"}};

    final List<Feature> features = new ArrayList<>();

    PlaceNames(Terrain t, List<Town> villages, List<Feature> land, List<Feature> reservoirs, GeometryFactory gf) {
        for (Town town : t.towns) {
            add(gf, "town." + town.id(), town.lon(), town.lat(), town.zh(), town.en(), town.seat() ? "county_seat" : "town");
        }
        for (Town v : villages) add(gf, "village." + v.id(), v.lon(), v.lat(), v.zh(), v.en(), "village");
        for (Feature f : land) {
            String zh = (String) f.get("name");
            if (zh == null || zh.startsWith("无名")) continue;
            Point p = f.geometry().getInteriorPoint();
            add(gf, f.id(), p.getX(), p.getY(), zh, (String) f.get("name_en"), zh.endsWith("岛") ? "island" : "land");
        }
        for (Object[] w : WATERS) {
            if (!t.isLand((double) w[2], (double) w[3])) add(gf, "water." + w[1].toString().split(" ")[0].toLowerCase(java.util.Locale.ROOT),
                    (double) w[2], (double) w[3], (String) w[0], (String) w[1], "water");
        }
        for (int i = 0; i < reservoirs.size(); i++) {
            Feature r = reservoirs.get(i);
            Point p = r.geometry().getInteriorPoint();
            add(gf, r.id(), p.getX(), p.getY(), (String) r.get("name"), WaterWorks.RESERVOIRS[i][1], "reservoir");
        }
        peaks(t, gf);
    }

    private void peaks(Terrain t, GeometryFactory gf) {
        List<int[]> tops = new ArrayList<>();
        Grid g = t.coarse;
        for (int r = 1; r < g.height() - 1; r++) {
            for (int c = 1; c < g.width() - 1; c++) {
                int i = g.index(c, r);
                if (!t.cLand[i] || t.z[i] < 150) continue;
                boolean top = true;
                for (int dr = -1; dr <= 1 && top; dr++) for (int dc = -1; dc <= 1; dc++) if ((dr | dc) != 0 && t.z[i + dr * g.width() + dc] > t.z[i]) top = false;
                if (top) tops.add(new int[] {i});
            }
        }
        tops.sort(Comparator.<int[]>comparingDouble(a -> -t.z[a[0]]).thenComparingInt(a -> a[0]));
        List<Coordinate> chosen = new ArrayList<>();
        for (int[] top : tops) {
            if (chosen.size() >= PEAKS.length) break;
            Coordinate c = new Coordinate(g.lon(top[0] % g.width()), g.lat(top[0] / g.width()));
            if (!chosen.stream().allMatch(o -> Geo.metres(o.x, o.y, c.x, c.y) > 3000)) continue;
            chosen.add(c);
            String[] n = PEAKS[chosen.size() - 1];
            double height = Math.round(t.height(c.x, c.y));
            add(gf, "peak." + chosen.size(), c.x, c.y, n[0] + " " + (long) height + "米", n[1] + " " + (long) height + " m", "peak");
        }
    }

    private void add(GeometryFactory gf, String id, double lon, double lat, String zh, String en, String kind) {
        features.add(new Feature("place_names." + id, gf.createPoint(new Coordinate(Geo.round(lon), Geo.round(lat))),
                Geo.props("name_zh", zh, "name_en", en, "kind", kind)));
    }
}
