package org.tidemark.layers.gml;

/** The GML encodings the feature services write and read. */
public enum GmlVersion {
    /** GML 3.2.1 (ISO 19136), the WFS 2.0 default. */
    GML32("http://www.opengis.net/gml/3.2", "application/gml+xml; version=3.2", "/gml/3.2.1/gml.xsd"),
    /** GML 3.1.1 (OGC 03-105r1), the WFS 1.1.0 default. */
    GML311("http://www.opengis.net/gml", "text/xml; subtype=gml/3.1.1", "/gml/3.1.1/base/gml.xsd");

    private final String namespace;
    private final String mimeType;
    private final String schemaPath;

    GmlVersion(String namespace, String mimeType, String schemaPath) {
        this.namespace = namespace;
        this.mimeType = mimeType;
        this.schemaPath = schemaPath;
    }

    public String namespace() { return namespace; }

    public String mimeType() { return mimeType; }

    /** The path of the GML schema under the schema base URL. */
    public String schemaPath() { return schemaPath; }
}
