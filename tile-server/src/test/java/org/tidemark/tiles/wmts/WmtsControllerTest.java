package org.tidemark.tiles.wmts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.source.FeatureSource;
import org.tidemark.tiles.cache.TileCaches;
import org.tidemark.tiles.imagery.Imagery;
import org.tidemark.tiles.imagery.ImageryController;
import org.tidemark.tiles.imagery.ImageryTiles;
import org.tidemark.tiles.testing.Fixtures;
import org.tidemark.tiles.testing.MemoryCatalog;
import org.tidemark.tiles.web.TileErrorAdvice;

class WmtsControllerTest {
    private static final Map<String, String> NS = Map.of("w", "http://www.opengis.net/wmts/1.0", "ows", "http://www.opengis.net/ows/1.1");
    private final AccessPolicy policy = (p, layer) -> layer.equals("secret") ? AccessDecision.DENY : AccessDecision.READ_ALL;
    private final ImageryTiles tiles;
    private final MockMvc mvc;

    WmtsControllerTest() {
        Map<String, FeatureSource> layers = new HashMap<>();
        layers.put("land", Fixtures.land());
        tiles = new ImageryTiles(new Imagery(new MemoryCatalog(layers), Fixtures.dem()), policy, new TileCaches(null, 1 << 22), 18);
        mvc = MockMvcBuilders.standaloneSetup(new WmtsController(tiles, Duration.ofMinutes(1)),
                new ImageryController(tiles, Duration.ofMinutes(1))).setControllerAdvice(new TileErrorAdvice()).build();
    }

    @Test
    void capabilitiesPublishThreeTileMatrixSetsWithTiandituConventions() throws Exception {
        mvc.perform(get("/wmts").param("service", "WMTS").param("request", "GetCapabilities"))
                .andExpect(status().isOk())
                .andExpect(xpath("/w:Capabilities/@version", NS).string("1.0.0"))
                .andExpect(xpath("count(//w:Contents/w:TileMatrixSet)", NS).number(3.0))
                .andExpect(xpath("//w:Layer[ows:Identifier='basemap']/w:ResourceURL[@format='image/png']/@template", NS)
                        .string("http://localhost/tiles/basemap/{TileMatrixSet}/{TileMatrix}/{TileCol}/{TileRow}.png"))
                .andExpect(xpath("//w:TileMatrixSet[ows:Identifier='CGCS2000Quad']/ows:SupportedCRS", NS).string("urn:ogc:def:crs:EPSG::4490"))
                .andExpect(xpath("//w:TileMatrixSet[ows:Identifier='CGCS2000Quad']/w:TileMatrix[1]/ows:Identifier", NS).string("1"))
                .andExpect(xpath("//w:TileMatrixSet[ows:Identifier='CGCS2000Quad']/w:TileMatrix[1]/w:TopLeftCorner", NS).string("90 -180"))
                .andExpect(xpath("//w:TileMatrixSet[ows:Identifier='CGCS2000Quad']/w:TileMatrix[1]/w:MatrixWidth", NS).string("2"))
                .andExpect(xpath("//w:TileMatrixSet[ows:Identifier='WorldCRS84Quad']/w:TileMatrix[1]/w:TopLeftCorner", NS).string("-180 90"))
                .andExpect(xpath("//w:TileMatrixSet[ows:Identifier='WebMercatorQuad']/w:TileMatrix[1]/w:ScaleDenominator", NS)
                        .number(559082264.0287178));
    }

