package org.tidemark.tiles.mvt;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.tiles.testing.MemoryCatalog;
import org.tidemark.tiles.web.TileErrorAdvice;

class TilesMetadataControllerTest {
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new TilesMetadataController(
                    new MemoryCatalog(Map.of("roads", VectorTilesControllerTest.roads())),
                    (p, l) -> l.equals("roads") ? AccessDecision.READ_ALL : AccessDecision.DENY, 18))
            .setControllerAdvice(new TileErrorAdvice()).build();

    @Test
    void tileMatrixSetsFollowTheTmsStandardWithCrsAxisOrder() throws Exception {
        mvc.perform(get("/ogc/tileMatrixSets")).andExpect(status().isOk()).andExpect(jsonPath("$.tileMatrixSets.length()").value(3));
        mvc.perform(get("/ogc/tileMatrixSets/CGCS2000Quad")).andExpect(status().isOk())
                .andExpect(jsonPath("$.crs").value("http://www.opengis.net/def/crs/EPSG/0/4490"))
                .andExpect(jsonPath("$.tileMatrices[0].id").value("1"))
                .andExpect(jsonPath("$.tileMatrices[0].pointOfOrigin[0]").value(90.0))
                .andExpect(jsonPath("$.tileMatrices[0].pointOfOrigin[1]").value(-180.0))
                .andExpect(jsonPath("$.tileMatrices[0].matrixWidth").value(2));
        mvc.perform(get("/ogc/tileMatrixSets/WebMercatorQuad")).andExpect(jsonPath("$.tileMatrices[0].scaleDenominator").value(559082264.0287178));
        mvc.perform(get("/ogc/tileMatrixSets/nope")).andExpect(status().isNotFound());
    }

    @Test
    void tilesetMetadataHasTheTemplateAndLimitsOverTheData() throws Exception {
        mvc.perform(get("/ogc/collections/roads/tiles")).andExpect(status().isOk()).andExpect(jsonPath("$.tilesets.length()").value(3));
        mvc.perform(get("/ogc/collections/roads/tiles/WebMercatorQuad")).andExpect(status().isOk())
                .andExpect(jsonPath("$.links[1].rel").value("item"))
                .andExpect(jsonPath("$.links[1].href").value("http://localhost/ogc/collections/roads/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}"))
                .andExpect(jsonPath("$.tileMatrixSetLimits[14].minTileCol").value(VectorTilesControllerTest.xyz(14, 121.70, 29.40)[0]));
        mvc.perform(get("/ogc/collections/secret/tiles")).andExpect(status().isNotFound());
    }
}
