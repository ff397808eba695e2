package org.tidemark.core.render;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Picks a Java2D font for a style font and a label: the first requested family that is installed and can
 * show the text, else the CJK font {@value #CJK_FAMILY} (Debian {@code fonts-wqy-zenhei}) when the text has
 * characters the requested font lacks, else the logical {@link Font#SANS_SERIF}. Chinese labels thereby
 * render as Chinese glyphs rather than empty boxes.
 */
public final class FontResolver {
    /** The bundled-by-package CJK font family. */
    public static final String CJK_FAMILY = "WenQuanYi Zen Hei";

    private static final Set<String> INSTALLED = Arrays.stream(
                    GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT))
            .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    /** The largest font size drawn, in pixels (client styles cannot ask for more). */
    static final double MAX_SIZE = 128;
    private static final Map<String, Font> CACHE = new ConcurrentHashMap<>();

    private FontResolver() {}

    /** Whether the CJK family is installed on this machine. */
    public static boolean cjkAvailable() { return INSTALLED.contains(CJK_FAMILY.toLowerCase(Locale.ROOT)); }

    public static Font resolve(org.tidemark.core.style.Font style, String text) {
        int awtStyle = (style.bold() ? Font.BOLD : 0) | (style.italic() ? Font.ITALIC : 0);
        float size = (float) Math.min(MAX_SIZE, style.size());
        for (String family : style.families()) {
            if (family.equalsIgnoreCase("serif") || family.equalsIgnoreCase("sans-serif") || family.equalsIgnoreCase("monospace")) continue;
            if (INSTALLED.contains(family.toLowerCase(Locale.ROOT))) {
                Font f = font(family, awtStyle, size);
                if (f.canDisplayUpTo(text) == -1) return f;
            }
        }
        if (cjkAvailable()) {
            Font cjk = font(CJK_FAMILY, awtStyle, size);
            if (needsCjk(text) || cjk.canDisplayUpTo(text) == -1) return cjk;
        }
        return font(Font.SANS_SERIF, awtStyle, size);
    }

    private static boolean needsCjk(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0xFF00 && cp <= 0xFFEF));
    }

    private static Font font(String family, int style, float size) {
        String key = family + '|' + style + '|' + size;
        if (CACHE.size() > 512) CACHE.clear();
        return CACHE.computeIfAbsent(key, k -> new Font(family, style, 1).deriveFont(style, size));
    }
}
