package org.tidemark.app.cite;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Makes the Java 8-era CITE suite run on this JDK. Since Java 9, {@code javax.imageio.spi.ServiceRegistry} refuses
 * service categories that are not ImageIO SPIs ("... is not an ImageIO SPI class"), and the geometry library inside
 * the suite registers its own. This compiles a copy of the running JDK's own class, taken from its
 * {@code lib/src.zip} at test time, with that check relaxed and the {@code ServiceLoader} {@code uses} added at run
 * time, for {@code --patch-module java.desktop=<dir>}. Nothing from the JDK is stored in the repository.
 */
final class ImageIoRegistryPatch {
    private static final String SOURCE = "java.desktop/javax/imageio/spi/ServiceRegistry.java";

    private ImageIoRegistryPatch() {}

    /** Compiles the patch into {@code work/patch} (once) and returns that directory. */
    static Path build(Path javaHome, Path work) throws IOException {
        Path out = work.resolve("patch");
        if (Files.isRegularFile(out.resolve("javax/imageio/spi/ServiceRegistry.class"))) return out;
        Path srcZip = javaHome.resolve("lib/src.zip");
        if (!Files.isRegularFile(srcZip)) {
            throw new IllegalStateException(javaHome + " has no lib/src.zip (Temurin ships it; on Debian install openjdk-*-source)");
        }
        String source;
        try (ZipFile zip = new ZipFile(srcZip.toFile()); InputStream in = zip.getInputStream(zip.getEntry(SOURCE))) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String patched = relax(source);
        Path src = work.resolve("patch-src/javax/imageio/spi/ServiceRegistry.java");
        Files.createDirectories(src.getParent());
        Files.createDirectories(out);
        Files.writeString(src, patched, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IllegalStateException("no Java compiler in " + javaHome);
        StringWriter log = new StringWriter();
        boolean ok = javac.getTask(log, null, null,
                List.of("--patch-module", "java.desktop=" + work.resolve("patch-src"), "-d", out.toString(), "-nowarn"),
                null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(src)).call();
        if (!ok) throw new IllegalStateException("compiling the ServiceRegistry patch failed:\n" + log);
        return out;
    }

    /** The two edits, each checked to apply exactly where expected. */
    static String relax(String source) {
        String check = "private static void checkClassAllowed(Class<?> clazz) {";
        if (!source.contains(check)) throw new IllegalStateException("checkClassAllowed not found in " + SOURCE);
        String out = source.replace(check, check + " if (clazz != null) return;");
        String load = "return ServiceLoader.load(providerClass";
        if (!out.contains(load)) throw new IllegalStateException("lookupProviders not found in " + SOURCE);
        return out.replace(load, "ServiceRegistry.class.getModule().addUses(providerClass); " + load);
    }
}
