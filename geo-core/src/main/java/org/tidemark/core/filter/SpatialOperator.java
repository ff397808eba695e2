package org.tidemark.core.filter;

/** Spatial predicates (DE-9IM based, OGC 06-103r4; CQL2 S_* functions; FES 2.0 §7.8). */
public enum SpatialOperator {
    BBOX, INTERSECTS, DISJOINT, EQUALS, TOUCHES, CROSSES, WITHIN, CONTAINS, OVERLAPS, DWITHIN, BEYOND
}
