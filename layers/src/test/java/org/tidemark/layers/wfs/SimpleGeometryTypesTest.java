package org.tidemark.layers.wfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.MockMvc;
import org.tidemark.core.feature.GeometryKind;

/**
 * GML 3.2 application schemas can only declare lines as {@code gml:CurvePropertyType} and polygons as
 * {@code gml:SurfacePropertyType}; GDAL maps those to CompoundCurve / CurvePolygon unless the element is followed by
 * a {@code <!-- restricted to LineString -->} comment. DescribeFeatureType writes that comment for every simple
 * kind that has no GML 3.2 property type of its own, and real GDAL ({@code ogrinfo}) then reports the simple type.
 */
class SimpleGeometryTypesTest {
    private final MockMvc mvc = WfsTestSupport.mvc();

    @Test
    void describeFeatureTypeMarksLinesAndPolygonsAsSimple() throws Exception {
        String roads = describe("2.0.0", "tm:roads");
        assertThat(roads).contains("name=\"geom\" type=\"gml:CurvePropertyType\"");
        assertThat(roads).containsPattern("name=\"geom\"[^>]*/><!-- restricted to LineString -->");
        assertThat(describe("1.1.0", "tm:reservoirs")).containsPattern("name=\"geom\"[^>]*/><!-- restricted to Polygon -->");
        assertThat(describe("2.0.0", "tm:place_names")).doesNotContain("restricted to");
    }

    @Test
    void everySimpleKindWithoutItsOwnGml32PropertyTypeIsRestricted() {
        assertThat(SchemaWriter.simpleFeatureRestriction(GeometryKind.LINESTRING)).isEqualTo("LineString");
        assertThat(SchemaWriter.simpleFeatureRestriction(GeometryKind.POLYGON)).isEqualTo("Polygon");
        assertThat(SchemaWriter.simpleFeatureRestriction(GeometryKind.MULTILINESTRING)).isEqualTo("MultiLineString");
        assertThat(SchemaWriter.simpleFeatureRestriction(GeometryKind.MULTIPOLYGON)).isEqualTo("MultiPolygon");
        assertThat(SchemaWriter.simpleFeatureRestriction(GeometryKind.POINT)).isNull();
        assertThat(SchemaWriter.simpleFeatureRestriction(GeometryKind.MULTIPOINT)).isNull();
        assertThat(SchemaWriter.simpleFeatureRestriction(GeometryKind.GEOMETRY)).isNull();
    }

    /** GDAL's GML reader takes the layer's geometry type from the {@code .xsd} beside the {@code .gml}. */
    @ParameterizedTest
    @CsvSource({"2.0.0, roads, Line String", "2.0.0, reservoirs, Polygon", "1.1.0, roads, Line String", "1.1.0, reservoirs, Polygon"})
    void ogrinfoReportsTheSimpleType(String version, String layer, String expected, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(ogrinfoPresent() || "true".equalsIgnoreCase(System.getenv("TIDEMARK_REQUIRE_INTEGRATION")),
                "GDAL (Debian gdal-bin) not installed");
        Files.writeString(dir.resolve(layer + ".xsd"), describe(version, "tm:" + layer), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(layer + ".gml"), body("/wfs?SERVICE=WFS&VERSION=" + version
                + "&REQUEST=GetFeature&TYPENAMES=tm:" + layer + "&TYPENAME=tm:" + layer), StandardCharsets.UTF_8);
        String out = ogrinfo(dir.resolve(layer + ".gml"));
        assertThat(out).as(out).contains("1: " + layer + " (" + expected + ")");
    }

    private String describe(String version, String type) throws Exception {
        return body("/wfs?SERVICE=WFS&VERSION=" + version + "&REQUEST=DescribeFeatureType&TYPENAMES=" + type + "&TYPENAME=" + type);
    }

    private String body(String path) throws Exception {
        var r = mvc.perform(get(URI.create(path))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private static boolean ogrinfoPresent() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "ogrinfo"))) return true;
        }
        return false;
    }

    private static String ogrinfo(Path gml) throws IOException, InterruptedException {
        Path log = gml.resolveSibling("ogrinfo.log");
        Process p = new ProcessBuilder(List.of("ogrinfo", "-ro", "-so", gml.toString())).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ogrinfo did not finish in 120 s");
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
