package dev.fluxion.benchmarks;

import dev.fluxion.dsl.Objective;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.landscapes.LandscapeRegistry;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.OptimizerState;
import dev.fluxion.optimizers.Optimizers;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole optimizer step on a two-dimensional landscape, gradient and update, against its floor (issue 15): each
 * call is one run of {@value #STEPS} steps from the landscape's default start, through the public API as a user
 * calls it ({@link Landscape#confinedObjective()} and {@link Optimizer#start(int)} once per run, then
 * {@link OptimizerState#step(Objective, double[])}), or as a hand-written loop of the same mathematics on local
 * variables: the landscape's gradient by hand and the optimizer's update with the same hyperparameters and
 * formulation. Both return the final x. The cases:
 * <ul>
 *   <li>{@code adam(lr=0.01)} on {@code rosenbrock(dim=2)} from (-1.2, 1): with t = k + 1,
 *       m &lt;- beta1 m + (1 - beta1) g, v &lt;- beta2 v + (1 - beta2) g^2,
 *       x &lt;- x - lr (m / c1_t) / (sqrt(v / c2_t) + eps), c_t = 1 - beta^t (Kingma and Ba 2015, Algorithm 1, the
 *       library's default formulation), on grad f = (2 (x0 - 1) - 400 x0 (x1 - x0^2), 200 (x1 - x0^2));</li>
 *   <li>{@code gd(lr=0.01)} on {@code quadratic(dim=2, kappa=10)} (rotated, seed 0) from x* + (3, 3):
 *       x &lt;- x - lr A (x - x*), with A and x* read from the landscape (its Hessian and its minimizer);</li>
 *   <li>{@code momentum(lr=0.01, momentum=0.9)} on {@code beale} from (1, 1): v &lt;- beta v - lr g, x &lt;- x + v
 *       (Polyak 1964, the library's default {@code lrInBuffer=true}).</li>
 * </ul>
 *
 * <p>The hand-written gradients follow the compiled tape's order of operations, and Adam's bias corrections are
 * 1 - beta^t with beta^t correctly rounded, as the library's are, taken from a table made once per trial (a load
 * per step, as cheap as a running product, which would differ in the last bits). The quadratic's gradient is A d with
 * d = x - x*, summed in index order, which is what the generated kernel computes for a quadratic form whose matrix is
 * exactly symmetric (dsl's {@code SymmetricForms}). So all three runs end at the library's x bit for bit;
 * {@code StepFloorBenchmarkTest} checks it. The floors compute no f, which no update here reads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StepFloorBenchmark {
    static final int STEPS = 1000;

    static final double ADAM_LEARNING_RATE = 0.01;
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;
    static final String ADAM = "adam(lr=" + ADAM_LEARNING_RATE + ")";
    static final String ROSENBROCK = "rosenbrock(dim=2)";

    static final double GD_LEARNING_RATE = 0.01;
    static final String GD = "gd(lr=" + GD_LEARNING_RATE + ")";
    static final String QUADRATIC = "quadratic(dim=2, kappa=10)";

    static final double MOMENTUM_LEARNING_RATE = 0.01;
    static final double MOMENTUM = 0.9;
    static final String HEAVY_BALL = "momentum(lr=" + MOMENTUM_LEARNING_RATE + ", momentum=" + MOMENTUM + ")";
    static final String BEALE = "beale";

    Landscape rosenbrock;
    Landscape quadratic;
    Landscape beale;
    Optimizer adam;
    Optimizer gd;
    Optimizer momentum;
    double[] rosenbrockStart;
    double[] quadraticStart;
    double[] bealeStart;
    /** The rotated quadratic's A (symmetric) and minimizer x*. */
    double a00;
    double a01;
    double a11;
    double centre0;
    double centre1;
    /** 1 - beta1^t and 1 - beta2^t for t = 1 .. STEPS, at index t - 1. */
    double[] firstCorrections;
    double[] secondCorrections;

    @Setup
    public void setUp() {
        LandscapeRegistry landscapes = LandscapeRegistry.standard();
        rosenbrock = landscapes.create(ROSENBROCK);
        quadratic = landscapes.create(QUADRATIC);
        beale = landscapes.create(BEALE);
        adam = Optimizers.parse(ADAM);
        gd = Optimizers.parse(GD);
        momentum = Optimizers.parse(HEAVY_BALL);
        rosenbrockStart = rosenbrock.facts().start();
        quadraticStart = quadratic.facts().start();
        bealeStart = beale.facts().start();
        double[] centre = quadratic.facts().globalMinimizers().get(0);
        centre0 = centre[0];
        centre1 = centre[1];
        double[][] hessian = new double[2][2];
        quadratic.objective().hessian(centre, hessian);
        a00 = hessian[0][0];
        a01 = hessian[0][1];
        a11 = hessian[1][1];
        firstCorrections = biasCorrections(BETA1, STEPS);
        secondCorrections = biasCorrections(BETA2, STEPS);
    }

    /**
     * 1 - beta^t for t = 1 .. steps, beta^t correctly rounded: the product is carried to 120 digits, far more
     * than a double's rounding needs.
     */
    static double[] biasCorrections(double beta, int steps) {
        MathContext digits = new MathContext(120);
        BigDecimal base = new BigDecimal(beta);
        BigDecimal power = BigDecimal.ONE;
        double[] corrections = new double[steps];
        for (int t = 1; t <= steps; t++) {
            power = power.multiply(base, digits);
            corrections[t - 1] = 1 - power.doubleValue();
        }
        return corrections;
    }

    /** One run as a user writes it: an objective and an optimizer state of the run's own, then the steps. */
    static double[] libraryRun(Optimizer optimizer, Landscape landscape, double[] start) {
        Objective objective = landscape.confinedObjective();
        double[] x = start.clone();
        OptimizerState state = optimizer.start(x.length);
        for (int k = 0; k < STEPS; k++) {
            state.step(objective, x);
        }
        return x;
    }

    @Benchmark
    public double[] adamRosenbrockLibrary() {
        return libraryRun(adam, rosenbrock, rosenbrockStart);
    }

    @Benchmark
    public double[] adamRosenbrockHandWritten() {
        double x0 = rosenbrockStart[0];
        double x1 = rosenbrockStart[1];
        double m0 = 0;
        double m1 = 0;
        double v0 = 0;
        double v1 = 0;
        for (int k = 0; k < STEPS; k++) {
            double valley = x1 - x0 * x0;
            double g1 = 200 * valley;
            double g0 = 2 * (x0 - 1) - 2 * x0 * g1;
            double c1 = firstCorrections[k];
            double c2 = secondCorrections[k];
            m0 = BETA1 * m0 + (1 - BETA1) * g0;
            m1 = BETA1 * m1 + (1 - BETA1) * g1;
            v0 = BETA2 * v0 + (1 - BETA2) * g0 * g0;
            v1 = BETA2 * v1 + (1 - BETA2) * g1 * g1;
            x0 += -ADAM_LEARNING_RATE * ((m0 / c1) / (Math.sqrt(v0 / c2) + EPSILON));
            x1 += -ADAM_LEARNING_RATE * ((m1 / c1) / (Math.sqrt(v1 / c2) + EPSILON));
        }
        return new double[] {x0, x1};
    }

    @Benchmark
    public double[] gdQuadraticLibrary() {
        return libraryRun(gd, quadratic, quadraticStart);
    }

    @Benchmark
    public double[] gdQuadraticHandWritten() {
        double x0 = quadraticStart[0];
        double x1 = quadraticStart[1];
        double a00 = this.a00;
        double a01 = this.a01;
        double a11 = this.a11;
        for (int k = 0; k < STEPS; k++) {
            double d0 = x0 - centre0;
            double d1 = x1 - centre1;
            double g0 = a00 * d0 + a01 * d1;
            double g1 = a01 * d0 + a11 * d1;
            x0 -= GD_LEARNING_RATE * g0;
            x1 -= GD_LEARNING_RATE * g1;
        }
        return new double[] {x0, x1};
    }

    @Benchmark
    public double[] momentumBealeLibrary() {
        return libraryRun(momentum, beale, bealeStart);
    }

    /** t_k = c_k - x + x y^k, a_k = 2 t_k: df/dx = sum a_k (y^k - 1), df/dy = sum a_k k x y^(k-1). */
    @Benchmark
    public double[] momentumBealeHandWritten() {
        double x = bealeStart[0];
        double y = bealeStart[1];
        double velocityX = 0;
        double velocityY = 0;
        for (int k = 0; k < STEPS; k++) {
            double y2 = y * y;
            double y3 = y2 * y;
            double a1 = 2 * (1.5 - x + x * y);
            double a2 = 2 * (2.25 - x + x * y2);
            double a3 = 2 * (2.625 - x + x * y3);
            double gx = a3 * y3 - a3 + a2 * y2 - a2 + a1 * y - a1;
            double gy = a3 * x * (3 * y2) + 2 * (a2 * x) * y + a1 * x;
            velocityX = MOMENTUM * velocityX - MOMENTUM_LEARNING_RATE * gx;
            velocityY = MOMENTUM * velocityY - MOMENTUM_LEARNING_RATE * gy;
            x += velocityX;
            y += velocityY;
        }
        return new double[] {x, y};
    }
}
