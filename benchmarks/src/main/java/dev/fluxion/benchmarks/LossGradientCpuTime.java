package dev.fluxion.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * The issue-19 rows "compiled vg / analytic vg on generated code" of the logistic loss and the softmax cross-entropy
 * by the thread's CPU time rather than JMH's wall-clock time, for a machine that other work loads (see
 * {@link StepFloorCpuTime}): the compiled and the hand-written value and gradient of
 * {@link LogisticLossGradientBenchmark} (m = 1000, d = 20) or {@link SoftmaxCrossEntropyGradientBenchmark}
 * (K = 10, d = 20), one case per JVM, alternating in rounds after a warm-up of each:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.fluxion.benchmarks.LossGradientCpuTime softmax|logistic [rounds]
 * </pre>
 * It prints the fastest and the median round of each, in ns per call, the ratio of the fastest rounds and the median
 * of the rounds' ratios.
 */
public final class LossGradientCpuTime {
    /** Where each call's result goes, so that the JIT keeps the work. */
    private static volatile double sink;

    private LossGradientCpuTime() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || !Arrays.asList("softmax", "logistic").contains(args[0])) {
            throw new IllegalArgumentException("usage: LossGradientCpuTime softmax|logistic [rounds]");
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        boolean softmax = args[0].equals("softmax");
        int calls = softmax ? 20_000 : 100;
        int warmUp = softmax ? 200_000 : 3_000;
        DoubleSupplier compiled;
        DoubleSupplier analytic;
        if (softmax) {
            SoftmaxCrossEntropyGradientBenchmark b = new SoftmaxCrossEntropyGradientBenchmark();
            b.setUp();
            compiled = b::compiledValueAndGradient;
            analytic = b::analyticValueAndGradient;
        } else {
            LogisticLossGradientBenchmark b = new LogisticLossGradientBenchmark();
            b.setUp();
            compiled = b::compiledValueAndGradient;
            analytic = b::analyticValueAndGradient;
        }
        for (int k = 0; k < warmUp; k++) {
            sink = compiled.getAsDouble();
            sink = analytic.getAsDouble();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] compiledTimes = new double[rounds];
        double[] analyticTimes = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            compiledTimes[r] = nanosPerCall(threads, compiled, calls);
            analyticTimes[r] = nanosPerCall(threads, analytic, calls);
            ratios[r] = compiledTimes[r] / analyticTimes[r];
        }
        double fastestCompiled = Arrays.stream(compiledTimes).min().orElseThrow();
        double fastestAnalytic = Arrays.stream(analyticTimes).min().orElseThrow();
        System.out.printf("%s, %d rounds of %d calls (thread CPU time, ns per call)%n", args[0], rounds, calls);
        System.out.printf("compiled vg: fastest %.1f, median %.1f%n", fastestCompiled, Median.of(compiledTimes));
        System.out.printf("analytic vg: fastest %.1f, median %.1f%n", fastestAnalytic, Median.of(analyticTimes));
        System.out.printf("compiled / analytic: fastest rounds %.3f, median of the rounds' ratios %.3f%n",
                fastestCompiled / fastestAnalytic, Median.of(ratios));
    }

    private static double nanosPerCall(ThreadMXBean threads, DoubleSupplier call, int calls) {
        long start = threads.getCurrentThreadCpuTime();
        for (int k = 0; k < calls; k++) {
            sink = call.getAsDouble();
        }
        return (threads.getCurrentThreadCpuTime() - start) / (double) calls;
    }

}
