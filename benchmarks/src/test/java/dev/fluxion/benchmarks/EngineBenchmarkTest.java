package dev.fluxion.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.lab.engine.Outcome;
import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.lab.engine.RunSpec;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine and the bare loop of {@link EngineBenchmark} do the same work: every run takes all
 * {@value EngineBenchmark#STEPS} steps in the engine, and ends at the same value, bit for bit, as the bare loop's
 * run from the same start.
 */
class EngineBenchmarkTest {

    @Test
    void engineAndBareLoopTakeTheSameStepsToTheSameValues() {
        EngineBenchmark benchmark = new EngineBenchmark();
        benchmark.setUp();
        Map<String, RunResult> byKey = new HashMap<>();
        benchmark.twoThreads.forEachResult(benchmark.runs, result -> byKey.put(result.getSpec().getKey(), result));
        assertEquals(EngineBenchmark.RUNS, byKey.size());
        for (RunSpec run : benchmark.runs) {
            RunResult result = byKey.get(run.getKey());
            assertEquals(new Outcome.OutOfBudget(EngineBenchmark.STEPS), result.getOutcome());
            assertEquals(EngineBenchmark.STEPS, result.getEvaluations());
            double bare = EngineBenchmark.bareRun(run, benchmark.optimizer, benchmark.landscape.confinedObjective());
            assertEquals(Double.doubleToRawLongBits(bare), Double.doubleToRawLongBits(result.getFinalValue()),
                    "run from start " + run.getStartIndex() + ": bare " + bare + ", engine " + result.getFinalValue());
        }
    }

    /**
     * On one thread both engine variants take the runs in order, as the bare loop does, so all three sums of final
     * values agree bit for bit.
     */
    @Test
    void oneThreadVariantsSumTheBareLoopsValues() throws InterruptedException {
        EngineBenchmark benchmark = new EngineBenchmark();
        benchmark.setUp();
        double bare = benchmark.bareLoop();
        assertEquals(Double.doubleToRawLongBits(bare), Double.doubleToRawLongBits(benchmark.engineOneThread()));
        assertEquals(Double.doubleToRawLongBits(bare), Double.doubleToRawLongBits(benchmark.engineOneThreadSuspending()));
        assertEquals(Double.doubleToRawLongBits(bare), Double.doubleToRawLongBits(benchmark.runLoopOnly()));
    }
}
