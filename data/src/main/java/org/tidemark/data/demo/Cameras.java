package org.tidemark.data.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.tidemark.core.feature.Feature;

/**
 * Video cameras: police cameras along town streets and roads (looking along the road), coastal cameras on
 * seawalls looking out to sea (heading = the mean direction in which the sea lies). Stream URLs use a
 * placeholder scheme ({@code demo-camera://}) that is never fetched.
 */
final class Cameras {
    static final int POLICE = 200;
    static final int COASTAL = 100;

    private final Terrain t;
    private final GeometryFactory gf;
    private final SplittableRandom rnd;
    final List<Feature> police = new ArrayList<>();
    final List<Feature> coastal = new ArrayList<>();

    Cameras(Terrain terrain, List<Feature> roads, List<Feature> seawalls, long seed, GeometryFactory gf) {
        this.t = terrain;
        this.gf = gf;
        this.rnd = new SplittableRandom(seed ^ 0xCA3E4AL);
        police(roads);
        coastal(seawalls);
    }

    /** A candidate site: position, direction of the line there, and the line's name. */
    private record Site(Coordinate at, double bearing, String road, double key) {}

    private List<Site> sample(List<Feature> lines, double spacing, boolean preferTowns) {
        List<Site> out = new ArrayList<>();
        for (Feature f : lines) {
            LineString l = (LineString) f.geometry();
            String name = (String) f.get("name");
            double carried = spacing / 2;
            Coordinate[] cs = l.getCoordinates();
            for (int i = 0; i + 1 < cs.length; i++) {
                double seg = Geo.metres(cs[i].x, cs[i].y, cs[i + 1].x, cs[i + 1].y);
                double b = Geo.bearing(cs[i].x, cs[i].y, cs[i + 1].x, cs[i + 1].y);
                while (carried < seg) {
                    double f0 = carried / seg;
                    Coordinate c = new Coordinate(cs[i].x + f0 * (cs[i + 1].x - cs[i].x), cs[i].y + f0 * (cs[i + 1].y - cs[i].y));
                    double key = rnd.nextDouble();
                    if (preferTowns) {
                        Town near = t.towns.stream().min(Comparator.comparingDouble(x -> x.distanceKm(c.x, c.y))).orElseThrow();
                        if (near.distanceKm(c.x, c.y) < near.radiusKm() * 2) key -= 0.6;
                    }
                    out.add(new Site(c, b, name, key));
                    carried += spacing;
                }
                carried -= seg;
            }
        }
        out.sort(Comparator.comparingDouble(Site::key));
        return out;
    }

    private void police(List<Feature> roads) {
        List<Coordinate> used = new ArrayList<>();
        for (Site s : sample(roads, 120, true)) {
            if (police.size() >= POLICE) break;
            if (!t.isLand(s.at().x, s.at().y) || !used.stream().allMatch(o -> Geo.metres(o.x, o.y, s.at().x, s.at().y) > 90)) continue;
            used.add(s.at());
            int n = police.size() + 1;
            String code = String.format(java.util.Locale.ROOT, "PC%04d", n);
            double heading = (s.bearing() + (rnd.nextBoolean() ? 0 : 180) + rnd.nextDouble(-15, 15) + 360) % 360;
            police.add(camera("police_cameras." + code, s.at(), code, s.road() + "监控点" + n, heading,
                    rnd.nextDouble(55, 110), rnd.nextDouble(60, 250), rnd.nextDouble(4, 8), s.road()));
        }
    }

    private void coastal(List<Feature> seawalls) {
        List<Coordinate> used = new ArrayList<>();
        for (Site s : sample(seawalls, 350, false)) {
            if (coastal.size() >= COASTAL) break;
            if (!used.stream().allMatch(o -> Geo.metres(o.x, o.y, s.at().x, s.at().y) > 300)) continue;
            double sea = seaward(s.at());
            if (Double.isNaN(sea)) continue;
            used.add(s.at());
            int n = coastal.size() + 1;
            String code = String.format(java.util.Locale.ROOT, "CC%04d", n);
            boolean thermal = rnd.nextDouble() < 0.3;
            coastal.add(camera("coastal_cameras." + code, s.at(), code, s.road() + (thermal ? "热成像" : "") + "监控点" + n,
                    (sea + rnd.nextDouble(-10, 10) + 360) % 360, thermal ? rnd.nextDouble(20, 40) : rnd.nextDouble(50, 90),
                    thermal ? rnd.nextDouble(2000, 3500) : rnd.nextDouble(400, 1200), rnd.nextDouble(8, 25), s.road()));
        }
    }

    /** The mean bearing towards sea cells within 400 m, or NaN when no sea is in sight. */
    private double seaward(Coordinate c) {
        double sx = 0;
        double sy = 0;
        for (int k = 0; k < 16; k++) {
            double a = Math.toRadians(k * 22.5);
            double lon = c.x + 400 * StrictMath.sin(a) / Geo.mx();
            double lat = c.y + 400 * StrictMath.cos(a) / Geo.my();
            if (!t.isLand(lon, lat)) {
                sx += StrictMath.sin(a);
                sy += StrictMath.cos(a);
            }
        }
        if (sx == 0 && sy == 0) return Double.NaN;
        return (Math.toDegrees(StrictMath.atan2(sx, sy)) + 360) % 360;
    }

    private Feature camera(String id, Coordinate at, String code, String name, double heading, double fov, double range,
                           double height, String road) {
        return new Feature(id, gf.createPoint(new Coordinate(Geo.round(at.x), Geo.round(at.y))), Geo.props(
                "code", code, "name", name, "heading", Geo.round1(heading), "fov", Geo.round1(fov),
                "range_m", Math.round(range) * 1.0, "height_m", Geo.round1(height), "road", road,
                "stream_url", "demo-camera://xiangshan/" + code));
    }
}
