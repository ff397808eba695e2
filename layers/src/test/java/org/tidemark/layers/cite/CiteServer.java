package org.tidemark.layers.cite;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.tidemark.layers.LayersModule;
import org.tidemark.layers.web.FeatureServiceSettings;
import org.tidemark.layers.web.TestPortsConfiguration;

/**
 * A test-only server for conformance runs without the full app: the {@code layers} module over the in-memory
 * test catalog, on the port given as first argument (default 18080). Used by {@code layers/cite/run-ets-wfs20.sh
 * --self}; the real app (web-viewer) is the normal target of that script.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({LayersModule.class, TestPortsConfiguration.class})
public class CiteServer {

    @Bean
    FeatureServiceSettings settings() {
        String schemas = System.getProperty("tidemark.schema-base-url");
        return schemas == null ? FeatureServiceSettings.defaults() : FeatureServiceSettings.defaults().withSchemaBaseUrl(schemas);
    }

    public static void main(String[] args) {
        String port = args.length > 0 ? args[0] : "18080";
        SpringApplication app = new SpringApplication(CiteServer.class);
        app.setDefaultProperties(java.util.Map.of("server.port", port, "server.address", "127.0.0.1",
                "spring.main.banner-mode", "off"));
        app.run(args);
    }
}
