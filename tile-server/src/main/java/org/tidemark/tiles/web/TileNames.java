package org.tidemark.tiles.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tidemark.core.tile.TileMatrixSet;

/**
 * Checks every tile request makes, written for the request path: layer and tile set names, and tile matrix
 * set identifiers (case-insensitive, as {@link TileMatrixSet#byId}) found without scanning.
 */
public final class TileNames {
    private static final Map<String, TileMatrixSet> SETS = index();

    private TileNames() {}

    /** Whether a layer or tile set name is {@code [A-Za-z_][A-Za-z0-9_.-]{0,63}}. */
    public static boolean valid(String name) {
        int n = name.length();
        if (n == 0 || n > 64) return false;
        char first = name.charAt(0);
        if (!(first == '_' || (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z'))) return false;
        for (int i = 1; i < n; i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The tile matrix set of an identifier, ignoring case. */
    public static Optional<TileMatrixSet> matrixSet(String id) {
        TileMatrixSet s = SETS.get(id);
        return s != null ? Optional.of(s) : TileMatrixSet.byId(id);
    }

    private static Map<String, TileMatrixSet> index() {
        Map<String, TileMatrixSet> m = new java.util.HashMap<>();
        for (TileMatrixSet s : TileMatrixSet.ALL) {
            m.put(s.id(), s);
            m.put(s.id().toLowerCase(Locale.ROOT), s);
        }
        return Map.copyOf(m);
    }
}
