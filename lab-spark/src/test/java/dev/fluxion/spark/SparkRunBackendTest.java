package dev.fluxion.spark;

import dev.fluxion.lab.engine.Budget;
import dev.fluxion.lab.study.CompareStudy;
import dev.fluxion.lab.engine.Engine;
import dev.fluxion.lab.engine.Extensions;
import dev.fluxion.lab.engine.Progress;
import dev.fluxion.lab.engine.Registries;
import dev.fluxion.lab.store.ResultStore;
import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.lab.engine.RunSpec;
import dev.fluxion.lab.engine.RunTimeout;
import dev.fluxion.lab.study.StartPlan;
import dev.fluxion.lab.study.Studies;
import dev.fluxion.lab.engine.TracePolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A study on Spark in this JVM ({@code local[2]}) against the same study on the coroutine engine: the results must be
 * the engine's bit for bit, each run stored once, and a resumed study must send only the runs its store lacks.
 */
class SparkRunBackendTest {
    private static SparkRunBackend spark;

    @BeforeAll
    static void start() {
        spark = SparkRunBackend.open(Map.of("master", "local[2]"));
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    /** Two optimizers, two landscapes, 4 starts, 2 seeds with gradient noise (so the seeds matter): 32 runs. */
    static CompareStudy study(TracePolicy traces) {
        return new CompareStudy(List.of("gd(lr=0.05)", "adam(lr=0.05)"), List.of("quadratic(dim=2)", "rosenbrock(dim=2)"),
            new StartPlan("default+random:3"), 2, new Budget(400, Long.MAX_VALUE, Budget.DEFAULT_TARGETS, 1e-10, 1e-14,
            10, 1e100, 0.01), 7, "sparktest", traces);
    }

    static Engine onSpark() {
        return new Engine(1, Registries.builtIn(), RunTimeout.NONE, Extensions.NONE, spark);
    }

    @Test
    void resultsAreTheCoroutineEnginesBitForBit(@TempDir Path dir) {
        CompareStudy study = study(TracePolicy.LOG);
        List<RunResult> local;
        try (ResultStore store = ResultStore.open(dir.resolve("local.sqlite"))) {
            local = Studies.run(study, store, 2);
        }
        List<RunResult> remote;
        try (ResultStore store = ResultStore.open(dir.resolve("spark.sqlite"))) {
            remote = Studies.run(study, store, onSpark());
            assertEquals(32, store.size(), "each of the 2 x 2 x 4 x 2 runs stored once");
        }
        assertEquals(32, local.size());
        assertEquals(local, remote, "the runs' results, traces included, are equal field by field");
        assertTrue(remote.stream().anyMatch(r -> r.getTrace().getSize() > 100), "the log traces came back");
        long distinctFinal = remote.stream().map(r -> Double.doubleToLongBits(r.getFinalValue())).distinct().count();
        assertTrue(distinctFinal > 16, "noisy runs differ from each other, so equality is not vacuous: " + distinctFinal);
    }

    @Test
    void aResumedStudySendsOnlyTheRunsItsStoreLacks(@TempDir Path dir) {
        CompareStudy study = study(TracePolicy.NONE);
        List<RunSpec> runs = study.runs(new Engine(1));
        Engine here = new Engine(1);
        AtomicInteger finished = new AtomicInteger();
        int[] planned = new int[2];
        try (ResultStore store = ResultStore.open(dir.resolve("resume.sqlite"))) {
            store.claimStudy(study.properties(), List.of(), false);
            for (int i = 0; i < 12; i++) store.put(here.run(runs.get(i)));
            List<RunResult> all = Studies.run(study, store, onSpark(), event -> {
                if (event instanceof Progress.Planned p) {
                    planned[0] = p.getTotal();
                    planned[1] = p.getStored();
                }
                if (event instanceof Progress.Finished) finished.incrementAndGet();
            });
            assertEquals(32, planned[0]);
            assertEquals(12, planned[1], "the 12 runs stored beforehand are found");
            assertEquals(20, finished.get(), "only the 32 - 12 missing runs computed on Spark");
            assertEquals(32, store.size());
            for (int i = 0; i < runs.size(); i++) assertEquals(here.run(runs.get(i)), all.get(i), "run " + i);
        }
    }

    @Test
    void sparksLogShowsWarningsOnlyUnlessTheEnvironmentAsksForMore() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(SparkLog.LEVEL_VARIABLE) == null,
            SparkLog.LEVEL_VARIABLE + " asks for another level");
        assertEquals(org.apache.logging.log4j.Level.WARN, org.apache.logging.log4j.LogManager.getRootLogger().getLevel());
        assertFalse(org.apache.logging.log4j.LogManager.getLogger("org.apache.spark.SparkContext").isInfoEnabled(),
            "Spark's INFO lines are dropped");
        assertTrue(org.apache.logging.log4j.LogManager.getLogger("org.apache.spark.SparkContext").isWarnEnabled(),
            "its warnings are kept");
    }

    @Test
    void tasksSplitTheRunsByCoresAndBySize() {
        // 4 tasks per core by default; at most 5000 runs a task; never more tasks than runs
        assertEquals(8, spark.tasks(1000, 2));
        assertEquals(200, spark.tasks(1_000_000, 2));
        assertEquals(3, spark.tasks(3, 4));
    }
}
