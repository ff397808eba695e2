package org.tidemark.layers.wms;

import java.util.Locale;

/** The GetMap output formats: 24/32-bit PNG, 8-bit paletted PNG and JPEG. */
enum ImageFormat {
    PNG("image/png"), PNG8("image/png; mode=8bit"), JPEG("image/jpeg");

    final String mime;

    ImageFormat(String mime) { this.mime = mime; }

    /** The content type to send (the 8-bit variant is still a PNG). */
    String contentType() { return this == JPEG ? "image/jpeg" : "image/png"; }

    static ImageFormat parse(String format, String locator) {
        if (format == null) throw WmsErrors.invalidFormat(locator, "(none)");
        String f = format.toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (f) {
            case "image/png", "png", "image/png;mode=24bit", "image/png;mode=32bit" -> PNG;
            case "image/png8", "png8", "image/png;mode=8bit", "image/png;mode=8-bit" -> PNG8;
            case "image/jpeg", "image/jpg", "jpeg", "jpg" -> JPEG;
            default -> throw WmsErrors.invalidFormat(locator, format);
        };
    }
}
