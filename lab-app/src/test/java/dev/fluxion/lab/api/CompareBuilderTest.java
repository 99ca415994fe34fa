package dev.fluxion.lab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.dsl.Objective;
import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.optimizers.Optimizers;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java face of the study builders: {@code Compare.builder()...run()}, with an optimizer defined in Java, and a
 * landscape given by Java code.
 */
class CompareBuilderTest {

    /** f = x^2 / 2 + 2 y^2 written in Java, an {@link Objective} with no expression: f* = 0 at the origin. */
    record Bowl() implements Objective {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double value(double[] x) {
            return x[0] * x[0] / 2 + 2 * x[1] * x[1];
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            gradient[0] = x[0];
            gradient[1] = 4 * x[1];
            return value(x);
        }
    }

    @Test
    void aJavaComparisonRunsALandscapeGivenByJavaCodeForExactlyItsSteps(@TempDir Path folder) {
        Landscape bowl = LandscapeFactories.landscape("javaBowl", new Bowl(), -5.0, 5.0, null, 0.0);
        assertTrue(bowl.spec().matches("javaBowl\\(lower=-5\\.0, upper=5\\.0, minimum=0\\.0\\)#[0-9a-f]{12}"), bowl.spec());
        StudyResults results = Compare.builder()
                .optimizers(Optimizers.parse("gd(lr=0.1)"))
                .landscapes(bowl)
                .starts("default")
                .steps(200)
                .fixedLength()
                .threads(1)
                .store(folder.resolve("bowl.sqlite"))
                .run();
        RunResult run = results.getRuns().get(0);
        // from (2.5, 2.5), three quarters of the box, gd(lr=0.1) multiplies x by 1 - 0.1 and y by 1 - 0.4 per step;
        // it passes the finest target 1e-8 near step 120, and a fixed-length run goes on to its 200th step
        assertEquals(200, run.getSteps());
        assertTrue(run.getHitSteps().get(run.getHitSteps().size() - 1) < 200);
        assertEquals(2.5 * Math.pow(0.9, 200), run.getFinalPoint().get(0), 1e-12 * 2.5 * Math.pow(0.9, 200));
        assertEquals(2.5 * Math.pow(0.6, 200), run.getFinalPoint().get(1), 1e-12 * 2.5 * Math.pow(0.6, 200));
    }

    /** Gradient descent written by hand over the optimizers' contract: u = -lr g. */
    record HandDescent(double lr) implements Transform {
        @Override
        public TransformState init(int dimension) {
            return new TransformState() {
                @Override
                public void update(double[] direction, StepContext context) {
                    for (int i = 0; i < direction.length; i++) {
                        direction[i] = -lr * direction[i];
                    }
                }
            };
        }

        @Override
        public String spec() {
            return "handDescent(lr=" + lr + ")";
        }
    }

    @Test
    void aJavaComparisonRunsAnOptimizerDefinedInJavaBesideTheRegistrysOwn(@TempDir Path folder) throws Exception {
        StudyResults results = Compare.builder()
                .optimizers(new HandDescent(0.01), Optimizers.parse("gd(lr=0.01)"))
                .landscapes("beale")
                .starts("default+random:2")
                .steps(300)
                .threads(2)
                .name("java")
                .store(folder.resolve("java.sqlite"))
                .run();
        // 2 optimizers x (1 default + 2 random starts) on one landscape
        assertEquals(6, results.getRuns().size());
        assertEquals(2, results.getSummaries().size());
        List<RunResult> hand = results.getRuns().stream()
                .filter(r -> r.getSpec().getOptimizerLabel().startsWith("handDescent(lr=0.01)#")).toList();
        List<RunResult> registry = results.getRuns().stream()
                .filter(r -> r.getSpec().getOptimizerLabel().startsWith("gd(")).toList();
        assertEquals(3, hand.size());
        assertTrue(hand.get(0).getSpec().getOptimizerSpec().matches("handDescent\\(lr=0\\.01\\)#[0-9a-f]{12}"));
        // x - 0.01 g and gd(lr=0.01) are one rule: the same steps, the same bits at the end
        for (int i = 0; i < 3; i++) {
            assertEquals(registry.get(i).getFinalValue(), hand.get(i).getFinalValue(), 0.0);
            assertEquals(registry.get(i).getSteps(), hand.get(i).getSteps());
        }
        assertTrue(results.getTable().contains("handDescent(lr=0.01)#"));

        List<Path> files = results.report(folder.resolve("report"));
        assertEquals("java.csv", files.get(0).getFileName().toString());
        assertEquals(7, Files.readAllLines(files.get(0)).size()); // a header and six runs
        assertTrue(Files.readString(files.get(1)).startsWith("<!DOCTYPE html>"));

        // the code's hash is its bytes': the same class, the same hash, and the store resumes with nothing to compute
        assertEquals(CodeHash.of(HandDescent.class), CodeHash.ofValue(new HandDescent(0.5)));
        int[] planned = new int[2];
        Compare.builder().optimizers(new HandDescent(0.01), Optimizers.parse("gd(lr=0.01)")).landscapes("beale")
                .starts("default+random:2").steps(300).name("java").store(folder.resolve("java.sqlite"))
                .run(event -> {
                    if (event instanceof dev.fluxion.lab.engine.Progress.Planned p) {
                        planned[0] = p.getTotal();
                        planned[1] = p.getStored();
                    }
                });
        assertEquals(6, planned[0]);
        assertEquals(6, planned[1]);
    }
}
