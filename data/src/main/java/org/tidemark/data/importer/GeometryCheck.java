package org.tidemark.data.importer;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.tidemark.core.feature.GeometryKind;

/**
 * Validates an imported geometry (OGC Simple Features validity) and repairs it when that is safe: an
 * invalid polygon (self-intersecting ring, wrong nesting) is rebuilt by JTS {@link GeometryFixer} as long as
 * the result keeps the dimension; anything else is rejected with the JTS validation message.
 */
final class GeometryCheck {
    private static final Envelope LON_LAT = new Envelope(-180, 180, -90, 90);

    private GeometryCheck() {}

    /** The checked geometry and whether it was repaired. */
    record Checked(Geometry geometry, boolean repaired) {}

    static Checked check(Geometry g) {
        if (g.isEmpty()) throw new IllegalArgumentException("empty geometry");
        if (g instanceof GeometryCollection && !(g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon)) {
            throw new IllegalArgumentException("geometry collections are not supported in a layer");
        }
        for (var c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) throw new IllegalArgumentException("coordinate is not finite");
        }
        if (!LON_LAT.covers(g.getEnvelopeInternal())) {
            throw new IllegalArgumentException("coordinates outside longitude/latitude range: " + g.getEnvelopeInternal()
                    + " (projected data needs a CRS definition)");
        }
        IsValidOp op = new IsValidOp(g);
        if (op.isValid()) return new Checked(g, false);
        TopologyValidationError err = op.getValidationError();
        String reason = err.getMessage() + " at " + err.getCoordinate();
        if (g.getDimension() == 2) {
            Geometry fixed = GeometryFixer.fix(g);
            if (!fixed.isEmpty() && fixed.getDimension() == 2 && fixed.isValid()
                    && (fixed instanceof Polygon || fixed instanceof MultiPolygon)) {
                fixed.setSRID(g.getSRID());
                return new Checked(fixed, true);
            }
        }
        throw new IllegalArgumentException("invalid geometry: " + reason);
    }

    /** 0 points, 1 lines, 2 polygons. */
    static int family(Geometry g) { return g.getDimension(); }

    static boolean isMulti(Geometry g) { return g instanceof GeometryCollection; }

    static GeometryKind kind(int family, boolean multi) {
        return switch (family) {
            case 0 -> multi ? GeometryKind.MULTIPOINT : GeometryKind.POINT;
            case 1 -> multi ? GeometryKind.MULTILINESTRING : GeometryKind.LINESTRING;
            default -> multi ? GeometryKind.MULTIPOLYGON : GeometryKind.POLYGON;
        };
    }

    static int family(GeometryKind k) {
        return switch (k) {
            case POINT, MULTIPOINT -> 0;
            case LINESTRING, MULTILINESTRING -> 1;
            case POLYGON, MULTIPOLYGON -> 2;
            case GEOMETRY -> -1;
        };
    }

    /** Fits a geometry to the layer's declared kind (single ↔ multi), or throws with the reason. */
    static Geometry fit(Geometry g, GeometryKind kind) {
        int want = family(kind);
        if (want >= 0 && family(g) != want) {
            throw new IllegalArgumentException("geometry " + g.getGeometryType() + " does not match the layer's "
                    + kind.simpleFeaturesName() + " (mixed geometry types)");
        }
        var f = g.getFactory();
        return switch (kind) {
            case MULTIPOINT -> g instanceof Point p ? f.createMultiPoint(new Point[] {p}) : g;
            case MULTILINESTRING -> g instanceof LineString l ? f.createMultiLineString(new LineString[] {l}) : g;
            case MULTIPOLYGON -> g instanceof Polygon p ? f.createMultiPolygon(new Polygon[] {p}) : g;
            case POINT, LINESTRING, POLYGON -> {
                if (!isMulti(g)) yield g;
                if (g.getNumGeometries() == 1) yield g.getGeometryN(0);
                throw new IllegalArgumentException(g.getGeometryType() + " with " + g.getNumGeometries()
                        + " parts does not fit the layer's " + kind.simpleFeaturesName());
            }
            case GEOMETRY -> g;
        };
    }
}
