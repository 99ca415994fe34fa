package dev.fluxion.examples.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A user's plugin project, outside the repository: made by {@code fluxion new plugin}, built by Maven (offline, its
 * own unit test included) against this build's BOM and artifacts in a local repository ({@link LocalRepository}),
 * and its jar given to {@code fluxion compare} with {@code --plugins}; in Java and in Kotlin.
 */
class UserPluginProjectTest {
    private static final Path ROOT = Path.of(System.getProperty("repository.root", "../.."));
    private static final String VERSION = System.getProperty("project.version");

    @Test
    void aProjectMadeByNewPluginBuildsAgainstTheBomAndItsOptimizerRunsInCompare() throws Exception {
        Path jar = built("unit-step", "com.example.unitstep.UnitStepTest", 3);
        compares(jar, "unit-step");
    }

    /**
     * The Kotlin variant, {@code new plugin NAME --kotlin}: kotlin-maven-plugin compiles it and kotest runs its
     * three specs, and the build leaves no Kotlin compile daemon behind (the scaffold's pom sets
     * {@code kotlin.compiler.daemon} to false; a daemon would outlive Maven and hold memory on a CI machine).
     */
    @Test
    void aKotlinProjectBuildsLeavesNoCompileDaemonAndItsOptimizerRunsInCompare() throws Exception {
        java.time.Instant before = java.time.Instant.now();
        Path jar = built("kt-step", "com.example.ktstep.KtStepTest", 3, "--kotlin");
        List<String> daemons = ProcessHandle.allProcesses()
                .filter(p -> p.info().startInstant().map(start -> !start.isBefore(before)).orElse(false))
                .map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains("KotlinCompileDaemon"))
                .toList();
        assertEquals(List.of(), daemons, "Kotlin compile daemons started by the build and still running");
        compares(jar, "kt-step");
    }

    /**
     * Makes the project {@code name} with {@code fluxion new plugin} (and {@code options}), builds it with Maven
     * offline against this build, and returns its jar, checking that its own unit test ran {@code tests} tests.
     */
    private static Path built(String name, String testClass, int tests, String... options) throws Exception {
        Path folder = TemporaryFolders.create("fluxion-user");
        List<String> arguments = new java.util.ArrayList<>(List.of("new", "plugin", name, "--dir", folder.toString()));
        arguments.addAll(List.of(options));
        Fluxion made = Fluxion.run(arguments.toArray(String[]::new));
        assertEquals(0, made.code(), made::toString);
        Path project = folder.resolve(name);
        assertTrue(Files.readString(project.resolve("pom.xml")).contains("<fluxion.version>" + VERSION + "</fluxion.version>"));

        Path repository = LocalRepository.withThisBuild(Path.of(System.getProperty("local.repository")), ROOT, VERSION);
        maven(project, repository, "package");
        Path jar = project.resolve("target/" + name + "-1.0-SNAPSHOT.jar");
        assertTrue(Files.isRegularFile(jar), jar + " was not built");
        // the project's own unit test ran, and none failed
        String report = Files.readString(project.resolve("target/surefire-reports/" + testClass + ".txt"));
        assertTrue(report.contains("Tests run: " + tests + ", Failures: 0, Errors: 0, Skipped: 0"), report);
        return jar;
    }

    /**
     * Runs the plugin's optimizer {@code name} beside gd in {@code fluxion compare}. f = x^2 on [-4, 4] starts at
     * -4 + (3/4) 8 = 2. NAME(lr=0.5) moves exactly 0.5 downhill per step: 1.5, 1, 0.5, 0, where f - f* = 0, so it
     * reaches the target at step 4; gd(lr=0.5) maps x to x - 0.5 (2x) = 0 and reaches it at step 1.
     */
    private static void compares(Path jar, String name) throws Exception {
        Path results = TemporaryFolders.create("fluxion-results");
        Fluxion compare = Fluxion.run("--plugins", jar.toString(), "compare",
                "--optimizers", name + "(lr=0.5); gd(lr=0.5)",
                "--landscapes", "formula(\"x^2\", lower=-4, upper=4, minimum=0)",
                "--starts", "default", "--steps", "50", "--threads", "1",
                "--out", results.toString(), "--name", "user");
        assertEquals(0, compare.code(), compare::toString);
        assertTrue(compare.err().contains("2 runs, 0 already stored, 2 to compute"), compare::toString);
        List<String> csv = Files.readAllLines(results.resolve("user.csv"));
        List<String> header = fields(csv.get(0));
        String plugin = csv.stream().filter(row -> row.contains(name + "(lr=0.5)")).findFirst().orElseThrow();
        String descent = csv.stream().filter(row -> row.contains("gd(lr=0.5)")).findFirst().orElseThrow();
        assertEquals("reached", column(header, plugin, "outcome"), String.join("\n", csv));
        assertEquals("4", column(header, plugin, "outcome_step"), String.join("\n", csv));
        assertEquals("reached", column(header, descent, "outcome"), String.join("\n", csv));
        assertEquals("1", column(header, descent, "outcome_step"), String.join("\n", csv));
    }

    /** The value of a CSV row's column. */
    private static String column(List<String> header, String row, String name) {
        int index = header.indexOf(name);
        assertTrue(index >= 0, "no column " + name + " in " + header);
        return fields(row).get(index);
    }

    /** The fields of a CSV line (RFC 4180: a field in double quotes may hold commas, and "" is a quote). */
    private static List<String> fields(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** Runs Maven offline in {@code project} with {@code repository} as its local repository; fails with its output. */
    private static void maven(Path project, Path repository, String... goals) throws IOException, InterruptedException {
        String home = System.getProperty("maven.home");
        Path mvn = home == null ? Path.of("mvn") : Path.of(home, "bin", isWindows() ? "mvn.cmd" : "mvn");
        List<String> command = new java.util.ArrayList<>(List.of(mvn.toString(), "-B", "-o", "-q",
                "-Dmaven.repo.local=" + repository));
        command.addAll(List.of(goals));
        Path log = project.resolve("maven.log");
        Process maven = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!maven.waitFor(5, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", goals) + " took more than 5 minutes:\n"
                    + Files.readString(log));
        }
        assertEquals(0, maven.exitValue(), () -> String.join(" ", command) + " failed:\n" + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
