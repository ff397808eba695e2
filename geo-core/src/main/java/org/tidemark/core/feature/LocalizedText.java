package org.tidemark.core.feature;

import java.util.Locale;
import java.util.Objects;

/**
 * A human-readable text in Chinese and English. Titles, abstracts and labels are shown to planners
 * (Chinese) and to external systems (often English), so both travel together and the edge picks one.
 *
 * @param zh the Simplified Chinese text (never null)
 * @param en the English text (falls back to {@code zh} when absent)
 */
public record LocalizedText(String zh, String en) {
    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        if (en == null || en.isBlank()) en = zh;
    }

    public static LocalizedText of(String zh, String en) { return new LocalizedText(zh, en); }

    /** The text for a locale: English for any {@code en*} locale, Chinese otherwise. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
