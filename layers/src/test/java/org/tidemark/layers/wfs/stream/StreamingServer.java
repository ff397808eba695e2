package org.tidemark.layers.wfs.stream;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.source.memory.MemoryLayerCatalog;
import org.tidemark.layers.LayersModule;
import org.tidemark.layers.web.FeatureServiceSettings;

/**
 * The {@code layers} services (WFS, OGC API Features) over one {@link GeneratedFeatureSource} layer, {@code tm:million},
 * for {@link MillionFeatureStreamingIT}, which runs it in its own JVM with a small heap. Arguments: the number of
 * features. Prints {@code LISTENING <port>} once it accepts requests (on a free loopback port).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(LayersModule.class)
public class StreamingServer {
    static int size = 1_000_000;

    @Bean
    LayerCatalog catalog() {
        Department d = new Department("planning", LocalizedText.of("规划局", "Planning Bureau"));
        return new MemoryLayerCatalog().add(new Layer(GeneratedFeatureSource.TYPE, d, List.of(), "static", true, false, null),
                new GeneratedFeatureSource(size));
    }

    @Bean
    AccessPolicy policy() {
        return (principal, layer) -> AccessDecision.READ_ALL;
    }

    @Bean
    FeatureServiceSettings settings() {
        return FeatureServiceSettings.defaults().withPageSizes(10, size);
    }

    public static void main(String[] args) {
        if (args.length > 0) size = Integer.parseInt(args[0]);
        SpringApplication app = new SpringApplication(StreamingServer.class);
        app.setDefaultProperties(Map.of("server.port", "0", "server.address", "127.0.0.1",
                "spring.main.banner-mode", "off", "logging.level.root", "WARN"));
        ConfigurableApplicationContext ctx = app.run(args);
        System.out.println("LISTENING " + ctx.getEnvironment().getProperty("local.server.port"));
        System.out.flush();
    }
}
