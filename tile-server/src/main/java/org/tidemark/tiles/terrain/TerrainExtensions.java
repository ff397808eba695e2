package org.tidemark.tiles.terrain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The quantized-mesh extensions a client asks for, read from the {@code extensions} parameter of the
 * {@code application/vnd.quantized-mesh} media range in its Accept header (names joined by '-'), limited
 * to those this server offers, in the specification's id order.
 */
record TerrainExtensions(boolean normals, boolean waterMask) {
    static final String OCT_NORMALS = "octvertexnormals";
    static final String WATER_MASK = "watermask";
    static final TerrainExtensions NONE = new TerrainExtensions(false, false);

    static TerrainExtensions fromAccept(String accept, TerrainExtensions offered) {
        if (accept == null) return NONE;
        boolean n = false, w = false;
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";");
            if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/vnd.quantized-mesh")) continue;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (!p.toLowerCase(Locale.ROOT).startsWith("extensions=")) continue;
                for (String ext : p.substring("extensions=".length()).replace("\"", "").split("-")) {
                    n |= ext.equals(OCT_NORMALS);
                    w |= ext.equals(WATER_MASK);
                }
            }
        }
        return new TerrainExtensions(n && offered.normals, w && offered.waterMask);
    }

    /** The canonical key: extension names joined by '-' in id order ("" for none). */
    String key() { return String.join("-", names()); }

    List<String> names() {
        List<String> out = new ArrayList<>(2);
        if (normals) out.add(OCT_NORMALS);
        if (waterMask) out.add(WATER_MASK);
        return out;
    }

    static TerrainExtensions fromKey(String key) {
        List<String> parts = key == null || key.isEmpty() ? List.of() : List.of(key.split("-"));
        return new TerrainExtensions(parts.contains(OCT_NORMALS), parts.contains(WATER_MASK));
    }
}
