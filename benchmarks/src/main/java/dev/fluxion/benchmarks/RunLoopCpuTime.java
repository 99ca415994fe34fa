package dev.fluxion.benchmarks;

import dev.fluxion.dsl.Objective;
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
 * {@link EngineBenchmark}'s run loop against its bare loop by the thread's CPU time, for a machine that other work
 * loads (the CPU time of the calling thread does not count the time it waited for a core), and how far below the run
 * loop a run loop could go: the 200 runs of 1000 gd steps three ways, in one JVM, in turn, after 300 rounds of each to
 * warm up: the bare loop
 * ({@link EngineBenchmark#bareRun}); the bare loop with the run loop's per-step work written into it by hand (the
 * least a run loop that keeps the lab's promises does: x_k kept for the run's last point, f, ||grad f|| and the
 * evaluation count read from the step's report, the trace's kept points under the default log schedule with their
 * step lengths, and the four comparisons that tell whether a step may end the run, with the targets they reach); and
 * {@link RunLoop#execute}. It prints each one's median round and the two ratios to the bare loop:
 * <pre>
 * java -XX:InlineSmallCode=6000 -cp benchmarks/target/benchmarks.jar dev.fluxion.benchmarks.RunLoopCpuTime [rounds]
 * </pre>
 * (default 300 rounds; the JIT option is the lab's, see {@link EngineBenchmark}). The hand-written bookkeeping has no
 * set-up beyond its arrays, no result object, no cancellation or time-limit checks and no engine: it is a floor for
 * the engine / bare loop row, not a second implementation of the run loop.
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
        double[][] times = new double[3][rounds];
        for (int r = -300; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            sink = benchmark.bareLoop();
            long bare = threads.getCurrentThreadCpuTime();
            sink = bookkeptLoop(benchmark, kept, targets, minimum);
            long bookkept = threads.getCurrentThreadCpuTime();
            sink = benchmark.runLoopOnly();
            long runLoop = threads.getCurrentThreadCpuTime();
            if (r >= 0) {
                times[0][r] = (bare - start) / 1e6;
                times[1][r] = (bookkept - bare) / 1e6;
                times[2][r] = (runLoop - bookkept) / 1e6;
            }
        }
        for (double[] t : times) {
            Arrays.sort(t);
        }
        double bare = times[0][rounds / 2];
        System.out.printf("medians of %d rounds: bare loop %.3f ms, with the bookkeeping by hand %.3f ms (%.3f), "
                        + "run loop %.3f ms (%.3f)%n", rounds, bare, times[1][rounds / 2], times[1][rounds / 2] / bare,
                times[2][rounds / 2], times[2][rounds / 2] / bare);
    }

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
