package dev.fluxion.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The ratios of {@link StepFloorBenchmark} by the thread's CPU time rather than JMH's wall-clock time, for a machine
 * that other work loads: there a JMH fork's time depends on how much of the core it was given, and the library and
 * hand-written forks run minutes apart; the CPU time of one thread does not count the time it waited. One case per
 * JVM, as JMH forks (one library loop per JVM keeps its call sites monomorphic), the two loops alternating in rounds
 * of 200 runs after 20,000 runs of each to warm up:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.fluxion.benchmarks.StepFloorCpuTime adam|gd|momentum [rounds]
 * </pre>
 * It prints the fastest and the median round of each loop, in us per run of {@value StepFloorBenchmark#STEPS}
 * steps, the ratio of the fastest rounds and the median of the rounds' ratios. The case {@code adam1e6} times
 * {@link AdamStepBenchmark}'s two steps on 10^6 parameters the same way, in rounds of 20 steps after 300 of each
 * (the moments and x go on from round to round, as in JMH's iterations), in us per step.
 */
public final class StepFloorCpuTime {
    /** Where each run's result goes, so that the JIT keeps the work. */
    private static volatile Object sink;

    private StepFloorCpuTime() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || !Arrays.asList("adam", "gd", "momentum", "adam1e6").contains(args[0])) {
            throw new IllegalArgumentException("usage: StepFloorCpuTime adam|gd|momentum|adam1e6 [rounds]");
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        boolean large = args[0].equals("adam1e6");
        int calls = large ? 20 : 200;
        int warmUp = large ? 300 : 20_000;
        Supplier<Object> library;
        Supplier<Object> handWritten;
        if (large) {
            AdamStepBenchmark a = new AdamStepBenchmark();
            a.setUp();
            library = a::chainStep;
            handWritten = a::fusedStep;
        } else {
            StepFloorBenchmark b = new StepFloorBenchmark();
            b.setUp();
            library = switch (args[0]) {
                case "adam" -> b::adamRosenbrockLibrary;
                case "gd" -> b::gdQuadraticLibrary;
                default -> b::momentumBealeLibrary;
            };
            handWritten = switch (args[0]) {
                case "adam" -> b::adamRosenbrockHandWritten;
                case "gd" -> b::gdQuadraticHandWritten;
                default -> b::momentumBealeHandWritten;
            };
        }
        for (int k = 0; k < warmUp; k++) {
            sink = library.get();
            sink = handWritten.get();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] libraryTimes = new double[rounds];
        double[] handTimes = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < calls; k++) {
                sink = library.get();
            }
            long middle = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < calls; k++) {
                sink = handWritten.get();
            }
            long end = threads.getCurrentThreadCpuTime();
            libraryTimes[r] = (middle - start) / 1e3 / calls;
            handTimes[r] = (end - middle) / 1e3 / calls;
            ratios[r] = libraryTimes[r] / handTimes[r];
        }
        Arrays.sort(libraryTimes);
        Arrays.sort(handTimes);
        Arrays.sort(ratios);
        System.out.printf("%s: library fastest %.2f median %.2f us, hand-written fastest %.2f median %.2f us,"
                        + " ratio of the fastest %.3f, median ratio %.3f (%d rounds of %d calls)%n", args[0],
                libraryTimes[0], libraryTimes[rounds / 2], handTimes[0], handTimes[rounds / 2],
                libraryTimes[0] / handTimes[0], ratios[rounds / 2], rounds, calls);
    }
}
