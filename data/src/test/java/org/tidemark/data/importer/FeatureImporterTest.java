package org.tidemark.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Polygon;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.memory.MemoryDataStore;

class FeatureImporterTest {
    @TempDir
    Path dir;

    private final MemoryDataStore store = new MemoryDataStore();
    private final List<String> progress = new ArrayList<>();
    private final FeatureImporter importer = new FeatureImporter(store, progress::add);

    private Path fixture(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private Path write(String name, String text, Charset cs) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, cs);
        return p;
    }

    private List<Feature> all(String layer) {
        List<Feature> out = new ArrayList<>();
        try (FeatureCursor c = store.store(layer).orElseThrow().query(FeatureQuery.all(layer))) {
            c.forEachRemaining(out::add);
        }
        out.sort(Comparator.comparing(Feature::id));
        return out;
    }

    @Test
    void geoJsonRoundTripsFeaturesAttributesAndInferredTypes() throws IOException {
        ImportResult r = importer.importFile(fixture("stations.geojson"), "stations", ImportMode.CREATE);

        assertThat(r.imported()).isEqualTo(3);
        assertThat(r.type().geometryKind()).isEqualTo(GeometryKind.POINT);
        assertThat(r.type().attribute("WRZ").orElseThrow().type()).isEqualTo(AttributeType.DOUBLE);
        assertThat(r.type().attribute("FLOORS").orElseThrow().type()).isEqualTo(AttributeType.INTEGER);
        assertThat(r.type().attribute("STCD").orElseThrow().type()).isEqualTo(AttributeType.STRING);
        List<Feature> fs = all("stations");
        assertThat(fs).extracting(f -> f.get("STNM")).containsExactly("丹城水位站", "石浦潮位站", "爵溪站");
        assertThat(fs.get(0).geometry().getCoordinate().x).isEqualTo(121.875);
        assertThat(fs.get(2).get("WRZ")).isNull();
        assertThat(progress).anyMatch(s -> s.contains("3 features written"));
    }

    @Test
    void mixedSinglesAndMultisBecomeAMultiLayerAndHolesSurvive() throws IOException {
        ImportResult r = importer.importFile(fixture("zones.geojson"), "zones", ImportMode.CREATE);

        assertThat(r.type().geometryKind()).isEqualTo(GeometryKind.MULTIPOLYGON);
        List<Feature> fs = all("zones");
        assertThat(((Polygon) fs.get(0).geometry().getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
        assertThat(fs.get(1).geometry().getNumGeometries()).isEqualTo(2);
    }

    @Test
    void badRowsAreReportedWithRowNumbersAndNothingIsCreated() throws IOException {
        Path bad = write("bad.geojson", """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"a":1},"geometry":{"type":"Point","coordinates":[121.9,29.4]}},
                {"type":"Feature","properties":{"a":2},"geometry":null},
                {"type":"Feature","properties":{"a":3},"geometry":{"type":"LineString","coordinates":[[121.9,29.4],[121.8,29.3]]}},
                {"type":"Feature","properties":{"a":4},"geometry":{"type":"Point","coordinates":["x",29.4]}},
                {"type":"Feature","properties":{"a":5},"geometry":{"type":"Point","coordinates":[500000,3200000]}}
                ]}""", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> importer.importFile(bad, "bad", ImportMode.CREATE))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.errors()).extracting(RowError::row).containsExactly(2L, 3L, 4L, 5L);
                    assertThat(e.errors().get(0).reason()).contains("no geometry");
                    assertThat(e.errors().get(1).reason()).contains("mixed geometry types");
                    assertThat(e.errors().get(3).reason()).contains("longitude/latitude");
                    assertThat(e.getMessage()).contains("4 of 5 rows rejected");
                });
        assertThat(store.store("bad")).isEmpty();
    }

    @Test
    void truncatedFileFailsWithTheRowAndLeavesTheLayerUntouched() throws IOException {
        importer.importFile(fixture("stations.geojson"), "stations", ImportMode.CREATE);
        String text = Files.readString(fixture("zones.geojson"));
        Path cut = write("cut.geojson", text.substring(0, text.length() / 2), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> importer.importFile(cut, "stations", ImportMode.REPLACE))
                .isInstanceOf(ImportException.class).hasMessageContaining("row 1");
        assertThat(all("stations")).hasSize(3);
    }

    @Test
    void replaceSwapsTheContentAndAppendAdds() throws IOException {
        importer.importFile(fixture("stations.geojson"), "stations", ImportMode.CREATE);
        Path one = write("one.geojson", """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","id":"x1","properties":{"STCD":"1","STNM":"新站","WRZ":2.5,"FLOORS":2},"geometry":{"type":"Point","coordinates":[121.8,29.3]}}]}""",
                StandardCharsets.UTF_8);

        importer.importFile(one, "stations", ImportMode.REPLACE);
        assertThat(all("stations")).extracting(Feature::id).containsExactly("x1");

        Path two = write("two.geojson", Files.readString(one).replace("x1", "x2"), StandardCharsets.UTF_8);
        importer.importFile(two, "stations", ImportMode.APPEND);
        assertThat(all("stations")).extracting(Feature::id).containsExactly("x1", "x2");
    }

    @Test
    void appendRejectsValuesThatDoNotFitTheExistingSchema() throws IOException {
        importer.importFile(fixture("stations.geojson"), "stations", ImportMode.CREATE);
        Path wrong = write("wrong.geojson", """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"FLOORS":"many"},"geometry":{"type":"Point","coordinates":[121.8,29.3]}}]}""",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> importer.importFile(wrong, "stations", ImportMode.APPEND))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.errors().get(0).reason()).contains("\"many\" is not a int"));
        assertThat(all("stations")).hasSize(3);
    }

    @Test
    void selfIntersectingPolygonIsRepairedAndCounted() throws IOException {
        Path bowtie = write("bowtie.geojson", """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[121.8,29.3],[121.9,29.4],[121.9,29.3],[121.8,29.4],[121.8,29.3]]]}}]}""",
                StandardCharsets.UTF_8);

        ImportResult r = importer.importFile(bowtie, "bowtie", ImportMode.CREATE);

        assertThat(r.repaired()).isEqualTo(1);
        assertThat(all("bowtie").get(0).geometry().isValid()).isTrue();
    }

    @Test
    void createRefusesAnExistingLayerAndReplaceNeedsOne() throws IOException {
        Path f = fixture("stations.geojson");
        importer.importFile(f, "stations", ImportMode.CREATE);
        assertThatThrownBy(() -> importer.importFile(f, "stations", ImportMode.CREATE)).hasMessageContaining("already exists");
        assertThatThrownBy(() -> importer.importFile(f, "other", ImportMode.REPLACE)).hasMessageContaining("does not exist");
    }

    @Test
    void csvWithLonLatColumnsInUtf8() throws IOException {
        Path csv = write("gauges.csv", "\uFEFFSTCD,名称,经度,纬度,WRZ\n00123,\"丹城, 东\",121.87,29.47,3.5\n00124,石浦,121.95,29.2,\n",
                StandardCharsets.UTF_8);

        ImportResult r = importer.importFile(csv, "gauges", ImportMode.CREATE);

        assertThat(r.imported()).isEqualTo(2);
        List<Feature> fs = all("gauges");
        assertThat(fs.get(0).get("STCD")).isEqualTo("00123");
        assertThat(fs.get(0).get("名称")).isEqualTo("丹城, 东");
        assertThat(fs.get(0).geometry().getCoordinate().y).isEqualTo(29.47);
        assertThat(r.type().attribute("WRZ").orElseThrow().type()).isEqualTo(AttributeType.DOUBLE);
    }

    @Test
    void csvWithWktColumnInGbk() throws IOException {
        Path csv = write("zones.csv", "name;wkt\n低洼区;POLYGON((121.8 29.3, 121.9 29.3, 121.9 29.4, 121.8 29.3))\n",
                Charset.forName("GBK"));

        importer.importFile(csv, "zones", ImportMode.CREATE);

        assertThat(all("zones").get(0).get("name")).isEqualTo("低洼区");
        assertThat(all("zones").get(0).geometry().getGeometryType()).isEqualTo("Polygon");
    }

    @Test
    void csvWithBrokenEncodingNamesTheRow() throws IOException {
        byte[] head = "name,lon,lat\n".getBytes(StandardCharsets.UTF_8);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 5; i++) rows.append("丹城").append(i).append(",121.8,29.3\n");
        byte[] good = rows.toString().getBytes(StandardCharsets.UTF_8);
        // a GBK row after the first megabyte: the detector picked UTF-8, the row cannot decode
        StringBuilder filler = new StringBuilder();
        while (filler.length() < (1 << 20)) filler.append("filler,121.8,29.3\n");
        byte[] gbk = "石浦,121.9,29.2\n".getBytes(Charset.forName("GBK"));
        Path csv = dir.resolve("mixed.csv");
        try (var out = Files.newOutputStream(csv)) {
            out.write(head);
            out.write(good);
            out.write(filler.toString().getBytes(StandardCharsets.UTF_8));
            out.write(gbk);
        }

        assertThatThrownBy(() -> importer.importFile(csv, "mixed", ImportMode.CREATE))
                .isInstanceOf(ImportException.class).hasMessageContaining("not valid text").hasMessageMatching("(?s)row \\d+:.*");
        assertThat(store.store("mixed")).isEmpty();
    }

    @Test
    void csvWithoutGeometryColumnsIsRejected() throws IOException {
        Path csv = write("nogeom.csv", "a,b\n1,2\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> importer.importFile(csv, "x", ImportMode.CREATE)).hasMessageContaining("WKT column");
    }

    @Test
    void zippedShapefileWithGbkAttributes() throws IOException {
        ImportResult r = importer.importFile(fixture("stations_gbk.zip"), "stations", ImportMode.CREATE);

        assertThat(r.imported()).isEqualTo(3);
        List<Feature> fs = all("stations");
        assertThat(fs).extracting(f -> f.get("STNM")).containsExactly("丹城水位站", "石浦潮位站", "爵溪站");
        assertThat(fs.get(1).geometry().getCoordinate().x).isEqualTo(121.955);
        assertThat(fs.get(0).get("STCD")).isEqualTo("63200001");
    }

    @Test
    void projectedShapefileIsReprojectedToLonLat() throws IOException {
        ImportResult r = importer.importFile(fixture("zones_4549.zip"), "zones", ImportMode.CREATE);

        assertThat(r.imported()).isEqualTo(2);
        List<Feature> fs = all("zones");
        var env = fs.get(0).geometry().getEnvelopeInternal();
        assertThat(env.getMinX()).isCloseTo(121.86, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(env.getMaxY()).isCloseTo(29.48, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(fs.get(0).get("name")).isEqualTo("丹城低洼区");
        assertThat(((Polygon) fs.get(0).geometry().getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
    }

    @Test
    void truncatedShapefileIsRejectedWithTheRowAndNothingIsCreated() throws IOException {
        Path cut = dir.resolve("cut.zip");
        try (var in = new java.util.zip.ZipInputStream(getClass().getResourceAsStream("stations_gbk.zip"));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(cut))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().endsWith(".shp")) bytes = java.util.Arrays.copyOf(bytes, bytes.length - 10);
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }

        assertThatThrownBy(() -> importer.importFile(cut, "stations", ImportMode.CREATE))
                .isInstanceOf(ImportException.class).hasMessageContaining("row 3").hasMessageContaining("truncated");
        assertThat(store.store("stations")).isEmpty();
    }

    @Test
    void geoJsonInAProjectedCrsIsRejected() throws IOException {
        Path f = write("projected.geojson", """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features":[
                {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[500000,3260000]}}]}""",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> importer.importFile(f, "p", ImportMode.CREATE)).hasMessageContaining("EPSG::4549 is not supported");
    }

    @Test
    void geoPackageFeatureTable() throws IOException {
        ImportResult r = importer.importFile(fixture("zones.gpkg"), "zones", ImportMode.CREATE);

        assertThat(r.imported()).isEqualTo(2);
        List<Feature> fs = all("zones");
        assertThat(fs.get(0).get("name")).isEqualTo("丹城低洼区");
        assertThat(fs.get(1).geometry().getNumGeometries()).isEqualTo(2);
        assertThat(fs.get(0).geometry().getEnvelopeInternal().getMinX()).isEqualTo(121.86);
    }

    @Test
    void unsupportedExtensionIsRejected() throws IOException {
        Path f = write("x.kml", "<kml/>", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> importer.importFile(f, "x", ImportMode.CREATE)).hasMessageContaining("unsupported file type");
    }
}
