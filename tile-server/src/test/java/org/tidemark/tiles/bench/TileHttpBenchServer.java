package org.tidemark.tiles.bench;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jakarta.servlet.Filter;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.coverage.ElevationModel;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileResult;
import org.tidemark.tiles.TileSeeding;
import org.tidemark.tiles.TilesModule;
import org.tidemark.tiles.TilesSettings;
import org.tidemark.tiles.cache.TileCaches;
import org.tidemark.tiles.terrain.Terrain;
import org.tidemark.tiles.web.TileFastPath;
import org.tidemark.tiles.testing.Fixtures;
import org.tidemark.tiles.testing.MemoryCatalog;

/**
 * The server side of {@code bench/http-bench.sh} (not a test): the tile module on embedded Tomcat over the
 * synthetic county, terrain seeded to level 14, and the same gzip tiles exported as static files for nginx,
 * with the list of tile paths for wrk. Arguments: port (tile fast path on), work directory, a second port on which
 * the fast path is skipped (every request through Spring MVC).
 */
public final class TileHttpBenchServer {
    static Path cache;
    static int mvcPort;

    @EnableWebMvc
    static class Ports {
        @Bean
        ElevationModel dem() { return Fixtures.dem(); }

        @Bean
        LayerCatalog catalog() { return new MemoryCatalog(Map.of("land", Fixtures.land())); }

        @Bean
        AccessPolicy policy() { return AccessPolicy.OPEN; }

        @Bean
        TilesSettings settings() { return TilesSettings.defaults().withCacheDir(cache); }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        mvcPort = Integer.parseInt(args[2]);
        cache = work.resolve("cache");
        AnnotationConfigWebApplicationContext ctx = new AnnotationConfigWebApplicationContext();
        ctx.setServletContext(new MockServletContext());
        ctx.register(Ports.class, TilesModule.class);
        ctx.refresh();
        ctx.getBean(TileSeeding.class).run(new PrintStream(System.out, true, StandardCharsets.UTF_8), "seed",
                "--tileset", "terrain", "--zoom", "0-14", "--bbox", "121.7,29.3,121.9,29.5", "--threads", "2");
        exportStatic(ctx.getBean(Terrain.class), ctx.getBean(TileCaches.class), work);

        Tomcat tomcat = new Tomcat();
        tomcat.setPort(port);
        tomcat.setBaseDir(work.resolve("tomcat").toString());
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "dispatcher", new DispatcherServlet(ctx));
        context.addServletMappingDecoded("/", "dispatcher");
        // the app mounts the fast path on these patterns; on the second port (mvcPort) it is skipped, so the
        // run can also measure the MVC path alone in the same process
        TileFastPath fast = ctx.getBean(TileFastPath.class);
        Filter byPort = (req, res, chain) -> {
            if (req.getLocalPort() == mvcPort) chain.doFilter(req, res);
            else fast.doFilter(req, res, chain);
        };
        FilterDef def = new FilterDef();
        def.setFilterName("tileFastPath");
        def.setFilter(byPort);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("tileFastPath");
        map.addURLPattern("/tiles/*");
        map.addURLPattern("/ogc/collections/*");
        context.addFilterMap(map);
        for (Connector c : new Connector[] {tomcat.getConnector(), new Connector()}) {
            // as the app configures it (application.yml): connections stay open for many requests
            c.setProperty("maxKeepAliveRequests", "10000");
            if (c != tomcat.getConnector()) {
                c.setPort(mvcPort);
                tomcat.getService().addConnector(c);
            }
        }
        tomcat.start();
        System.out.println("READY");
        tomcat.getServer().await();
    }

    /** Writes each seeded tile (levels 10–14) as a static gzip file and its path into {@code urls.txt}. */
    private static void exportStatic(Terrain terrain, TileCaches caches, Path work) throws Exception {
        var chain = caches.chain("terrain");
        String variant = terrain.defaultVariant();
        try (PrintWriter urls = new PrintWriter(Files.newBufferedWriter(work.resolve("urls.txt")))) {
            for (int z = 10; z <= 14; z++) {
                long[] r = terrain.seedRange(z, new org.locationtech.jts.geom.Envelope(121.7, 121.9, 29.3, 29.5));
                for (long y = r[1]; y <= r[3]; y++) {
                    for (long x = r[0]; x <= r[2]; x++) {
                        if (!(chain.tile(new TileCoord(z, (int) x, (int) y), variant) instanceof TileResult.Found f)) continue;
                        Path p = work.resolve("static/tiles/terrain/" + z + "/" + x + "/" + y + ".terrain");
                        Files.createDirectories(p.getParent());
                        Files.write(p, f.data());
                        urls.println("/tiles/terrain/" + z + "/" + x + "/" + y + ".terrain");
                    }
                }
            }
        }
    }
}
