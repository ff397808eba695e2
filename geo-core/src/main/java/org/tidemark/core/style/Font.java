package org.tidemark.core.style;

import java.util.List;

/** SE 1.1 §11.4.3 Font: family names in preference order, size in pixels, weight and style. */
public record Font(List<String> families, double size, boolean bold, boolean italic) {
    public static final Font DEFAULT = new Font(List.of(), 12, false, false);

    public Font {
        families = families == null ? List.of() : List.copyOf(families);
        if (!(size > 0)) size = 12;
    }
}
