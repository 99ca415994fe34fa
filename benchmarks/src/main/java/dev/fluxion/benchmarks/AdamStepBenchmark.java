package dev.fluxion.benchmarks;

import dev.fluxion.dsl.Objective;
import dev.fluxion.optimizers.OptimizerState;
import dev.fluxion.optimizers.Optimizers;
import java.util.Arrays;
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
 * One step of Adam on 10^6 parameters, gradient included: the optimizers module's transform chain
 * ({@code adam(lr=0.001)}) against a hand-written fused loop doing the same arithmetic, on the same objective
 * f(x) = (1/2) sum d_i x_i^2 with d_i in [1, 2].
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AdamStepBenchmark {
    static final int N = 1_000_000;
    private static final double LEARNING_RATE = 1e-3;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    /** f(x) = (1/2) sum d_i x_i^2, written by hand so both sides pay the same for the gradient. */
    static final class DiagonalQuadratic implements Objective {
        private final double[] curvature;

        DiagonalQuadratic(int n) {
            curvature = new double[n];
            for (int i = 0; i < n; i++) {
                curvature[i] = 1 + (double) i / n;
            }
        }

        @Override
        public int dimension() {
            return curvature.length;
        }

        @Override
        public double value(double[] x) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += curvature[i] * x[i] * x[i];
            }
            return 0.5 * sum;
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                double g = curvature[i] * x[i];
                gradient[i] = g;
                sum += g * x[i];
            }
            return 0.5 * sum;
        }
    }

    private DiagonalQuadratic objective;
    private OptimizerState chain;
    private double[] chainX;
    private double[] fusedX;
    private double[] gradient;
    private double[] firstMoment;
    private double[] secondMoment;
    private long fusedSteps;

    @Setup
    public void setUp() {
        objective = new DiagonalQuadratic(N);
        chain = Optimizers.adam().lr(LEARNING_RATE).start(N);
        chainX = new double[N];
        fusedX = new double[N];
        Arrays.fill(chainX, 1.0);
        Arrays.fill(fusedX, 1.0);
        gradient = new double[N];
        firstMoment = new double[N];
        secondMoment = new double[N];
        fusedSteps = 0;
    }

    @Benchmark
    public double chainStep() {
        return chain.step(objective, chainX).value();
    }

    /** Adam (Kingma and Ba 2015, Algorithm 1) in one loop over the parameters after the gradient. */
    @Benchmark
    public double fusedStep() {
        double value = objective.valueAndGradient(fusedX, gradient);
        long t = ++fusedSteps;
        double correction1 = 1 - Math.pow(BETA1, t);
        double correction2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < N; i++) {
            double g = gradient[i];
            double m = BETA1 * firstMoment[i] + (1 - BETA1) * g;
            double v = BETA2 * secondMoment[i] + (1 - BETA2) * g * g;
            firstMoment[i] = m;
            secondMoment[i] = v;
            fusedX[i] -= LEARNING_RATE * (m / correction1) / (Math.sqrt(v / correction2) + EPSILON);
        }
        return value;
    }
}
