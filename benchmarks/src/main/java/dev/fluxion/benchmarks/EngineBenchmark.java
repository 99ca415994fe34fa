package dev.fluxion.benchmarks;

import dev.fluxion.dsl.Objective;
import dev.fluxion.lab.engine.Budget;
import dev.fluxion.lab.study.CompareStudy;
import dev.fluxion.lab.engine.Engine;
import dev.fluxion.lab.engine.Progress;
import dev.fluxion.lab.engine.RunLoop;
import dev.fluxion.lab.engine.RunSpec;
import dev.fluxion.landscapes.Landscape;
import dev.fluxion.lab.study.StartPlan;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.OptimizerState;
import java.util.List;
import kotlin.Unit;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlin.jvm.functions.Function1;
import kotlinx.coroutines.BuildersKt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The lab engine (issue 6) on a study of {@value #RUNS} identical short runs, gradient descent
 * ({@code gd(lr=0.001)}) for {@value #STEPS} steps on {@code quadratic(dim=2, kappa=10)} from seeded random starts,
 * against a bare loop doing the same optimizer steps on the same objective from the same starts: the optimizer the
 * engine parsed, started afresh per run, {@value #STEPS} calls of {@code state.step(objective, x)} on an objective
 * of the run's own ({@link Landscape#confinedObjective()}, scratch arrays made by the run, as the engine's runs
 * have), then f at the last point (the engine evaluates it too, for its last target check). At
 * this learning rate no run reaches the finest target, so every run, in the engine and in the bare loop, takes
 * exactly {@value #STEPS} steps; {@code EngineBenchmarkTest} checks that both end every run at the same value, bit
 * for bit.
 *
 * <p>engine on 1 thread / bare loop - 1 is the engine's overhead (traces, targets, divergence and stall checks,
 * gradient counting, coroutines, progress events); engine on 1 thread / engine on 2 threads is the throughput
 * gained by a second thread. Both engine variants consume each result as it arrives, as a study does (it stores
 * and drops it), rather than keeping all {@value #RUNS} results until the end.
 *
 * <p>The forks run in a fixed 1 GB heap touched in full at start-up ({@code -XX:+AlwaysPreTouch}). Without it, the
 * engine's and the run loop's allocations (each run's trace and result, about 12 KB) kept reaching heap pages the
 * process had never touched once the collector grew the young generation, and on this machine (a virtual machine)
 * those first touches made whole iterations of the run loop 20% slower (24 ms to 30 ms, with no recompilation and no
 * collection at the jump): a cost of a new process, not of the engine, which a long-running lab pays once.
 *
 * <p>They also run with the lab's JIT option, {@code -XX:InlineSmallCode=6000}, which the {@code fluxion} launcher
 * passes. By default HotSpot inlines a method that already has compiled code of its own only while that code is
 * under 2,500 bytes; the optimizer's step, compiled alone early in a fork, is 4 to 6 kB with the objective's kernel
 * in it, so the loops compiled after it (the engine's and the bare loop alike) called the step instead of inlining
 * it in some forks and not in others ({@code -XX:+PrintInlining}: "already compiled into a big method"), and each
 * variant's time was bimodal from fork to fork. The option applies to every variant, the bare loop included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-XX:InlineSmallCode=6000"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EngineBenchmark {
    static final int RUNS = 200;
    static final int STEPS = 1000;
    static final String OPTIMIZER = "gd(lr=0.001)";
    static final String LANDSCAPE = "quadratic(dim=2, kappa=10)";

    Engine oneThread;
    Engine twoThreads;
    List<RunSpec> runs;
    Optimizer optimizer;
    Landscape landscape;

    @Setup
    public void setUp() {
        oneThread = new Engine(1);
        twoThreads = new Engine(2);
        CompareStudy study = new CompareStudy(List.of(OPTIMIZER), List.of(LANDSCAPE),
                new StartPlan("random:" + RUNS), 1, new Budget(STEPS));
        runs = study.runs(oneThread);
        study.runs(twoThreads);
        optimizer = oneThread.optimizer(runs.get(0).getOptimizerSpec());
        landscape = oneThread.landscape(runs.get(0).getLandscapeSpec());
    }

    /** Every run's final value, summed as the results arrive, so that JIT cannot drop the work. */
    private static double sumOfFinalValues(Engine engine, List<RunSpec> runs) {
        double[] sum = {0};
        engine.forEachResult(runs, result -> sum[0] += result.getFinalValue());
        return sum[0];
    }

    @Benchmark
    public double engineOneThread() {
        return sumOfFinalValues(oneThread, runs);
    }

    @Benchmark
    public double engineTwoThreads() {
        return sumOfFinalValues(twoThreads, runs);
    }

    /**
     * The engine on 1 thread through its suspending API ({@link Engine#forEachFinished} in {@code runBlocking}), the
     * way the CLI's studies call it: the one worker on {@code Dispatchers.Default}, the caller waiting, where
     * {@link Engine#forEachResult} computes on the caller's thread.
     */
    @Benchmark
    public double engineOneThreadSuspending() throws InterruptedException {
        double[] sum = {0};
        Function1<Progress.Finished, Unit> keep = event -> {
            sum[0] += event.getResult().getFinalValue();
            return Unit.INSTANCE;
        };
        BuildersKt.runBlocking(EmptyCoroutineContext.INSTANCE,
                (scope, continuation) -> oneThread.forEachFinished(runs, keep, continuation));
        return sum[0];
    }

    /**
     * The engine's run loop alone ({@link RunLoop#execute}: trace, targets, divergence and stall checks, gradient
     * counting) on the benchmark's thread, without the engine's workers: splits the overhead into the run loop's
     * share and the engine's.
     */
    @Benchmark
    public double runLoopOnly() {
        double sum = 0;
        for (RunSpec run : runs) {
            sum += RunLoop.execute(run, landscape, optimizer).getFinalValue();
        }
        return sum;
    }

    /**
     * The same optimizer steps from the same starts, in a plain loop: no traces, no checks, no coroutines. Each run
     * has its own objective, as in the engine; one objective shared by all runs measured within 1% of this.
     */
    @Benchmark
    public double bareLoop() {
        double sum = 0;
        for (RunSpec run : runs) {
            sum += bareRun(run, optimizer, landscape.confinedObjective());
        }
        return sum;
    }

    /** One run without the engine: {@value #STEPS} steps from the run's start, then f at the last point. */
    static double bareRun(RunSpec run, Optimizer optimizer, Objective objective) {
        double[] x = new double[run.getStart().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = run.getStart().get(i);
        }
        OptimizerState state = optimizer.start(x.length);
        for (int k = 0; k < STEPS; k++) {
            state.step(objective, x);
        }
        return objective.value(x);
    }
}
