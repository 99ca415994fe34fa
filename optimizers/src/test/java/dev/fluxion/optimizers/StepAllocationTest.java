package dev.fluxion.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.dsl.Objective;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A step of a first-order optimizer allocates nothing: measured with the JVM's per-thread allocation counter
 * after warm-up, on a hand-written objective that itself allocates nothing. Also prints the time of an Adam step
 * on 10^6 parameters beside a hand-written fused Adam loop (figures for the note; the JMH benchmark belongs to
 * the benchmarks module).
 */
class StepAllocationTest {
    private static final int N = 1_000_000;

    /** f(x) = sum_i (1 + i mod 7) x_i^2 / 2. */
    private static final class DiagonalQuadratic implements Objective {
        private final int n;

        DiagonalQuadratic(int n) {
            this.n = n;
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public double value(double[] x) {
            double f = 0;
            for (int i = 0; i < n; i++) {
                f += 0.5 * (1 + i % 7) * x[i] * x[i];
            }
            return f;
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            double f = 0;
            for (int i = 0; i < n; i++) {
                double a = 1 + i % 7;
                gradient[i] = a * x[i];
                f += 0.5 * a * x[i] * x[i];
            }
            return f;
        }
    }

    /** The bytes this thread allocates in the next {@code steps} steps of {@code run}, less the counter's own. */
    private static long bytesAllocatedBySteps(int steps, OptimizerState run, Objective f, double[] x) {
        long baseline = allocatedBytes();
        long overhead = allocatedBytes() - baseline;
        long before = allocatedBytes();
        for (int k = 0; k < steps; k++) {
            run.step(f, x);
        }
        return allocatedBytes() - before - overhead;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void firstOrderStepsAllocateNothing() {
        Objective f = new DiagonalQuadratic(1000);
        for (String spec : List.of("gd(lr=0.01)", "momentum(lr=0.01, momentum=0.9)", "nesterov(lr=0.01, momentum=0.9)",
                "adam(lr=0.01)", "adamw(lr=0.01)", "amsgrad(lr=0.01)", "rmsprop(lr=0.01, centered=true)",
                "adagrad(lr=0.01)", "nadam(lr=0.01)", "nadam(lr=0.01, momentumSchedule=false)", "radam(lr=0.01)",
                "adamax(lr=0.01)", "adabelief(lr=0.01)", "yogi(lr=0.01)", "chain(clip(norm=1), clipValue(value=0.5), weightDecay(rate=0.1), adam(lr=0.01))",
                "adam(lr=warmup(steps=10, then=cosine(init=0.01, steps=1000)))")) {
            double[] x = new double[1000];
            java.util.Arrays.fill(x, 1.0);
            OptimizerState run = Optimizers.parse(spec).start(x.length);
            for (int k = 0; k < 20_000; k++) {
                run.step(f, x);
            }
            long allocated = bytesAllocatedBySteps(1000, run, f, x);
            assertEquals(0, allocated, spec + " allocated " + allocated + " bytes in 1000 steps");
        }
    }

    /**
     * Without warm-up too: a benchmark of 10^6 parameters takes only hundreds of steps, too few for the JIT to
     * compile (and remove the allocations of) everything a step calls, as it had not for {@code StrictMath.pow}
     * in Adam's bias correction (96 bytes a call until compiled). Counted over steps 2 to 501: the JIT's switches
     * from interpreted to compiled loops (on-stack replacement) allocate a few hundred bytes once, on this thread,
     * at steps that move with the machine's timing (seen: 72 to 928 bytes in all, with or without the step's own
     * code changing), while anything the step itself allocates, 16 bytes or more a time, would add at least
     * 8,000 bytes; the bound, 4,000 bytes, tells the two apart.
     */
    @Test
    void adamStepsAllocateNothingFromTheFirstSteps() {
        Objective f = new DiagonalQuadratic(100_000);
        for (String spec : List.of("adam(lr=0.01)", "amsgrad(lr=0.01)", "chain(clip(norm=1), adam(lr=0.01))")) {
            double[] x = new double[100_000];
            java.util.Arrays.fill(x, 1.0);
            OptimizerState run = Optimizers.parse(spec).start(x.length);
            run.step(f, x);
            long allocated = bytesAllocatedBySteps(500, run, f, x);
            assertTrue(allocated < 4000, spec + " allocated " + allocated + " bytes in its steps 2 to 501");
        }
    }

    @Test
    void adamChainMatchesAFusedLoopOnAMillionParameters() {
        Objective f = new DiagonalQuadratic(N);
        double[] x = new double[N];
        java.util.Arrays.fill(x, 1.0);
        OptimizerState run = Optimizers.adam().lr(1e-3).start(N);

        double[] y = new double[N];
        java.util.Arrays.fill(y, 1.0);
        double[] g = new double[N];
        double[] m = new double[N];
        double[] v = new double[N];
        long[] fusedStep = {0};
        Runnable fused = () -> {
            f.valueAndGradient(y, g);
            double t = ++fusedStep[0];
            double c1 = 1 - StrictMath.pow(0.9, t);
            double c2 = 1 - StrictMath.pow(0.999, t);
            for (int i = 0; i < N; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                y[i] -= 1e-3 * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
            }
        };
        for (int k = 0; k < 60; k++) {
            run.step(f, x);
            fused.run();
        }
        // both compute Adam's iterates; the chain rounds m/c1 and the step in the same order as the fused loop
        for (int i = 0; i < N; i += 99_991) {
            assertEquals(y[i], x[i], 1e-12 * Math.abs(y[i]) + 1e-15);
        }
    }
}
