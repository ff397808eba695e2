package org.tidemark.app.cite;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the OGC CITE WFS 2.0 executable test suite ({@code org.opengis.cite:ets-wfs20:1.25:jar:aio}) in its own JVM
 * against a WFS, offline, and returns its TestNG results. The suite and the JAXB 2.3 runtime it needs on Java 17+
 * are copied by the build into {@code target/cite-lib} (system property {@code cite.lib}); facts about running it
 * are in {@code shared/notes/cite.md}.
 */
final class EtsWfs20 {
    static final String SUITE_JAR = "ets-wfs20-1.25-aio.jar";
    private static final String CONTROLLER = "org.opengis.cite.iso19142.TestNGController";

    private final Path lib;
    private final Path javaHome = Path.of(System.getProperty("java.home"));

    EtsWfs20(Path lib) {
        this.lib = lib;
    }

    /** The directory the build copied the suite into. */
    static Path libraryFromBuild() {
        String dir = System.getProperty("cite.lib");
        if (dir == null) throw new IllegalStateException("system property cite.lib is not set: run through Maven (failsafe)");
        return Path.of(dir);
    }

    Path suiteJar() {
        Path jar = lib.resolve(SUITE_JAR);
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("no " + jar + ": the build copies it (maven-dependency-plugin, pre-integration-test)");
        return jar;
    }

    /**
     * Runs the whole suite against the WFS whose GetCapabilities URL is given and waits for it at most
     * {@code timeoutMinutes}. The suite writes {@code derby.log} into its working directory, so it runs in
     * {@code work}; its log is {@code work/ets.log}.
     */
    TestNgResults run(String capabilitiesUrl, Path work, long timeoutMinutes) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path out = work.resolve("out");
        Path props = work.resolve("props.xml");
        Files.writeString(props, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<properties><entry key=\"wfs\">"
                + capabilitiesUrl.replace("&", "&amp;") + "</entry></properties>\n", StandardCharsets.UTF_8);
        Path patch = ImageIoRegistryPatch.build(javaHome, work);
        Path log = work.resolve("ets.log");
        try (SchemaProxy proxy = new SchemaProxy(suiteJar())) {
            List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-Xmx768m",
                    "-Djava.awt.headless=true", "--patch-module", "java.desktop=" + patch,
                    "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + proxy.port(), "-Dhttp.nonProxyHosts=localhost|127.*",
                    "-cp", classPath(), CONTROLLER, "-o", out.toString(), props.toString()));
            Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new AssertionError("the CITE suite did not finish in " + timeoutMinutes + " min; log: " + log);
            }
        }
        try (Stream<Path> files = Files.walk(out)) {
            Path results = files.filter(f -> f.getFileName().toString().equals("testng-results.xml")).findFirst()
                    .orElseThrow(() -> new AssertionError("the suite wrote no testng-results.xml; its log:\n" + tail(log)));
            return TestNgResults.read(results);
        }
    }

    /** The suite first, then every other jar the build copied (the JAXB 2.3 runtime). */
    private String classPath() throws IOException {
        List<String> jars = new ArrayList<>();
        jars.add(suiteJar().toString());
        try (Stream<Path> files = Files.list(lib)) {
            files.filter(f -> f.toString().endsWith(".jar") && !f.getFileName().toString().equals(SUITE_JAR)).sorted()
                    .forEach(f -> jars.add(f.toString()));
        }
        return String.join(File.pathSeparator, jars);
    }

    static String tail(Path log) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
