package dev.fluxion.examples.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Kotlin experiment script run by the shaded {@code fluxion-lab.jar} in a JVM of its own, as {@code ./fluxion}
 * runs it: the one check that the Kotlin compiler still works once shaded into the jar (its service files merged,
 * its extension descriptors kept), with a plugin jar beside it.
 */
class ShadedJarScriptTest {

    @Test
    void aKotlinScriptCompilesAndRunsInTheShadedJarWithAPlugin() throws Exception {
        Path jar = Path.of(System.getProperty("lab.jar"));
        assertTrue(Files.isRegularFile(jar), "build lab-app first: no " + jar);
        // gd(lr=0.25) on (x - 3)^2 halves the error each step: x_k = 3 - 3 / 2^k
        Path script = TemporaryFolders.create("fluxion-script").resolve("study.lab.kts");
        Files.writeString(script, String.join("\n",
                "val x = doubleArrayOf(0.0)",
                "Optimizers.parse(\"gd(lr=0.25)\").minimize(Expr.parse(\"(x - 3)^2\").compile(\"x\"), x, 10)",
                "println(\"x = ${x[0]}\")",
                "println(\"lion: ${Engine(registries = registries).optimizer(\"lion(lr=0.01)\").spec()}\")",
                "println(\"args = ${args.toList()}\")", ""));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--plugins", System.getProperty("plugin.lion"), "script", script.toString(),
                "a", "b").redirectErrorStream(true).start();
        String output = read(process);
        assertEquals(0, process.waitFor(), output);
        List<String> lines = output.lines().toList();
        assertEquals("x = " + (3 - 3 / 1024.0), lines.get(0), output);
        assertTrue(lines.get(1).startsWith("lion: lion(lr=0.01"), output);
        assertEquals("args = [a, b]", lines.get(2), output);
        assertEquals(3, lines.size(), output);
    }

    private static String read(Process process) throws IOException {
        process.getOutputStream().close();
        return new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
