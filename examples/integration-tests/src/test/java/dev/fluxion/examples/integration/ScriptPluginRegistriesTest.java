package dev.fluxion.examples.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code .lab.kts} script run by {@code fluxion --plugins DIR script} sees the plugins wherever it asks for a
 * registry: {@code Optimizers.parse}, {@code LandscapeRegistry.standard()}, the study builders' defaults and its
 * own {@code registries}, as a Java script with the jars on its class path does.
 *
 * <p>The numbers are worked by hand. Lion's direction is sign(beta1 m + (1 - beta1) g) with m = 0 at the start,
 * so its first step moves each coordinate by exactly lr against the sign of the gradient, and the next ones too
 * while the gradient keeps its signs. The mixture's start is (center - 1/4, center + 1/2) = (-0.25, 0.5), with the
 * data around -2 and +2 (separation 4): mu1 = -0.25 is nearer the left cluster, whose points pull it left
 * (df/dmu1 = -(1/N) sum r_i (x_i - mu1) > 0: with r about 0.83 on the left points at x - mu1 about -1.75 and 0.2
 * on the right ones at about 2.25, it is about 0.5), and mu2 = 0.5 is pulled right (df/dmu2 about -0.39). So
 * after three steps of lr = 0.01, mu1 = -0.25 - 3 lr and mu2 = 0.5 + 3 lr, in that order of additions.
 */
class ScriptPluginRegistriesTest {

    private static final String STUDY = String.join("\n",
            "val lion = Optimizers.parse(\"lion(lr=0.01)\")",
            "val mixture = LandscapeRegistry.standard().create(\"gaussian-mixture\")",
            "val x = mixture.facts().start().clone()",
            "println(\"start ${x.toList()}\")",
            "lion.minimize(mixture.objective(), x, 3)",
            "println(\"three steps ${x.toList()}\")",
            "println(\"registries agree: ${registries.optimizers.parse(\"lion(lr=0.01)\") == lion}\")",
            "val results = compare {",
            "    optimizers(lion)",
            "    landscapes(landscape(\"gaussian-mixture\"))",
            "    starts(\"default\"); steps(3); threads(1); store(args[0])",
            "}.run()",
            "println(\"study ${results.runs.single().spec.optimizerSpec} ${results.runs.single().finalPoint}\")",
            "");

    @Test
    void aScriptSeesThePluginsThroughEveryRegistry() throws Exception {
        Path plugins = PluginJars.folderWithExamples();
        Path folder = TemporaryFolders.create("fluxion-script-plugins");
        Path script = write(folder, "plugins.lab.kts", STUDY);
        Fluxion run = Fluxion.run("--plugins", plugins.toString(), "script", script.toString(),
                folder.resolve("study.sqlite").toString());
        assertEquals(0, run.code(), run::toString);
        List<String> lines = run.out().lines().toList();
        double lr = 0.01;
        List<Double> moved = List.of(-0.25 - lr - lr - lr, 0.5 + lr + lr + lr);
        assertEquals("start [-0.25, 0.5]", lines.get(0), run::toString);
        assertEquals("three steps " + moved, lines.get(1), run::toString);
        assertEquals("registries agree: true", lines.get(2), run::toString);
        // the study names lion by its canonical spec (a registry's optimizer, not code of the script's), and its
        // three steps from the default start end where the hand-worked ones do
        assertEquals("study lion(lr=0.01, beta1=0.9, beta2=0.99, weightDecay=0.0) " + moved, lines.get(3),
                run::toString);
        assertEquals(4, lines.size(), run::toString);
    }

    @Test
    void anUnknownNameListsTheKnownOnesAndPointsAtPlugins() throws Exception {
        Path folder = TemporaryFolders.create("fluxion-script-unknown");
        Path script = write(folder, "lion.lab.kts", "println(Optimizers.parse(\"lion(lr=0.01)\").spec())\n");
        Fluxion without = Fluxion.run("script", script.toString());
        assertEquals(1, without.code(), without::toString);
        String line = without.err().strip();
        assertEquals(1, line.lines().count(), without::toString);
        assertTrue(line.startsWith("fluxion: " + script + ":1: OptimizerException: unknown optimizer 'lion' at column 1;"
                + " known optimizers: adabelief, adagrad, adam,"), without::toString);
        assertTrue(line.endsWith("; a plugin's? give its jar: fluxion --plugins DIR script ..."), without::toString);

        // with the plugins, the same script runs; a name no jar has still lists the known ones, lion among them
        Fluxion with = Fluxion.run("--plugins", PluginJars.folderWithExamples().toString(), "script", script.toString());
        assertEquals(0, with.code(), with::toString);
        assertEquals("lion(lr=0.01, beta1=0.9, beta2=0.99, weightDecay=0.0)", with.out().strip(), with::toString);
        Path typo = write(folder, "typo.lab.kts", "val l = LandscapeRegistry.standard().create(\"gaussian-mixtur\")\n");
        Fluxion misspelt = Fluxion.run("--plugins", PluginJars.folderWithExamples().toString(), "script", typo.toString());
        assertEquals(1, misspelt.code(), misspelt::toString);
        assertTrue(misspelt.err().contains("unknown landscape 'gaussian-mixtur'"), misspelt::toString);
        assertTrue(misspelt.err().contains(", gaussian-mixture,"), misspelt::toString);
        assertFalse(misspelt.err().contains("\tat "), misspelt::toString);
    }

    private static Path write(Path folder, String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }
}
