package org.tidemark.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.tidemark.app.config.TidemarkProperties;

/**
 * The runnable Tidemark server. It owns configuration and wiring only: the feature modules (layers,
 * tiles, sensors) are imported as one {@code @Configuration} each from {@link ModulesConfiguration};
 * nothing is component-scanned across modules.
 */
@SpringBootApplication
@EnableConfigurationProperties(TidemarkProperties.class)
public class TidemarkApplication {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(org.tidemark.app.importer.ImportCli.run(args));
        }
        System.setProperty("java.awt.headless", "true");
        if (args.length > 0 && args[0].equals("seed")) {
            System.exit(TileSeedCli.run(args, System.out, "--logging.level.root=WARN"));
        }
        SpringApplication.run(TidemarkApplication.class, args);
    }
}
