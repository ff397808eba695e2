package org.tidemark.tiles.web;

/**
 * A tile URL recognised without the MVC dispatcher, for {@link TileFastPath}. Only plain paths are
 * recognised — ASCII letters, digits, {@code _ . -}, non-empty segments, decimal numbers — so that
 * anything needing decoding or normalisation ({@code %2f}, {@code ..}, {@code ;params}) takes the
 * normal path and its error handling.
 *
 * @param kind    which endpoint family the path belongs to
 * @param tileset the tile set or layer ({@code terrain} for terrain)
 * @param tms     the tile matrix set id (null for terrain)
 * @param format  {@code png}, {@code jpg}, {@code mvt} or {@code terrain}
 * @param z       the level
 * @param x       the column
 * @param y       the row (TMS order for terrain, from the top otherwise)
 */
public record TilePath(Kind kind, String tileset, String tms, String format, int z, long x, long y) {

    /** The endpoint families served from the memory cache. */
    public enum Kind {
        /** {@code /tiles/terrain/{z}/{x}/{y}.terrain} */
        TERRAIN,
        /** {@code /tiles/{tileset}/{tms}/{z}/{x}/{y}.png|.jpg} */
        IMAGERY,
        /** {@code /tiles/{layer}/{tms}/{z}/{x}/{y}.mvt} and {@code /ogc/collections/{id}/tiles/{tms}/{z}/{y}/{x}} */
        VECTOR
    }

    private static final int MAX_SEGMENTS = 8;

    /**
     * Parses a request path (without the context path).
     *
     * @return the tile path, or null when the path is not one of the tile URLs or not plain
     */
    public static TilePath parse(String path) {
        if (path.length() > 300 || path.length() < 7 || path.charAt(0) != '/') return null;
        String[] seg = new String[MAX_SEGMENTS];
        int n = 0;
        int start = 1;
        for (int i = 1; i <= path.length(); i++) {
            if (i < path.length()) {
                char c = path.charAt(i);
                if (c != '/') {
                    if (!plain(c)) return null;
                    continue;
                }
            }
            if (i == start || n == MAX_SEGMENTS) return null;
            String s = path.substring(start, i);
            if (s.equals(".") || s.equals("..")) return null;
            seg[n++] = s;
            start = i + 1;
        }
        if (seg[0].equals("tiles")) {
            if (n == 5 && seg[1].equals("terrain")) {
                String y = suffix(seg[4], ".terrain");
                return y == null ? null : of(Kind.TERRAIN, "terrain", null, "terrain", seg[2], seg[3], y);
            }
            if (n != 6) return null;
            String last = seg[5];
            int dot = last.indexOf('.');
            if (dot < 0) return null;
            String format = last.substring(dot + 1);
            Kind kind = switch (format) {
                case "png", "jpg" -> Kind.IMAGERY;
                case "mvt" -> Kind.VECTOR;
                default -> null;
            };
            return kind == null ? null : of(kind, seg[1], seg[2], format, seg[3], seg[4], last.substring(0, dot));
        }
        if (n == 8 && seg[0].equals("ogc") && seg[1].equals("collections") && seg[3].equals("tiles")) {
            return of(Kind.VECTOR, seg[2], seg[4], "mvt", seg[5], seg[7], seg[6]);
        }
        return null;
    }

    private static boolean plain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    }

    private static String suffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : null;
    }

    private static TilePath of(Kind kind, String tileset, String tms, String format, String z, String x, String y) {
        long zz = number(z, 2), xx = number(x, 10), yy = number(y, 10);
        if (zz < 0 || xx < 0 || yy < 0) return null;
        return new TilePath(kind, tileset, tms, format, (int) zz, xx, yy);
    }

    /** A decimal number of at most {@code digits} digits, or -1. */
    private static long number(String s, int digits) {
        if (s.isEmpty() || s.length() > digits) return -1;
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
