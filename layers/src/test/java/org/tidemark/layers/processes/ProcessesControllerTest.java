package org.tidemark.layers.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.AuditEvent;
import org.tidemark.core.access.AuditLog;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.coverage.GridElevationModel;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.source.memory.MemoryFeatureSource;
import org.tidemark.core.source.memory.MemoryLayerCatalog;
import org.tidemark.layers.analysis.AnalysisService;
import org.tidemark.layers.analysis.SitingRules;

class ProcessesControllerTest {
    final List<AuditEvent> audited = new ArrayList<>();
    final InundationLayers temporary = new InundationLayers(5);
    final MockMvc mvc;

    ProcessesControllerTest() throws Exception {
        float[] z = new float[100 * 100];
        Arrays.fill(z, 2f);
        for (int c = 0; c < 20; c++) for (int r = 0; r < 100; r++) z[r * 100 + c] = Float.NaN; // sea in the west
        var dem = new GridElevationModel(z, 100, 100, 121.8, 29.5, 0.001);
        var stations = new FeatureType("hydro_stations", null, null, List.of(Attribute.of("STCD", AttributeType.STRING, "站码", "Code"),
                Attribute.of("STTP", AttributeType.STRING, "站类", "Type")), "geom", GeometryKind.POINT, 4490, null);
        var catalog = new MemoryLayerCatalog().add(new Layer(stations, new Department("water", LocalizedText.of("水利局", "Water")),
                List.of(), "static", true, false, null), MemoryFeatureSource.of(stations,
                new Feature("s1", new org.locationtech.jts.io.WKTReader().read("POINT(121.805 29.45)"), Map.of("STCD", "63000100", "STTP", "TT"))));
        AuditLog audit = new AuditLog() {
            public void append(AuditEvent e) { audited.add(e); }
            public List<AuditEvent> query(String p, String d, String r, Instant f, Instant t, int o, int l) { return audited; }
            public long verify() { return -1; }
        };
        var analysis = new AnalysisService(catalog, AccessPolicy.OPEN, dem, SitingRules.defaults());
        mvc = MockMvcBuilders.standaloneSetup(new ProcessesController(analysis, audit, temporary, Clock.systemUTC())).build();
    }

    static final String SITE = "{\"inputs\":{\"site\":{\"type\":\"Polygon\",\"coordinates\":[[[121.85,29.45],[121.86,29.45],[121.86,29.46],[121.85,29.46],[121.85,29.45]]]},\"projectType\":\"school\"}}";

    @Test
    void listsAndDescribesTheProcesses() throws Exception {
        mvc.perform(get("/ogc/processes")).andExpect(status().isOk())
                .andExpect(jsonPath("$.processes[*].id").value(org.hamcrest.Matchers.containsInAnyOrder("siting-check", "inundation")));
        mvc.perform(get("/ogc/processes/siting-check")).andExpect(jsonPath("$.inputs.projectType.schema.enum").isArray());
        mvc.perform(get("/ogc/processes/nope")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(ProcessesController.EXCEPTIONS + "no-such-process"));
    }

    @Test
    void syncSitingCheckAnswersJsonAndAPrintableChineseReportAndIsAudited() throws Exception {
        mvc.perform(post("/ogc/processes/siting-check/execution").contentType(MediaType.APPLICATION_JSON).content(SITE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.report.projectType").value("school"))
                .andExpect(jsonPath("$.report.siteAreaM2").isNumber())
                .andExpect(jsonPath("$.report.omittedLayers").isArray());
        String html = mvc.perform(post("/ogc/processes/siting-check/execution?f=html").contentType(MediaType.APPLICATION_JSON).content(SITE))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("选址").contains("<svg").doesNotContain("src=").doesNotContain("<link").doesNotContain("<script");
        assertThat(audited).extracting(AuditEvent::action).containsOnly("PROCESS siting-check");
        byte[] pdf = mvc.perform(post("/ogc/processes/siting-check/execution?f=pdf").contentType(MediaType.APPLICATION_JSON).content(SITE))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Site not acceptable");
            if (java.nio.file.Files.exists(SitingReportPdf.CJK_FONT)) assertThat(text).contains("选址");
        }
    }

    @Test
    void asyncInundationCreatesAJobWhoseResultIsATemporaryLayer() throws Exception {
        String location = mvc.perform(post("/ogc/processes/inundation/execution").header("Prefer", "respond-async")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"inputs\":{\"gauge\":\"63000100\",\"level\":3}}"))
                .andExpect(status().isCreated()).andExpect(header().exists("Location"))
                .andReturn().getResponse().getHeader("Location");
        String jobPath = location.substring(location.indexOf("/ogc/jobs/"));
        for (int i = 0; i < 100; i++) {
            String s = mvc.perform(get(jobPath)).andReturn().getResponse().getContentAsString();
            if (s.contains("\"successful\"")) break;
            Thread.sleep(50);
        }
        mvc.perform(get(jobPath + "/results")).andExpect(status().isOk())
                .andExpect(jsonPath("$.flooded.properties.floodedAreaM2").isNumber())
                .andExpect(jsonPath("$.flooded.features[0].geometry.type").value("MultiPolygon"));
        assertThat(temporary.catalog().layers()).hasSize(1);
        mvc.perform(delete(jobPath)).andExpect(jsonPath("$.status").value("dismissed"));
        mvc.perform(get(jobPath + "/results")).andExpect(status().isNotFound());
    }

    @Test
    void badInputsAreProblems() throws Exception {
        mvc.perform(post("/ogc/processes/siting-check/execution").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/ogc/processes/siting-check/execution").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inputs\":{\"site\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]},\"projectType\":\"school\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not valid")));
        mvc.perform(post("/ogc/processes/siting-check/execution").contentType(MediaType.APPLICATION_JSON)
                        .content(SITE.replace("}}", ",\"crs\":\"EPSG:999999\"}}")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/ogc/processes/inundation/execution").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inputs\":{\"gauge\":\"63000100\",\"level\":\"high\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("level"));
        mvc.perform(post("/ogc/processes/inundation/execution").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inputs\":{\"gauge\":\"63000100\",\"level\":99999}}"))
                .andExpect(status().isBadRequest());
    }
}