    @Test
    void kvpAndRestTilesAreTheSamePngAndShowSeaAndLand() throws Exception {
        // CGCS2000Quad identifier 13 = 2^12 rows of 180/2^12 degrees; tile holding the fixture's coast.
        double d = 180.0 / (1 << 12);
        long col = (long) Math.floor((121.85 + 180) / d), row = (long) Math.floor((90 - 29.4) / d);
        byte[] kvp = mvc.perform(get("/wmts").param("SERVICE", "WMTS").param("REQUEST", "GetTile").param("VERSION", "1.0.0")
                        .param("LAYER", "basemap").param("STYLE", "default").param("FORMAT", "image/png")
                        .param("TILEMATRIXSET", "CGCS2000Quad").param("TILEMATRIX", "13")
                        .param("TILEROW", Long.toString(row)).param("TILECOL", Long.toString(col)))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png")).andReturn().getResponse().getContentAsByteArray();
        byte[] rest = mvc.perform(get("/tiles/basemap/CGCS2000Quad/13/" + col + "/" + row + ".png"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(rest).isEqualTo(kvp);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(kvp));
        assertThat(img.getWidth()).isEqualTo(256);
        int coastPx = (int) ((121.85 + 180 - col * d) / d * 256);
        int sea = img.getRGB(Math.min(255, coastPx + 20), 128) & 0xffffff;
        int land = img.getRGB(Math.max(0, coastPx - 20), 128) & 0xffffff;
        assertThat(sea).isEqualTo(0xA9CCE3);
        assertThat(land).isNotEqualTo(0xA9CCE3);
    }

    @Test
    void theSharedOwsEntryPointBehavesLikeWmts() throws Exception {
        var controller = new WmtsController(tiles, Duration.ofMinutes(1));
        var req = new org.springframework.mock.web.MockHttpServletRequest("GET", "/ows");
        req.addParameter("SERVICE", "WMTS");
        req.addParameter("REQUEST", "GetTile");
        var res = new org.springframework.mock.web.MockHttpServletResponse();
        controller.handle(req, res);
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat(res.getContentAsString()).contains("MissingParameterValue");
        req = new org.springframework.mock.web.MockHttpServletRequest("GET", "/ows");
        req.addParameter("service", "wmts");
        req.addParameter("request", "GetCapabilities");
        res = new org.springframework.mock.web.MockHttpServletResponse();
        controller.handle(req, res);
        assertThat(res.getStatus()).isEqualTo(200);
        assertThat(res.getContentAsString()).contains("CGCS2000Quad");
    }

    @Test
    void jpegAndWebMercatorWork() throws Exception {
        byte[] jpg = mvc.perform(get("/tiles/basemap/WebMercatorQuad/3/6/3.jpg"))
                .andExpect(status().isOk()).andExpect(content().contentType("image/jpeg")).andReturn().getResponse().getContentAsByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(jpg)).getHeight()).isEqualTo(256);
    }

    @Test
    void errorsAreOwsExceptionReports() throws Exception {
        mvc.perform(get("/wmts").param("service", "WMTS").param("request", "GetTile").param("version", "1.0.0")
                        .param("layer", "basemap").param("style", "default").param("format", "image/png")
                        .param("tileMatrixSet", "WebMercatorQuad").param("tileMatrix", "3").param("tileRow", "8").param("tileCol", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("/ows:ExceptionReport/ows:Exception/@exceptionCode", NS).string("TileOutOfRange"));
        mvc.perform(get("/wmts").param("service", "WMTS").param("request", "GetTile").param("version", "1.0.0"))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("/ows:ExceptionReport/ows:Exception/@exceptionCode", NS).string("MissingParameterValue"));
        mvc.perform(get("/wmts").param("service", "WMTS").param("request", "GetFeatureInfo"))
                .andExpect(status().isNotImplemented())
                .andExpect(xpath("/ows:ExceptionReport/ows:Exception/@exceptionCode", NS).string("OperationNotSupported"));
        mvc.perform(get("/wmts").param("service", "WMTS").param("request", "GetTile").param("version", "1.0.0")
                        .param("layer", "secret").param("style", "default").param("format", "image/png")
                        .param("tileMatrixSet", "WebMercatorQuad").param("tileMatrix", "3").param("tileRow", "1").param("tileCol", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("/ows:ExceptionReport/ows:Exception/@locator", NS).string("layer"));
        mvc.perform(get("/tiles/nosuch/WebMercatorQuad/3/1/1.png")).andExpect(status().isNotFound());
        mvc.perform(get("/tiles/basemap/WebMercatorQuad/3/1/99.png")).andExpect(status().isBadRequest());
    }
}
