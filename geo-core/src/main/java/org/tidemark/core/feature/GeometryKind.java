package org.tidemark.core.feature;

/** The geometry type of a layer, as declared in schemas (GML property type, OGC API geometry). */
public enum GeometryKind {
    POINT("Point", "gml:PointPropertyType"),
    LINESTRING("LineString", "gml:CurvePropertyType"),
    POLYGON("Polygon", "gml:SurfacePropertyType"),
    MULTIPOINT("MultiPoint", "gml:MultiPointPropertyType"),
    MULTILINESTRING("MultiLineString", "gml:MultiCurvePropertyType"),
    MULTIPOLYGON("MultiPolygon", "gml:MultiSurfacePropertyType"),
    GEOMETRY("Geometry", "gml:GeometryPropertyType");

    private final String simpleFeaturesName;
    private final String gmlPropertyType;

    GeometryKind(String sf, String gml) {
        this.simpleFeaturesName = sf;
        this.gmlPropertyType = gml;
    }

    /** The OGC Simple Features name (also the GeoJSON type name). */
    public String simpleFeaturesName() { return simpleFeaturesName; }

    /** The GML 3.2 property type to declare in an application schema. */
    public String gmlPropertyType() { return gmlPropertyType; }
}
