package dev.fluxion.spark;

import dev.fluxion.lab.engine.Budget;
import dev.fluxion.lab.study.CompareStudy;
import dev.fluxion.lab.engine.Engine;
import dev.fluxion.lab.engine.Extensions;
import dev.fluxion.lab.engine.Progress;
import dev.fluxion.lab.engine.Registries;
import dev.fluxion.lab.store.ResultStore;
import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.lab.engine.RunTimeout;
import dev.fluxion.lab.study.StartPlan;
import dev.fluxion.lab.study.Studies;
import dev.fluxion.lab.engine.TracePolicy;
import dev.fluxion.lab.engine.Plugins;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Spark standalone cluster (a master and two one-core workers, each its own JVM), joined once for the class
 * with the example plugin's jar (Lion, {@code examples/lion-optimizer}), which is not on the class path of the test
 * or of the executors: first a study of Lion and gd, whose runs the executors can only compute with the plugin the
 * driver shipped them; then a study during which one worker is killed: Spark computes the lost tasks again on the
 * other, and the stored study equals the coroutine engine's, no run lost and none stored twice; then, the killed
 * worker started again, the same study into a Parquet dataset, during which that worker is killed again: the dataset
 * holds one row a run, and its runs are the coroutine engine's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {
    @TempDir
    static Path dir;
    private static LocalCluster cluster;
    private static SparkRunBackend spark;
    private static Path lion;
    /** The coroutine engine's runs of {@link #study()}, computed once for both killed-worker cases. */
    private static List<RunResult> local;

    @BeforeAll
    static void joinCluster() throws Exception {
        lion = Path.of(System.getProperty("plugin.lion"));
        assertTrue(Files.isRegularFile(lion), "the example plugin's jar is built: " + lion);
        cluster = LocalCluster.start(dir.resolve("cluster"), 2);
        spark = SparkRunBackend.open(Map.of("master", cluster.masterUrl(), "tasksPerCore", "8", "plugins", lion.toString(),
            "spark.executor.memory", "512m", "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1"));
        awaitExecutors(spark, 2, cluster);
    }

    @AfterAll
    static void leaveCluster() {
        if (spark != null) spark.close();
        if (cluster != null) cluster.close();
    }

    /** 40 runs of Lion (the plugin) and gd on a quadratic, with gradient noise so that every run differs. */
    static CompareStudy pluginStudy() {
        return new CompareStudy(List.of("lion(lr=0.01)", "gd(lr=0.05)"), List.of("quadratic(dim=2)"),
            new StartPlan("random:10"), 2, new Budget(500, Long.MAX_VALUE, Budget.DEFAULT_TARGETS, 1e-10, 1e-14, 10,
            1e100, 0.01), 5, "plugin", TracePolicy.NONE);
    }

    @Test
    @Order(1)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theExecutorsComputeAPluginsOptimizerFromTheJarTheDriverShipped(@TempDir Path runs) {
        assertFalse(Registries.builtIn().getOptimizers().names().contains("lion"), "Lion is not on the class path");
        Registries withLion = Plugins.load(List.of(lion)).getRegistries();
        CompareStudy study = pluginStudy();
        List<RunResult> local;
        try (ResultStore store = ResultStore.open(runs.resolve("local.sqlite"))) {
            local = Studies.run(study, store, new Engine(2, withLion));
        }
        List<RunResult> remote;
        try (ResultStore store = ResultStore.open(runs.resolve("cluster.sqlite"))) {
            remote = Studies.run(study, store, new Engine(1, withLion, RunTimeout.NONE, Extensions.NONE, spark));
        }
        assertEquals(40, remote.size());
        assertEquals(local, remote, "the cluster's Lion and gd runs are the coroutine engine's");
        RunResult lionRun = remote.stream().filter(r -> r.getSpec().getOptimizerLabel().startsWith("lion")).findFirst().orElseThrow();
        RunResult gdRun = remote.stream().filter(r -> r.getSpec().getOptimizerLabel().startsWith("gd")
            && r.getSpec().getStartIndex() == lionRun.getSpec().getStartIndex()
            && r.getSpec().getSeedIndex() == lionRun.getSpec().getSeedIndex()).findFirst().orElseThrow();
        assertTrue(lionRun.getFinalValue() != gdRun.getFinalValue(), "Lion's runs are its own, not gd's");
    }

    /**
     * 480 runs of 5,000 gd steps on an ill-conditioned quadratic with step sizes far below 1/L: each run contracts
     * slowly, reaches no target and takes its whole budget, so the runs' cost is even and the kill comes mid-study.
     */
    static CompareStudy study() {
        return new CompareStudy(List.of("gd(lr=0.0005)", "gd(lr=0.001)"), List.of("quadratic(dim=2, kappa=100)"),
            new StartPlan("random:120"), 2, new Budget(5_000, Long.MAX_VALUE, List.of(1e-300), 0, 0, 10,
            1e100, 0.0), 11, "cluster", TracePolicy.NONE);
    }

    /** The coroutine engine's runs of {@link #study()}, with 2 threads. */
    static List<RunResult> localRuns() {
        if (local == null) {
            try (ResultStore store = ResultStore.open(dir.resolve("local.sqlite"))) {
                local = Studies.run(study(), store, 2);
            }
        }
        return local;
    }

    @Test
    @Order(2)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aKilledWorkersTasksAreComputedAgainAndNoRunIsLostOrDoubled(@TempDir Path runs) {
        CompareStudy study = study();
        List<RunResult> local = localRuns();
        AtomicInteger failedTasks = new AtomicInteger();
        spark.session().sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() instanceof TaskFailedReason) failedTasks.incrementAndGet();
            }
        });
        int total = local.size();
        AtomicInteger finished = new AtomicInteger();
        int[] killedAt = {-1};
        List<RunResult> remote;
        try (ResultStore store = ResultStore.open(runs.resolve("spark.sqlite"))) {
            remote = Studies.run(study, store, new Engine(1, Registries.builtIn(), RunTimeout.NONE, Extensions.NONE, spark), event -> {
                if (event instanceof Progress.Finished && finished.incrementAndGet() >= total / 4 && killedAt[0] < 0) {
                    killedAt[0] = finished.get();
                    cluster.killWorker(1);
                }
            });
            assertEquals(total, store.size(), "each run stored once");
        }
        assertTrue(killedAt[0] > 0 && killedAt[0] < total, "the worker died in the middle, after run " + killedAt[0]);
        assertTrue(failedTasks.get() >= 1, "a task was lost with the worker's executor and computed again");
        assertEquals(total, finished.get(), "each run handed to the study once: none lost, none doubled");
        Set<String> keys = new HashSet<>();
        remote.forEach(r -> keys.add(r.getSpec().getKey()));
        assertEquals(total, keys.size());
        assertEquals(local, remote, "the cluster's results are the coroutine engine's");
    }

    /**
     * The study of the case above into a Parquet dataset, on the two workers again (the killed one started anew),
     * one of which is killed once a quarter of the job's tasks have ended: the tasks it had are computed again, and
     * the dataset's commit keeps one set of rows per task, so the dataset holds each run once, as the coroutine engine
     * computed it. The new worker's executor runs Parquet tasks first, with the plugin jar the driver shipped at the
     * start: the session's jobs see the context's files ({@link SparkRunBackend#open}; with Spark 4's isolated session
     * artifacts every task of that executor failed, the jar missing).
     */
    @Test
    @Order(3)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aKilledWorkersTasksWriteEachRunOnceIntoAParquetDataset(@TempDir Path runs) throws Exception {
        cluster.restartWorker(1);
        awaitExecutors(spark, 2, cluster);
        CompareStudy study = study();
        List<RunResult> local = localRuns();
        int total = local.size();
        AtomicInteger tasks = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        AtomicInteger failedTasks = new AtomicInteger();
        AtomicInteger killedAt = new AtomicInteger(-1);
        SparkListener killer = new SparkListener() {
            @Override
            public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
                tasks.set(submitted.stageInfo().numTasks()); // the job writing the dataset: one stage
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() instanceof TaskFailedReason) {
                    failedTasks.incrementAndGet();
                } else if (tasks.get() > 0 && 4 * ended.incrementAndGet() >= tasks.get()
                    && killedAt.compareAndSet(-1, ended.get())) {
                    cluster.killWorker(1);
                }
            }
        };
        Path folder = runs.resolve("cluster.parquet");
        spark.session().sparkContext().addSparkListener(killer);
        try {
            new ParquetDataset().compute(study, folder, new Engine(1, Registries.builtIn(), RunTimeout.NONE,
                Extensions.NONE, spark), false, event -> kotlin.Unit.INSTANCE);
        } finally {
            spark.session().sparkContext().removeSparkListener(killer);
        }
        assertTrue(killedAt.get() > 0 && killedAt.get() < tasks.get(),
            "the worker died in the middle, after task " + killedAt.get() + " of " + tasks.get());
        assertTrue(failedTasks.get() >= 1, "a task was lost with the worker's executor and computed again");
        // the dataset's rows, read in one job; each rebuilt under the study's own spec of its key (the study its
        // dataset records, which `fluxion report` reads, lacks its stall thresholds of 0: not a recorded property)
        List<Row> rows = spark.session().read().schema(ParquetRows.SCHEMA).parquet(folder.toUri().toString()).collectAsList();
        assertEquals(total, rows.size(), "one row a run: none lost, none written twice");
        Map<String, Row> byKey = new HashMap<>();
        rows.forEach(row -> byKey.put(row.getString(0), row));
        assertEquals(total, byKey.size(), "each run's key once");
        List<RunResult> summaries = study.runs(new Engine(1)).stream()
            .map(run -> ParquetRows.toResult(byKey.get(run.getKey()), run)).toList();
        assertEquals(local, summaries, "the dataset's runs are the coroutine engine's");
    }

    /** Waits (up to 3 minutes) until {@code count} executors have joined (one per worker), or fails with a worker's log. */
    static void awaitExecutors(SparkRunBackend spark, int count, LocalCluster cluster) throws InterruptedException {
        long end = System.currentTimeMillis() + 180_000; // executor JVMs start slowly on a loaded machine
        while (spark.session().sparkContext().statusTracker().getExecutorInfos().length < count + 1) { // + the driver
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("the executors did not join within 180 s; worker0's log:\n" + cluster.log("worker0"));
            }
            Thread.sleep(200);
        }
    }
}
