package dev.fluxion.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.dsl.Objective;
import dev.fluxion.optimizers.OptimizerState;
import org.junit.jupiter.api.Test;

/**
 * The library's L-BFGS run and the hand-written one of {@link LbfgsBenchmark} do the same work: the same evaluations
 * of f and grad f (so the same line-search trials) and the same final x, up to the rounding of the gradient, which the
 * compiled tape and the hand-written loop sum in different orders. The hand-written gradient is checked against the
 * landscape's.
 */
class LbfgsBenchmarkTest {

    @Test
    void theHandWrittenGradientIsTheLandscapes() {
        LbfgsBenchmark benchmark = new LbfgsBenchmark();
        benchmark.setUp();
        double[] x = benchmark.start.clone();
        x[3] = 0.7;
        double[] expected = new double[LbfgsBenchmark.N];
        double[] actual = new double[LbfgsBenchmark.N];
        double f = benchmark.rosenbrock.objective().valueAndGradient(x, expected);
        assertEquals(f, LbfgsBenchmark.rosenbrock(x, actual), 1e-12 * Math.abs(f));
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * Math.max(1, Math.abs(expected[i])), "g[" + i + "]");
        }
    }

    @Test
    void bothRunsTakeTheSameTrialsAndEndAtTheSamePoint() {
        LbfgsBenchmark benchmark = new LbfgsBenchmark();
        benchmark.setUp();
        Objective objective = benchmark.rosenbrock.confinedObjective();
        double[] library = benchmark.start.clone();
        OptimizerState state = benchmark.lbfgs.start(LbfgsBenchmark.N);
        for (int k = 0; k < LbfgsBenchmark.STEPS; k++) {
            state.step(objective, library);
        }
        LbfgsBenchmark.HandWrittenLbfgs hand = new LbfgsBenchmark.HandWrittenLbfgs(LbfgsBenchmark.N,
                LbfgsBenchmark.MEMORY);
        double[] handWritten = hand.run(benchmark.start, LbfgsBenchmark.STEPS);
        // the library evaluates once more: the 21st step's evaluation at the last point, which here is reused
        assertEquals(0, state.evaluations().values());
        assertEquals(state.evaluations().gradients(), hand.evaluations);
        // the run moved: far from the start, with f well below f(start)
        double[] gradient = new double[LbfgsBenchmark.N];
        assertTrue(LbfgsBenchmark.rosenbrock(library, gradient) < 0.5 * LbfgsBenchmark.rosenbrock(benchmark.start,
                gradient));
        for (int i = 0; i < library.length; i++) {
            assertEquals(library[i], handWritten[i], 1e-9, "x[" + i + "]");
        }
        assertEquals(library.length, handWritten.length);
        System.out.println("lbfgs on rosenbrock(dim=1000), " + LbfgsBenchmark.STEPS + " iterations: "
                + state.evaluations() + "; f = " + LbfgsBenchmark.rosenbrock(library, gradient));
    }
}
