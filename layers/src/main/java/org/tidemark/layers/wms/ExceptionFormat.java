package org.tidemark.layers.wms;

import java.util.Locale;

/** WMS 1.3.0 §7.3.3.11 / 1.1.1 §7.2.3.11 exception formats. */
enum ExceptionFormat {
    XML, INIMAGE, BLANK;

    static ExceptionFormat parse(String value) {
        if (value == null || value.isBlank()) return XML;
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.endsWith("INIMAGE")) return INIMAGE;
        if (v.endsWith("BLANK")) return BLANK;
        return XML;
    }
}
