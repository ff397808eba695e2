package org.tidemark.app;

import java.io.PrintStream;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.tidemark.app.security.Authenticator;
import org.tidemark.core.access.Principal;
import org.tidemark.tiles.TileSeeding;
import org.tidemark.tiles.cache.SeedCommand;
import org.tidemark.tiles.cache.Seeder;

/**
 * {@code java -jar web-viewer.jar seed --tileset terrain|basemap|LAYER --zoom MIN-MAX [--bbox W,S,E,N] [--format png|jpg|mvt]
 * [--tms ID] [--threads N] [--variant V] [--as USER]}: fills the tile cache in {@code TIDEMARK_DATA_DIR/tile-cache} without serving,
 * printing a progress bar (tiles done/total, rate, ETA). The application context is started without a web server
 * and with the simulated gauge feed off; like {@code import}, stop the server first when it uses the embedded
 * database (single process). {@code --as} seeds the view of a configured user (its department's grants: row
 * filters, hidden fields, overlays the public may not see) instead of the public one. Options are described in {@link TileSeeding}. Exit status 0 when every tile was made,
 * 1 when some failed, 2 for bad arguments.
 */
public final class TileSeedCli {
    private TileSeedCli() {}

    public static int run(String[] args, PrintStream out, String... springArgs) {
        SeedCommand cmd;
        try {
            cmd = SeedCommand.parse(args); // refuse bad options before starting anything
        } catch (IllegalArgumentException e) {
            out.println("seed: " + e.getMessage());
            return 2;
        }
        SpringApplication app = new SpringApplication(TidemarkApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] settings = Arrays.copyOf(springArgs, springArgs.length + 1);
        settings[springArgs.length] = "--tidemark.demo.feed=false";
        try (ConfigurableApplicationContext ctx = app.run(settings)) {
            Principal viewer = Principal.ANONYMOUS;
            if (cmd.as() != null) {
                viewer = ctx.getBean(Authenticator.class).configuredUser(cmd.as())
                        .orElseThrow(() -> new IllegalArgumentException("no configured user " + cmd.as()));
            }
            Seeder.Report report = ctx.getBean(TileSeeding.class).run(out, viewer, args);
            out.println(report.tiles() + " tiles (" + report.found() + " with content, " + report.empty() + " empty, "
                    + report.failed() + " failed) in " + report.millis() / 1000.0 + " s");
            return report.failed() == 0 ? 0 : 1;
        } catch (IllegalArgumentException e) {
            out.println("seed: " + e.getMessage());
            return 2;
        }
    }
}
