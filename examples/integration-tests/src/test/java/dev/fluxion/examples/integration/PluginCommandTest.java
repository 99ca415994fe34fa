package dev.fluxion.examples.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example plugins, as the jars Maven built, copied into a folder and used through the real {@code fluxion}
 * command: listed, run, compared; and broken plugins beside them, each one line on stderr.
 */
class PluginCommandTest {

    @Test
    void listShowsThePluginsBesideTheBuiltIns() throws Exception {
        Path plugins = PluginJars.folderWithExamples();
        Fluxion list = Fluxion.run("--plugins", plugins.toString(), "list");
        assertEquals(0, list.code(), list::toString);
        assertEquals("", list.err(), list::toString);
        assertTrue(list.out().contains("lion\n    Lion, sign of interpolated momentum"), list::toString);
        assertTrue(list.out().contains("    beta2 = 0.99 (a real number in [0, 1)): momentum decay"), list::toString);
        assertTrue(list.out().contains("gaussian-mixture — negative log-likelihood of a two-Gaussian mixture"),
                list::toString);
        assertTrue(list.out().contains("adam\n") && list.out().contains("rosenbrock —"), list::toString);
        assertTrue(list.out().contains("lion-optimizer-0.1.0-SNAPSHOT.jar: optimizer lion"), list::toString);
        assertTrue(list.out().contains("gaussian-mixture-landscape-0.1.0-SNAPSHOT.jar: landscape gaussian-mixture"),
                list::toString);
    }

    @Test
    void compareRunsThePluginOptimizerOnThePluginLandscapeAndStoresEveryRun() throws Exception {
        Path plugins = PluginJars.folderWithExamples();
        Path results = TemporaryFolders.create("fluxion-results");
        Fluxion compare = Fluxion.run("--plugins", plugins.toString(), "compare",
                "--optimizers", "lion(lr=cosine(init=0.05, steps=1500)); gd(lr=0.5)",
                "--landscapes", "gaussian-mixture; beale",
                "--starts", "default+random:2", "--steps", "1500", "--threads", "2",
                "--out", results.toString(), "--name", "plugins");
        assertEquals(0, compare.code(), compare::toString);
        assertTrue(compare.err().contains("12 runs, 0 already stored, 12 to compute"), compare::toString);
        List<String> csv = Files.readAllLines(results.resolve("plugins.csv"));
        assertEquals(1 + 2 * 2 * 3, csv.size(), compare::toString);
        List<String> lionOnMixture = csv.stream()
                .filter(row -> row.contains("lion(lr=cosine(") && row.contains(",gaussian-mixture,")).toList();
        assertEquals(3, lionOnMixture.size(), String.join("\n", csv));
        // Lion with a cosine decay ends in a minimizer from every start: f - f* <= 1e-8
        assertTrue(lionOnMixture.stream().allMatch(row -> row.contains(",reached,")), String.join("\n", csv));
        String row = compare.out().lines()
                .filter(line -> line.contains("lion(") && line.contains("gaussian-mixture")).findFirst().orElseThrow();
        assertTrue(row.contains("reached=3"), compare::toString);
        assertTrue(Files.readString(results.resolve("plugins.html")).contains("gaussian-mixture"));

        // running it again finds every run stored
        Fluxion again = Fluxion.run("--plugins", plugins.toString(), "compare",
                "--optimizers", "lion(lr=cosine(init=0.05, steps=1500)); gd(lr=0.5)",
                "--landscapes", "gaussian-mixture; beale",
                "--starts", "default+random:2", "--steps", "1500", "--threads", "2",
                "--out", results.toString(), "--name", "plugins");
        assertTrue(again.err().contains("12 runs, 12 already stored, 0 to compute"), again::toString);
    }

