package org.tidemark.core.style;

import java.awt.Color;

/** Colour parsing and opacity helpers for SLD/SE ({@code #RRGGBB}, {@code #RGB}, {@code #AARRGGBB}). */
public final class Colors {
    private Colors() {}

    /** Parses {@code #RRGGBB}, {@code #RGB}, {@code 0xRRGGBB} or {@code #AARRGGBB}; null when not a colour. */
    public static Color parse(String text) {
        if (text == null) return null;
        String s = text.trim();
        if (s.startsWith("#")) s = s.substring(1);
        else if (s.startsWith("0x") || s.startsWith("0X")) s = s.substring(2);
        else return null;
        if (s.length() == 3) s = "" + s.charAt(0) + s.charAt(0) + s.charAt(1) + s.charAt(1) + s.charAt(2) + s.charAt(2);
        try {
            if (s.length() == 6) return new Color(Integer.parseInt(s, 16));
            if (s.length() == 8) return new Color((int) Long.parseLong(s, 16), true);
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    public static Color withOpacity(Color c, double opacity) {
        if (opacity >= 1) return c;
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(c.getAlpha() * opacity));
    }

    public static String hex(Color c) {
        return String.format("#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }
}
