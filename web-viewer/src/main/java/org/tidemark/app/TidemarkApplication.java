package org.tidemark.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The runnable Tidemark server: mounts the layers, tiles and sensor modules on one data store. */
@SpringBootApplication
public class TidemarkApplication {
    public static void main(String[] args) {
        SpringApplication.run(TidemarkApplication.class, args);
    }
}
