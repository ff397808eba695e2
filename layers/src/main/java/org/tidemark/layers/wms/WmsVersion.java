package org.tidemark.layers.wms;

/** The two WMS versions served: 1.1.1 (OGC 01-068r3) and 1.3.0 (OGC 06-042, ISO 19128). */
enum WmsVersion {
    V1_1_1("1.1.1"), V1_3_0("1.3.0");

    final String text;

    WmsVersion(String text) { this.text = text; }

    /**
     * Version negotiation (WMS 1.3.0 §6.2.4): no version means the highest; a version below 1.3.0 gets
     * 1.1.1, anything else 1.3.0.
     */
    static WmsVersion negotiate(String requested) {
        if (requested == null || requested.isBlank()) return V1_3_0;
        String[] p = requested.trim().split("\\.");
        try {
            int major = Integer.parseInt(p[0]);
            int minor = p.length > 1 ? Integer.parseInt(p[1]) : 0;
            return major < 1 || major == 1 && minor < 3 ? V1_1_1 : V1_3_0;
        } catch (NumberFormatException e) {
            return V1_3_0;
        }
    }

    boolean is13() { return this == V1_3_0; }

    /** The name of the CRS parameter: {@code CRS} in 1.3.0, {@code SRS} in 1.1.1. */
    String crsParam() { return is13() ? "CRS" : "SRS"; }
}