    @Test
    void runAndCheckTakePluginsToo() throws Exception {
        Path plugins = PluginJars.folderWithExamples();
        Fluxion run = Fluxion.run("--plugins", plugins.toString(), "run", "-o", "lion(lr=0.01)",
                "-l", "gaussian-mixture(separation=6)", "--steps", "500");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("final point"), run::toString);
        Fluxion check = Fluxion.run("--plugins", plugins.toString(), "check", "gaussian-mixture");
        assertEquals(0, check.code(), check::toString);
        assertTrue(check.out().contains("passes"), check::toString);
    }

    @Test
    void eachBrokenPluginIsOneLineNamingTheJarAndTheCauseAndTheRestStillLoad() throws Exception {
        Path plugins = PluginJars.folderWithExamples();
        PluginJars.garbage(plugins.resolve("broken.jar"), 4096);
        PluginJars.jar(plugins.resolve("missing-class.jar"), Map.ofEntries(
                PluginJars.services(PluginJars.OPTIMIZER_SERVICE, "com.example.Missing")));
        PluginJars.optimizerPlugin(plugins.resolve("throwing.jar"), "Throwing",
                "public Throwing() { throw new IllegalStateException(\"no licence key\"); }\n"
                        + "public String name() { return \"throwing\"; }");
        PluginJars.optimizerPlugin(plugins.resolve("clash.jar"), "FakeAdam", "public String name() { return \"adam\"; }");
        PluginJars.jar(plugins.resolve("notes.jar"), Map.of("README.txt", new byte[] {'h', 'i'}));
        Files.writeString(plugins.resolve("README.md"), "not a jar, not looked at");

        Fluxion list = Fluxion.run("--plugins", plugins.toString(), "list", "optimizers");
        assertEquals(0, list.code(), list::toString);
        assertEquals(List.of(
                "fluxion: plugin broken.jar: not a jar file (zip END header not found)",
                "fluxion: plugin clash.jar: optimizer 'adam' of com.example.FakeAdam clashes with "
                        + "dev.fluxion.optimizers.named.Adam, which keeps the name",
                "fluxion: plugin missing-class.jar: optimizer provider com.example.Missing not found",
                "fluxion: plugin notes.jar: no optimizer or landscape provider is listed in its META-INF/services",
                "fluxion: plugin throwing.jar: optimizer provider com.example.Throwing could not be instantiated "
                        + "(IllegalStateException: no licence key)"), list.err().lines().toList());
        assertTrue(list.out().contains("lion\n"), list::toString);
        assertTrue(list.out().contains("lion-optimizer-0.1.0-SNAPSHOT.jar: optimizer lion"), list::toString);
        assertTrue(list.out().contains("gaussian-mixture-landscape-0.1.0-SNAPSHOT.jar: landscape gaussian-mixture"),
                list::toString);
        assertFalse(list.out().contains("throwing"), list::toString);
    }

    @Test
    void theDefaultFolderIsReadWhenNoPluginsAreGivenAndAMissingFolderIsOneLine() throws Exception {
        Path home = TemporaryFolders.create("fluxion-home");
        Path folder = Files.createDirectories(home.resolve(".fluxion/plugins"));
        Files.copy(PluginJars.built("plugin.lion"), folder.resolve("lion.jar"));
        String realHome = System.getProperty("user.home");
        try {
            System.setProperty("user.home", home.toString());
            Fluxion list = Fluxion.run("list", "optimizers");
            assertTrue(list.out().contains("lion.jar: optimizer lion"), list::toString);
        } finally {
            System.setProperty("user.home", realHome);
        }
        Fluxion missing = Fluxion.run("--plugins", "/nonexistent/plugins", "list");
        assertEquals(2, missing.code(), missing::toString);
        assertEquals(List.of("fluxion: --plugins /nonexistent/plugins: no such folder or jar file"),
                missing.err().lines().toList());
    }

    @Test
    void theOptionMayFollowTheCommandAndNameAJar() throws Exception {
        Fluxion list = Fluxion.run("list", "landscapes", "--plugins", PluginJars.built("plugin.mixture").toString());
        assertEquals(0, list.code(), list::toString);
        assertTrue(list.out().contains("gaussian-mixture —"), list::toString);
    }
}
