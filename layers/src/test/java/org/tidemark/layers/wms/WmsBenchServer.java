package org.tidemark.layers.wms;

import java.io.File;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.catalog.LayerCatalog;

/**
 * The Tidemark side of layers/bench: WmsModule on an embedded Tomcat over the {@link BenchData} layers,
 * no security filter, so wrk measures the WMS itself. Not a test; run by layers/bench/run.sh.
 */
public final class WmsBenchServer {
    private WmsBenchServer() {}

    @Configuration(proxyBeanMethods = false)
    @Import(WmsModule.class)
    static class Beans {
        @Bean
        LayerCatalog catalog() { return BenchData.catalog(); }

        @Bean
        AccessPolicy policy() { return AccessPolicy.OPEN; }

        /** {@code -Dbench.cache=false} measures rendering alone. */
        @Bean
        WmsSettings settings() {
            WmsSettings s = WmsSettings.defaults();
            return Boolean.parseBoolean(System.getProperty("bench.cache", "true")) ? s : s.withCache(0, 1);
        }
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18080;
        AnnotationConfigWebApplicationContext ctx = new AnnotationConfigWebApplicationContext();
        ctx.register(Beans.class);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(new File(System.getProperty("java.io.tmpdir"), "tidemark-bench-" + port).getPath());
        tomcat.setPort(port);
        tomcat.getConnector().setProperty("maxThreads", "32");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "dispatcher", new DispatcherServlet(ctx)).addMapping("/");
        tomcat.start();
        tomcat.getServer().await();
    }
}
