package dev.fluxion.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * A timed comparison in one process of {@link EngineBenchmark}'s three variants, for machines too busy for JMH's
 * consecutive forks: rounds of (bare loop, engine on 1 thread, engine on 2 threads) in turn, so that load from
 * elsewhere falls on all three alike, after a warm-up of the same rounds. For each it prints the minimum and the
 * median of the wall time and the mean of the process's CPU time (all threads, garbage collection included; after
 * the warm-up the JIT is idle; the operating system counts it in ticks of about 10 ms, so only the mean over many
 * rounds is precise), and the ratios engine / bare loop and 1 thread / 2 threads of each, also as the median of the
 * rounds' own ratios (paired: the variants of a round ran back to back). The minimum wall time is the least disturbed
 * measurement; CPU time does not count the time other processes held the cores, so engine / bare loop in CPU time
 * is the overhead a quiet machine would show, while the 2-thread speed-up can only be seen in wall time, on two
 * cores that are free.
 *
 * <p>{@code java -XX:InlineSmallCode=6000 -cp benchmarks/target/benchmarks.jar dev.fluxion.benchmarks.EngineOverhead
 * [rounds] [warm-up rounds]} (the lab's JIT option, as {@link EngineBenchmark} has it)
 * (default 30 and 15).
 */
public final class EngineOverhead {
    private EngineOverhead() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        EngineBenchmark benchmark = new EngineBenchmark();
        benchmark.setUp();
        DoubleSupplier[] variants = {benchmark::bareLoop, benchmark::engineOneThread, benchmark::engineTwoThreads};
        String[] names = {"bare loop", "engine, 1 thread", "engine, 2 threads"};
        double[][] wall = new double[variants.length][rounds];
        double[][] cpu = new double[variants.length][rounds];
        double sink = 0;
        for (int round = -warmUp; round < rounds; round++) {
            for (int v = 0; v < variants.length; v++) {
                long cpuStart = os.getProcessCpuTime();
                long start = System.nanoTime();
                sink += variants[v].getAsDouble();
                long end = System.nanoTime();
                long cpuEnd = os.getProcessCpuTime();
                if (round >= 0) {
                    wall[v][round] = (end - start) / 1e6;
                    cpu[v][round] = (cpuEnd - cpuStart) / 1e6;
                }
            }
        }
        double[][] wallStats = new double[variants.length][];
        double[][] cpuStats = new double[variants.length][];
        for (int v = 0; v < variants.length; v++) {
            wallStats[v] = minimumAndMedian(wall[v]);
            cpuStats[v] = new double[] {Arrays.stream(cpu[v]).average().orElse(Double.NaN)};
            System.out.printf(Locale.ROOT, "%-18s wall min %8.2f median %8.2f ms   cpu mean %8.2f ms%n",
                    names[v], wallStats[v][0], wallStats[v][1], cpuStats[v][0]);
        }
        System.out.printf(Locale.ROOT, "engine / bare loop (1 thread): wall min %.3f median %.3f   cpu mean %.3f"
                        + "   paired wall, median of rounds %.3f%n",
                wallStats[1][0] / wallStats[0][0], wallStats[1][1] / wallStats[0][1], cpuStats[1][0] / cpuStats[0][0],
                medianOfRatios(wall[1], wall[0]));
        System.out.printf(Locale.ROOT, "1 thread / 2 threads:          wall min %.3f median %.3f   cpu mean %.3f"
                        + "   paired wall, median of rounds %.3f%n",
                wallStats[1][0] / wallStats[2][0], wallStats[1][1] / wallStats[2][1], cpuStats[1][0] / cpuStats[2][0],
                medianOfRatios(wall[1], wall[2]));
        System.out.printf(Locale.ROOT, "(%d rounds after %d of warm-up; checksum %.6e)%n", rounds, warmUp, sink);
    }

    /**
     * The median over rounds of a[r] / b[r]: each round's two variants ran back to back, so a slow spell of the
     * machine (on ours, the same loop's time swings by 2x between iterations) falls on both sides of a ratio.
     */
    private static double medianOfRatios(double[] a, double[] b) {
        double[] ratios = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            ratios[r] = a[r] / b[r];
        }
        return minimumAndMedian(ratios)[1];
    }

    private static double[] minimumAndMedian(double[] values) {
        return new double[] {Arrays.stream(values).min().orElse(Double.NaN), Median.of(values)};
    }
}
