package dev.fluxion.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * A timed comparison in one process of {@link EngineBenchmark}'s three variants, for machines too busy for JMH's
 * consecutive forks: rounds of (bare loop, engine on 1 thread, engine on 2 threads) in turn, so that load from
 * elsewhere falls on all three alike, after a warm-up of the same rounds. Prints the minimum and median time of
 * each, engine / bare loop and 1 thread / 2 threads from both. The minimum is the least disturbed measurement.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.fluxion.benchmarks.EngineOverhead [rounds] [warm-up rounds]}
 * (default 30 and 15).
 */
public final class EngineOverhead {
    private EngineOverhead() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        EngineBenchmark benchmark = new EngineBenchmark();
        benchmark.setUp();
        DoubleSupplier[] variants = {benchmark::bareLoop, benchmark::engineOneThread, benchmark::engineTwoThreads};
        String[] names = {"bare loop", "engine, 1 thread", "engine, 2 threads"};
        double[][] millis = new double[variants.length][rounds];
        double sink = 0;
        for (int round = -warmUp; round < rounds; round++) {
            for (int v = 0; v < variants.length; v++) {
                long start = System.nanoTime();
                sink += variants[v].getAsDouble();
                double elapsed = (System.nanoTime() - start) / 1e6;
                if (round >= 0) {
                    millis[v][round] = elapsed;
                }
            }
        }
        double[] minimum = new double[variants.length];
        double[] median = new double[variants.length];
        for (int v = 0; v < variants.length; v++) {
            double[] sorted = millis[v].clone();
            Arrays.sort(sorted);
            minimum[v] = sorted[0];
            median[v] = rounds % 2 == 1 ? sorted[rounds / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
            System.out.printf(Locale.ROOT, "%-18s min %8.2f ms   median %8.2f ms   (%d rounds)%n", names[v], minimum[v],
                    median[v], rounds);
        }
        System.out.printf(Locale.ROOT, "engine / bare loop (1 thread):  min %.3f   median %.3f%n", minimum[1] / minimum[0],
                median[1] / median[0]);
        System.out.printf(Locale.ROOT, "1 thread / 2 threads:           min %.3f   median %.3f%n", minimum[1] / minimum[2],
                median[1] / median[2]);
        System.out.printf(Locale.ROOT, "(checksum %.6e)%n", sink);
    }
}
