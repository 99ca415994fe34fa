package dev.fluxion.benchmarks;

import dev.fluxion.dsl.Objective;
import dev.fluxion.lab.engine.Engine;
import dev.fluxion.lab.engine.RunLoop;
import dev.fluxion.lab.engine.RunSpec;
import dev.fluxion.lab.engine.TracePolicy;
import dev.fluxion.optimizers.OptimizerState;
import dev.fluxion.optimizers.StepInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * {@link EngineBenchmark}'s loops by the thread's CPU time, for a machine that other work loads (the CPU time of the
 * calling thread does not count the time it waited for a core): the 200 runs of 1000 gd steps four ways, in one JVM,
 * in turn, after 300 rounds of each to warm up: the bare loop ({@link EngineBenchmark#bareRun}); the bare loop with the
 * run loop's per-step work written into it by hand (the least a run loop that keeps the lab's promises does: x_k kept
 * for the run's last point, f, ||grad f|| and the evaluation count read from the step's report, the trace's kept points
 * under the default log schedule with their step lengths, and the four comparisons that tell whether a step may end
 * the run, with the targets they reach); {@link RunLoop#execute}; and the engine on one thread
 * ({@link Engine#forEachResult}, which computes on the caller's thread, so its CPU time is all the work). It prints the
 * medians of each block of 50 rounds (so that a slow spell of the machine shows as slow blocks rather than hiding in
 * the overall median), then each loop's median round and its ratio to the bare loop:
 * <pre>
 * java -XX:InlineSmallCode=6000 -cp benchmarks/target/benchmarks.jar dev.fluxion.benchmarks.RunLoopCpuTime [rounds]
 * </pre>
 * (default 300 rounds; the JIT option is the lab's, see {@link EngineBenchmark}; {@code taskset -c 1} in front pins
 * the JVM to one core). The hand-written bookkeeping has no set-up beyond its arrays, no result object, no
 * cancellation or time-limit checks and no engine. It is not a floor the run loop can reach: its x is an array it
 * allocates itself, with every use inlined, so the JIT keeps x in registers from step to step, where the bare loop and
 * the run loop read it back from memory (benchmarks/README.md, "The engine's rows on this machine").
 */
public final class RunLoopCpuTime {
    /** Where each round's result goes, so that the JIT keeps the work. */
    private static volatile double sink;
    /** Where each run's trace goes, as the run loop's goes into its result. */
    private static volatile Object trace;

    /** |f| above this is a divergence (the budget's default). */
    private static final double DIVERGENCE_BOUND = 1e100;
    /** ||grad f|| at most this starts counting still steps (the budget's default). */
    private static final double STALL_GRADIENT = 1e-10;

    private RunLoopCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        EngineBenchmark benchmark = new EngineBenchmark();
        benchmark.setUp();
        long[] kept = logSchedule(EngineBenchmark.STEPS);
        double[] targets = benchmark.runs.get(0).getBudget().getTargets().stream().mapToDouble(Double::doubleValue)
                .toArray();
        double minimum = benchmark.landscape.facts().minimum().orElseThrow();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] names = {"bare loop", "bookkeeping by hand", "run loop", "engine, 1 thread"};
        double[][] times = new double[names.length][rounds];
        System.out.println("medians of blocks of " + BLOCK + " rounds, ms: " + String.join(" / ", names));
        for (int r = -300; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            sink = benchmark.bareLoop();
            long bare = threads.getCurrentThreadCpuTime();
            sink = bookkeptLoop(benchmark, kept, targets, minimum);
            long bookkept = threads.getCurrentThreadCpuTime();
            sink = benchmark.runLoopOnly();
            long runLoop = threads.getCurrentThreadCpuTime();
            sink = benchmark.engineOneThread();
            long engine = threads.getCurrentThreadCpuTime();
            if (r >= 0) {
                times[0][r] = (bare - start) / 1e6;
                times[1][r] = (bookkept - bare) / 1e6;
                times[2][r] = (runLoop - bookkept) / 1e6;
                times[3][r] = (engine - runLoop) / 1e6;
                if ((r + 1) % BLOCK == 0) {
                    StringBuilder block = new StringBuilder();
                    for (double[] t : times) {
                        block.append(String.format(" %.3f", Median.of(Arrays.copyOfRange(t, r + 1 - BLOCK, r + 1))));
                    }
                    System.out.println("rounds " + (r + 2 - BLOCK) + " to " + (r + 1) + ":" + block);
                }
            }
        }
        double bare = Median.of(times[0]);
        StringBuilder all = new StringBuilder("medians of " + rounds + " rounds: bare loop " + String.format("%.3f ms", bare));
        for (int i = 1; i < names.length; i++) {
            double t = Median.of(times[i]);
            all.append(String.format(", %s %.3f ms (%.3f)", names[i], t, t / bare));
        }
        System.out.println(all);
    }

    /** Rounds per printed block. */
    private static final int BLOCK = 50;


    /** The kept steps of the lab's default trace policy ({@link TracePolicy#LOG}) up to {@code maxSteps}. */
    static long[] logSchedule(long maxSteps) {
        long[] steps = new long[(int) maxSteps + 1];
        int count = 0;
        for (long k = 0; k <= maxSteps; k = TracePolicy.LOG.next(k)) {
            steps[count++] = k;
        }
        return Arrays.copyOf(steps, count);
    }

    private static double bookkeptLoop(EngineBenchmark benchmark, long[] kept, double[] targets, double minimum) {
        double sum = 0;
        for (RunSpec run : benchmark.runs) {
            sum += bookkeptRun(run, benchmark, benchmark.landscape.confinedObjective(), kept, targets, minimum);
        }
        return sum;
    }

    /** {@link EngineBenchmark#bareRun} with the run loop's per-step work by hand; returns f at the last point. */
    private static double bookkeptRun(RunSpec run, EngineBenchmark benchmark, Objective objective, long[] kept,
                                      double[] targets, double minimum) {
        List<Double> start = run.getStart();
        double[] x = {start.get(0), start.get(1)};
        double[] previous = x.clone();
        int capacity = kept.length + 1;
        long[] traceSteps = new long[capacity];
        double[] values = new double[capacity];
        double[] gradientNorms = new double[capacity];
        double[] stepLengths = new double[capacity];
        double[] positions = new double[2 * capacity];
        int size = 0;
        long nextKept = 0;
        long cost = 0;
        long mayEnd = 0;
        int reached = 0;
        double nextTarget = targets.length > 0 ? targets[0] : Double.NEGATIVE_INFINITY;
        OptimizerState state = benchmark.optimizer.start(2);
        for (int k = 0; k < EngineBenchmark.STEPS; k++) {
            previous[0] = x[0];
            previous[1] = x[1];
            StepInfo info = state.step(objective, x);
            double f = info.value();
            double gradientNorm = info.gradientNorm();
            cost = info.evaluationCost(2);
            if (k >= nextKept) {
                traceSteps[size] = k;
                values[size] = f;
                gradientNorms[size] = gradientNorm;
                stepLengths[size] = info.stepLength();
                positions[2 * size] = previous[0];
                positions[2 * size + 1] = previous[1];
                size++;
                nextKept = size < kept.length ? kept[size] : Long.MAX_VALUE;
            }
            if (!(Math.abs(f) <= DIVERGENCE_BOUND) || f - minimum <= nextTarget || gradientNorm <= STALL_GRADIENT) {
                mayEnd++; // the run loop's verdict: here, only targets are ever reached
                while (reached < targets.length && f - minimum <= targets[reached]) {
                    reached++;
                }
                nextTarget = reached < targets.length ? targets[reached] : Double.NEGATIVE_INFINITY;
            }
        }
        trace = new Object[] {traceSteps, values, gradientNorms, stepLengths, positions};
        return objective.value(x) + mayEnd + cost + size;
    }
}
