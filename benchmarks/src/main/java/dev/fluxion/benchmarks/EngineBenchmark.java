package dev.fluxion.benchmarks;

import dev.fluxion.dsl.Objective;
import dev.fluxion.lab.Budget;
import dev.fluxion.lab.CompareStudy;
import dev.fluxion.lab.Engine;
import dev.fluxion.lab.RunResult;
import dev.fluxion.lab.RunSpec;
import dev.fluxion.lab.StartPlan;
import dev.fluxion.optimizers.OptimizerState;
import dev.fluxion.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlinx.coroutines.BuildersKt;
import kotlinx.coroutines.flow.FlowKt;
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
 * against a bare loop doing the same optimizer steps ({@code Optimizers.parse(...).start(n).step(objective, x)})
 * on the same objectives from the same starts. At this learning rate no run reaches the finest target, so every
 * run, in the engine and in the bare loop, takes exactly {@value #STEPS} steps.
 *
 * <p>engine on 1 thread / bare loop - 1 is the engine's overhead (traces, targets, divergence and stall checks,
 * coroutines); engine on 1 thread / engine on 2 threads is the throughput gained by a second thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EngineBenchmark {
    static final int RUNS = 200;
    static final int STEPS = 1000;
    static final String OPTIMIZER = "gd(lr=0.001)";
    static final String LANDSCAPE = "quadratic(dim=2, kappa=10)";

    private Engine oneThread;
    private Engine twoThreads;
    private List<RunSpec> runs;
    private Objective objective;

    @Setup
    public void setUp() {
        oneThread = new Engine(1);
        twoThreads = new Engine(2);
        CompareStudy study = new CompareStudy(List.of(OPTIMIZER), List.of(LANDSCAPE),
                new StartPlan("random:" + RUNS), 1, new Budget(STEPS));
        runs = study.runs(oneThread);
        study.runs(twoThreads);
        objective = oneThread.landscape(LANDSCAPE).objective();
    }

    /** Every run's final value, summed, so that JIT cannot drop the work. */
    private static double sumOfFinalValues(Engine engine, List<RunSpec> runs) {
        try {
            List<?> finished = BuildersKt.runBlocking(EmptyCoroutineContext.INSTANCE,
                    (scope, continuation) -> FlowKt.toList(engine.execute(runs), new ArrayList<>(), continuation));
            double sum = 0;
            for (Object progress : finished) {
                RunResult result = ((dev.fluxion.lab.Progress.Finished) progress).getResult();
                sum += result.getFinalValue();
            }
            return sum;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public double engineOneThread() {
        return sumOfFinalValues(oneThread, runs);
    }

    @Benchmark
    public double engineTwoThreads() {
        return sumOfFinalValues(twoThreads, runs);
    }

    /** The same optimizer steps from the same starts, in a plain loop: no traces, no checks, no coroutines. */
    @Benchmark
    public double bareLoop() {
        double sum = 0;
        for (RunSpec run : runs) {
            double[] x = new double[run.getStart().size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = run.getStart().get(i);
            }
            OptimizerState state = Optimizers.parse(OPTIMIZER).start(x.length);
            double value = 0;
            for (int k = 0; k < STEPS; k++) {
                value = state.step(objective, x).value();
            }
            sum += value;
        }
        return sum;
    }
}
