package dev.fluxion.benchmarks;

import dev.fluxion.lab.engine.RunLoop;
import dev.fluxion.lab.engine.RunSpec;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How much a second thread gives {@link EngineBenchmark}'s work on this machine: the 200 runs of 1000 gd steps as the
 * bare loop, as the run loop ({@link RunLoop#execute}) and through the engine, each on one thread and on two (the
 * calling thread and one more, taking the next run not yet taken, as the engine's workers do), by wall time, in turn
 * within one JVM, after as many rounds again to warm up. It prints each variant's median round and the ratio of one
 * thread to two, which is what the engine's second row bounds; the bare loop's ratio is what the machine allows:
 * <pre>
 * java -XX:InlineSmallCode=6000 -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar \
 *     dev.fluxion.benchmarks.ThreadScaling [rounds]
 * </pre>
 * (default 600 rounds; the options are {@link EngineBenchmark}'s forks').
 */
public final class ThreadScaling {
    /** Where each round's result goes, so that the JIT keeps the work. */
    private static volatile double sink;

    private ThreadScaling() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        EngineBenchmark benchmark = new EngineBenchmark();
        benchmark.setUp();
        List<RunSpec> runs = List.copyOf(benchmark.runs);
        ExecutorService second = Executors.newSingleThreadExecutor();
        String[] names = {"bare loop", "run loop", "engine"};
        double[][][] times = new double[names.length][2][rounds];
        for (int r = -rounds; r < rounds; r++) {
            for (int variant = 0; variant < names.length; variant++) {
                for (int threads = 1; threads <= 2; threads++) {
                    long start = System.nanoTime();
                    sink = round(benchmark, runs, variant, threads, second);
                    if (r >= 0) {
                        times[variant][threads - 1][r] = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
        }
        second.shutdown();
        StringBuilder line = new StringBuilder("medians of " + rounds + " rounds, 1 thread / 2 threads:");
        for (int variant = 0; variant < names.length; variant++) {
            double one = Median.of(times[variant][0]);
            double two = Median.of(times[variant][1]);
            line.append(String.format(" %s %.3f / %.3f ms (%.2f);", names[variant], one, two, one / two));
        }
        System.out.println(line);
    }

    /** One round of every run, on [threads] threads; the sum of the final values. */
    private static double round(EngineBenchmark benchmark, List<RunSpec> runs, int variant, int threads,
                                ExecutorService second) throws Exception {
        if (variant == 2) {
            double[] sum = {0};
            (threads == 1 ? benchmark.oneThread : benchmark.twoThreads).forEachResult(runs,
                    result -> sum[0] += result.getFinalValue());
            return sum[0];
        }
        AtomicInteger next = new AtomicInteger();
        Callable<Double> work = () -> {
            double sum = 0;
            for (int i = next.getAndIncrement(); i < runs.size(); i = next.getAndIncrement()) {
                RunSpec run = runs.get(i);
                sum += variant == 0
                        ? EngineBenchmark.bareRun(run, benchmark.optimizer, benchmark.landscape.confinedObjective())
                        : RunLoop.execute(run, benchmark.landscape, benchmark.optimizer).getFinalValue();
            }
            return sum;
        };
        if (threads == 1) {
            return work.call();
        }
        Future<Double> other = second.submit(work);
        double sum = work.call();
        return sum + other.get();
    }

}
