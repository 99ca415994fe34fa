package dev.fluxion.examples.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** The example plugins' jars as Maven built them, and broken plugins made on the spot. */
final class PluginJars {
    static final String OPTIMIZER_SERVICE = "dev.fluxion.optimizers.OptimizerProvider";

    private PluginJars() {
    }

    /** The jar Maven built for an example module, named by the system property surefire sets. */
    static Path built(String property) {
        Path jar = Path.of(System.getProperty(property, "(system property " + property + " not set)"));
        assertTrue(Files.isRegularFile(jar), jar + " is missing: build the examples with mvn verify (or package)");
        return jar;
    }

    /** A fresh folder holding copies of the example plugins' jars. */
    static Path folderWithExamples() throws IOException {
        Path folder = TemporaryFolders.create("fluxion-plugins");
        for (String property : List.of("plugin.lion", "plugin.mixture")) {
            Path jar = built(property);
            Files.copy(jar, folder.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return folder;
    }

    /** A jar holding {@code entries} (path to text), such as a services file. */
    static Path jar(Path file, Map<String, byte[]> entries) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return file;
    }

    /** The services file that lists {@code providers} for {@code service}, as a jar entry. */
    static Map.Entry<String, byte[]> services(String service, String... providers) {
        return Map.entry("META-INF/services/" + service,
                String.join("\n", providers).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A jar with one optimizer provider compiled from {@code body} (the class's members) against this test's class
     * path, as class {@code com.example.NAME}, listed in its services file.
     */
    static Path optimizerPlugin(Path file, String name, String body) throws IOException {
        Path sources = TemporaryFolders.create("fluxion-plugin-source");
        Path source = sources.resolve(name + ".java");
        Files.writeString(source, "package com.example;\n"
                + "import dev.fluxion.optimizers.*;\nimport java.util.List;\n"
                + "public class " + name + " implements OptimizerProvider {\n" + body + "\n"
                + "public String description() { return \"a test plugin\"; }\n"
                + "public List<Hyperparameter> hyperparameters() { return List.of(); }\n"
                + "public Transform create(HyperparameterValues v) { throw new UnsupportedOperationException(); }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", sources.toString(), "-classpath",
                System.getProperty("java.class.path"), source.toString());
        assertEquals(0, status, "compiling " + source);
        byte[] bytes = Files.readAllBytes(sources.resolve("com/example/" + name + ".class"));
        return jar(file, Map.ofEntries(Map.entry("com/example/" + name + ".class", bytes),
                services(OPTIMIZER_SERVICE, "com.example." + name)));
    }

    /** Writes {@code length} seeded random bytes under a jar's name. */
    static Path garbage(Path file, int length) throws IOException {
        byte[] bytes = new byte[length];
        new java.util.Random(7).nextBytes(bytes);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
        return file;
    }
}
