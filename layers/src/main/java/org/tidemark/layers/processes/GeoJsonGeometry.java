package org.tidemark.layers.processes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.tidemark.core.error.GeoServiceException;

/** Reads a GeoJSON geometry (RFC 7946 §3.1) already parsed into maps and lists; writes one back. */
final class GeoJsonGeometry {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final int MAX_COORDINATES = 200_000;

    private GeoJsonGeometry() {}

    static Geometry read(Object json, String locator) {
        if (!(json instanceof Map<?, ?> m)) throw GeoServiceException.invalid(locator, "expected a GeoJSON geometry object");
        Object type = m.get("type");
        Object coords = m.get("coordinates");
        int[] budget = {MAX_COORDINATES};
        try {
            return switch (String.valueOf(type)) {
                case "Point" -> GF.createPoint(coordinate(coords, locator));
                case "LineString" -> GF.createLineString(coordinates(coords, locator, budget));
                case "Polygon" -> polygon(coords, locator, budget);
                case "MultiPolygon" -> {
                    List<Polygon> polys = new ArrayList<>();
                    for (Object p : list(coords, locator)) polys.add(polygon(p, locator, budget));
                    yield GF.createMultiPolygon(polys.toArray(Polygon[]::new));
                }
                default -> throw GeoServiceException.invalid(locator, "unsupported geometry type " + type);
            };
        } catch (IllegalArgumentException e) {
            throw GeoServiceException.invalid(locator, "invalid geometry: " + e.getMessage());
        }
    }

    private static Polygon polygon(Object rings, String locator, int[] budget) {
        List<?> rs = list(rings, locator);
        if (rs.isEmpty()) return GF.createPolygon();
        LinearRing shell = GF.createLinearRing(coordinates(rs.get(0), locator, budget));
        LinearRing[] holes = new LinearRing[rs.size() - 1];
        for (int i = 1; i < rs.size(); i++) holes[i - 1] = GF.createLinearRing(coordinates(rs.get(i), locator, budget));
        return GF.createPolygon(shell, holes);
    }

    private static Coordinate[] coordinates(Object json, String locator, int[] budget) {
        List<?> l = list(json, locator);
        budget[0] -= l.size();
        if (budget[0] < 0) throw GeoServiceException.invalid(locator, "geometry has more than " + MAX_COORDINATES + " coordinates");
        Coordinate[] cs = new Coordinate[l.size()];
        for (int i = 0; i < cs.length; i++) cs[i] = coordinate(l.get(i), locator);
        return cs;
    }

    private static Coordinate coordinate(Object json, String locator) {
        List<?> l = list(json, locator);
        if (l.size() < 2 || !(l.get(0) instanceof Number x) || !(l.get(1) instanceof Number y)) {
            throw GeoServiceException.invalid(locator, "a position needs two numbers");
        }
        double dx = x.doubleValue();
        double dy = y.doubleValue();
        if (!Double.isFinite(dx) || !Double.isFinite(dy)) throw GeoServiceException.invalid(locator, "non-finite coordinate");
        return new Coordinate(dx, dy);
    }

    private static List<?> list(Object json, String locator) {
        if (json instanceof List<?> l) return l;
        throw GeoServiceException.invalid(locator, "expected an array of coordinates");
    }

    /** GeoJSON for a geometry, coordinates rounded to 1e-7° (≈ 1 cm). */
    static Map<String, Object> write(Geometry g) {
        return switch (g.getGeometryType()) {
            case "Point" -> Map.of("type", "Point", "coordinates", position(g.getCoordinate()));
            case "LineString" -> Map.of("type", "LineString", "coordinates", positions(g.getCoordinates()));
            case "Polygon" -> Map.of("type", "Polygon", "coordinates", rings((Polygon) g));
            default -> {
                List<Object> polys = new ArrayList<>();
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    if (g.getGeometryN(i) instanceof Polygon p) polys.add(rings(p));
                }
                yield Map.of("type", "MultiPolygon", "coordinates", polys);
            }
        };
    }

    private static List<Object> rings(Polygon p) {
        List<Object> rings = new ArrayList<>();
        rings.add(positions(p.getExteriorRing().getCoordinates()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) rings.add(positions(p.getInteriorRingN(i).getCoordinates()));
        return rings;
    }

    private static List<Object> positions(Coordinate[] cs) {
        List<Object> out = new ArrayList<>(cs.length);
        for (Coordinate c : cs) out.add(position(c));
        return out;
    }

    private static List<Double> position(Coordinate c) {
        return List.of(Math.round(c.x * 1e7) / 1e7, Math.round(c.y * 1e7) / 1e7);
    }
}
