package dev.fluxion.benchmarks;

import dev.fluxion.dsl.tape.CompiledExpression;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The row "compiled vg / analytic vg, scalar-built Rosenbrock n=1000" of {@link RosenbrockGradientBenchmark} by the
 * thread's CPU time, for a machine that other work loads: the compiled value and gradient and the hand-written one
 * are called in turn, round after round, in one JVM (run it several times for several JVMs, as JMH's forks):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.fluxion.benchmarks.RosenbrockCpuTime [rounds] [calls per round]
 * </pre>
 * It prints the median round of each in ns per call and their ratio, after a warm-up of 10 s of calls to both.
 */
public final class RosenbrockCpuTime {
    private static final int N = 1000;

    /** Where each call's result goes, so that the JIT keeps the work. */
    private static volatile double sink;

    private RosenbrockCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        CompiledExpression compiled = Rosenbrock.scalarBuilt(N).compile(Rosenbrock.scalarVariableNames(N));
        if (!compiled.isGenerated()) {
            throw new IllegalStateException("scalar-built Rosenbrock n = " + N + " is not on generated code");
        }
        double[] x = Rosenbrock.point(N, 42);
        double[] gradient = new double[N];
        long warmUpEnd = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            for (int k = 0; k < 1_000; k++) {
                sink = compiled.valueAndGradient(x, gradient);
                sink = Rosenbrock.valueAndGradient(x, gradient);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] generated = new double[rounds];
        double[] byHand = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < perRound; k++) {
                sink = compiled.valueAndGradient(x, gradient);
            }
            generated[r] = (threads.getCurrentThreadCpuTime() - start) / (double) perRound;
            start = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < perRound; k++) {
                sink = Rosenbrock.valueAndGradient(x, gradient);
            }
            byHand[r] = (threads.getCurrentThreadCpuTime() - start) / (double) perRound;
        }
        Arrays.sort(generated);
        Arrays.sort(byHand);
        double g = generated[rounds / 2];
        double h = byHand[rounds / 2];
        System.out.printf("compiled vg %.0f ns, analytic vg %.0f ns (medians of %d rounds of %d calls): ratio %.3f%n",
                g, h, rounds, perRound, g / h);
    }
}
