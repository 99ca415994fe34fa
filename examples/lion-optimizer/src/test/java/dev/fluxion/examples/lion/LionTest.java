package dev.fluxion.examples.lion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.dsl.Objective;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.optimizers.OptimizerRegistry;
import dev.fluxion.optimizers.OptimizerState;
import dev.fluxion.optimizers.Optimizers;
import org.junit.jupiter.api.Test;

/** Lion's first steps on f(x) = x^2 (g = 2x), worked out by hand from the paper's Algorithm 2. */
class LionTest {
    private static final Objective SQUARE = Expr.parse("x^2").compile("x");
    private static final double EXACT = 1e-15;

    /** x after each step of {@code spec} from {@code start}. */
    private static double[] steps(String spec, double start, int count) {
        double[] x = {start};
        OptimizerState run = Optimizers.parse(spec).start(1);
        double[] after = new double[count];
        for (int k = 0; k < count; k++) {
            run.step(SQUARE, x);
            after[k] = x[0];
        }
        return after;
    }

    @Test
    void theServicesFileMakesLionAPluginWithThePapersDefaults() {
        OptimizerRegistry registry = OptimizerRegistry.load(LionProvider.class.getClassLoader());
        assertTrue(registry.names().contains("lion"));
        assertEquals("lion(lr=1.0E-4, beta1=0.9, beta2=0.99, weightDecay=0.0)", Optimizers.parse("lion").spec());
    }

    @Test
    void everyStepMovesEachCoordinateByExactlyTheLearningRate() {
        // from x = 1, m = 0: c = 0.1 * 2 > 0, so x = 1 - 0.1; then c stays positive while x > 0: 0.8, 0.7
        double[] x = steps("lion(lr=0.1)", 1, 3);
        assertEquals(0.9, x[0], EXACT);
        assertEquals(0.8, x[1], EXACT);
        assertEquals(0.7, x[2], EXACT);
        // the gradient's scale does not matter: 1000 x^2 takes the same steps
        double[] far = {1};
        OptimizerState run = Optimizers.parse("lion(lr=0.1)").start(1);
        run.step(Expr.parse("1000*x^2").compile("x"), far);
        assertEquals(0.9, far[0], EXACT);
    }

    @Test
    void theMomentumWeightBeta1DecidesTheSignWhenTheGradientTurns() {
        // from x = 0.25 with lr = 0.3: g = 0.5 gives sign +1, x = -0.05, m = 0.01 * 0.5 = 0.005.
        // Step 2 has g = -0.1: c = beta1 0.005 + (1 - beta1)(-0.1).
        //   beta1 = 0.9:  c = 0.0045 - 0.01 = -0.0055 < 0, so x = -0.05 + 0.3 = 0.25 (the gradient wins);
        //   beta1 = 0.99: c = 0.00495 - 0.001 = 0.00395 > 0, so x = -0.05 - 0.3 = -0.35 (the momentum wins).
        double[] light = steps("lion(lr=0.3, beta1=0.9, beta2=0.99)", 0.25, 2);
        assertEquals(-0.05, light[0], EXACT);
        assertEquals(0.25, light[1], EXACT);
        double[] heavy = steps("lion(lr=0.3, beta1=0.99, beta2=0.99)", 0.25, 2);
        assertEquals(-0.05, heavy[0], EXACT);
        assertEquals(-0.35, heavy[1], EXACT);
    }

    @Test
    void theMomentumRemembersWithBeta2() {
        // beta1 = 0.5, so c = (m + g) / 2. From x = 0.25 with lr = 0.3: step 1 goes to -0.05, with
        // m = (1 - beta2) 0.5; step 2 has g = -0.1.
        //   beta2 = 0:    m = 0.5 (the last gradient), c = 0.2 > 0, so x = -0.05 - 0.3 = -0.35;
        //   beta2 = 0.99: m = 0.005, c = -0.0475 < 0, so x = -0.05 + 0.3 = 0.25.
        assertEquals(-0.35, steps("lion(lr=0.3, beta1=0.5, beta2=0)", 0.25, 2)[1], EXACT);
        assertEquals(0.25, steps("lion(lr=0.3, beta1=0.5, beta2=0.99)", 0.25, 2)[1], EXACT);
    }

    @Test
    void weightDecayIsDecoupledFromTheSign() {
        // x <- x - lr (sign(c) + lambda x) = 1 - 0.1 (1 + 0.5) = 0.85
        assertEquals(0.85, steps("lion(lr=0.1, weightDecay=0.5)", 1, 1)[0], EXACT);
    }

    @Test
    void lionChainsWithTheLibrarysTransformsAndSavesItsMomentum() {
        // clipping rescales g but not its sign, so the first step is the same
        assertEquals(0.9, steps("chain(clip(norm=0.001), lion(lr=0.1))", 1, 1)[0], EXACT);
        double[] x = {0.25};
        OptimizerState run = Optimizers.parse("lion(lr=0.3, beta1=0.99)").start(1);
        run.step(SQUARE, x);
        OptimizerState resumed = Optimizers.parse("lion(lr=0.3, beta1=0.99)").restore(run.save());
        resumed.step(SQUARE, x);
        assertEquals(-0.35, x[0], EXACT);
    }
}
