package dev.fluxion.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link EngineBenchmark}'s run loop against its bare loop by the thread's CPU time, one thread, for a machine that
 * other work loads: the two loops alternate in rounds (each round one call of each, 200 runs of 1000 gd steps), after
 * 300 rounds to warm up, and the CPU time of the calling thread does not count the time it waited for a core. It
 * prints the median and the tenth percentile of each loop's rounds and the ratio of the medians, the run loop's cost
 * over the steps alone (the engine's workers add nothing measurable to it on one thread; the engine's 2-thread
 * speed-up needs wall time on two free cores, so JMH on a quiet machine):
 * <pre>
 * java -XX:InlineSmallCode=6000 -cp benchmarks/target/benchmarks.jar dev.fluxion.benchmarks.RunLoopCpuTime [rounds]
 * </pre>
 * (default 300 rounds).
 */
public final class RunLoopCpuTime {
    /** Where each round's result goes, so that the JIT keeps the work. */
    private static volatile double sink;

    private RunLoopCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        EngineBenchmark benchmark = new EngineBenchmark();
        benchmark.setUp();
        for (int k = 0; k < 300; k++) {
            sink = benchmark.bareLoop();
            sink = benchmark.runLoopOnly();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] bare = new double[rounds];
        double[] runLoop = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            sink = benchmark.bareLoop();
            long middle = threads.getCurrentThreadCpuTime();
            sink = benchmark.runLoopOnly();
            long end = threads.getCurrentThreadCpuTime();
            bare[r] = (middle - start) / 1e6;
            runLoop[r] = (end - middle) / 1e6;
        }
        Arrays.sort(bare);
        Arrays.sort(runLoop);
        System.out.printf("bare loop: median %.3f ms, p10 %.3f ms; run loop: median %.3f ms, p10 %.3f ms; "
                        + "run loop / bare loop (medians) %.3f (%d rounds)%n", bare[rounds / 2], bare[rounds / 10],
                runLoop[rounds / 2], runLoop[rounds / 10], runLoop[rounds / 2] / bare[rounds / 2], rounds);
    }
}
