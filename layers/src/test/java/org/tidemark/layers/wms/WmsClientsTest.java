package org.tidemark.layers.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;

/**
 * Real WMS clients against the WMS on an embedded Tomcat: GDAL's WMS driver ({@code gdal_translate} of a
 * GetMap URL) and OWSLib {@code WebMapService} 1.3.0 (capabilities, getmap, getfeatureinfo). Skipped when
 * GDAL or OWSLib (under /usr/bin/python3) are absent, unless {@code TIDEMARK_REQUIRE_INTEGRATION=true}.
 */
class WmsClientsTest {
    private static Tomcat tomcat;

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.context.annotation.Import(WmsModule.class)
    static class Beans {
        @org.springframework.context.annotation.Bean
        org.tidemark.core.catalog.LayerCatalog catalog() { return WmsFixtures.catalog(); }

        @org.springframework.context.annotation.Bean
        org.tidemark.core.access.AccessPolicy policy() { return WmsFixtures.POLICY; }
    }
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        boolean tools = new File("/usr/bin/gdal_translate").canExecute() && run(List.of("/usr/bin/python3", "-c", "import owslib"), null) == 0;
        if (!tools && "true".equalsIgnoreCase(System.getenv("TIDEMARK_REQUIRE_INTEGRATION"))) {
            throw new IllegalStateException("gdal_translate and python3-owslib are required");
        }
        assumeTrue(tools, "GDAL or OWSLib not installed");
        AnnotationConfigWebApplicationContext ctx = new AnnotationConfigWebApplicationContext();
        ctx.register(Beans.class);
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("wms-clients").toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "dispatcher", new DispatcherServlet(ctx)).addMapping("/");
        tomcat.start();
        base = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/wms";
    }

    @AfterAll
    static void stop() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    private static int run(List<String> cmd, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static boolean reddish(int argb) { return (argb >> 16 & 0xFF) - (argb >> 8 & 0xFF) > 60; }

    @Test
    void gdalReadsAGetMapWithWms13AxisOrder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("map.png");
        Path log = dir.resolve("gdal.log");
        String url = "WMS:" + base + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=flood_zones&STYLES=&CRS=EPSG:4326"
                + "&BBOX=29.2,121.5,29.7,122.0&FORMAT=image/png&TRANSPARENT=FALSE";
        int rc = run(List.of("/usr/bin/gdal_translate", "-q", "-of", "PNG", "-outsize", "100", "100", url, out.toString()), log);
        assertThat(rc).as(Files.readString(log)).isZero();
        BufferedImage img = ImageIO.read(out.toFile());
        assertThat(reddish(img.getRGB(25, 25))).as("risk 3 in the north-west").isTrue();
        assertThat(reddish(img.getRGB(25, 80))).as("nothing in the south-west").isFalse();
    }

    @Test
    void owslibGetsCapabilitiesMapAndFeatureInfo(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("client.py");
        Path png = dir.resolve("owslib.png");
        Path info = dir.resolve("info.json");
        Files.writeString(script, String.join("\n",
                "import sys",
                "from owslib.wms import WebMapService",
                "wms = WebMapService(sys.argv[1], version='1.3.0')",
                "assert 'flood_zones' in wms.contents, list(wms.contents)",
                "assert 'gauges' in wms.contents",
                "layer = wms.contents['flood_zones']",
                "print('title', layer.title)",
                "img = wms.getmap(layers=['flood_zones'], styles=[''], srs='CRS:84', bbox=(121.5, 29.2, 122.0, 29.7),",
                "                 size=(100, 100), format='image/png')",
                "open(sys.argv[2], 'wb').write(img.read())",
                "r = wms.getfeatureinfo(layers=['flood_zones'], srs='CRS:84', bbox=(121.5, 29.2, 122.0, 29.7), size=(100, 100),",
                "                       format='image/png', query_layers=['flood_zones'], info_format='application/json', xy=(20, 30))",
                "open(sys.argv[3], 'wb').write(r.read())",
                ""), StandardCharsets.UTF_8);
        Path log = dir.resolve("owslib.log");
        int rc = run(List.of("/usr/bin/python3", script.toString(), base, png.toString(), info.toString()), log);
        assertThat(rc).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("title 洪水风险区");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(reddish(img.getRGB(25, 25))).isTrue();
        assertThat(Files.readString(info)).contains("\"risk_class\":3").contains("\"id\":\"fz1\"");
    }
}
