package dev.fluxion.spark;

import dev.fluxion.lab.LabException;
import dev.fluxion.lab.engine.Budget;
import dev.fluxion.lab.engine.Engine;
import dev.fluxion.lab.engine.Extensions;
import dev.fluxion.lab.engine.Progress;
import dev.fluxion.lab.engine.Registries;
import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.lab.engine.RunSpec;
import dev.fluxion.lab.engine.RunTimeout;
import dev.fluxion.lab.engine.TracePolicy;
import dev.fluxion.lab.store.ResultStore;
import dev.fluxion.lab.study.ScanStudy;
import dev.fluxion.lab.study.StartPlan;
import dev.fluxion.lab.study.Studies;
import dev.fluxion.lab.study.Study;
import dev.fluxion.lab.tune.Search;
import dev.fluxion.lab.tune.SearchSpace;
import dev.fluxion.lab.tune.TuneStudy;
import dev.fluxion.lab.tune.TuneUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tune study stopped midway into a Parquet dataset, and a scan whose dataset holds some of its bisection runs,
 * resumed: each dataset is written with the runs of the coroutine engine's store of the study (a tune study's first
 * rung whole and half of its second; a scan's grid and its first 5 bisection runs), then the study is computed on
 * Spark ({@code local[2]}); only the runs the dataset lacked are computed, and the dataset then holds the store's
 * study, run for run.
 */
class StagedParquetResumeTest {
    private static SparkRunBackend spark;

    @BeforeAll
    static void start() {
        spark = SparkRunBackend.open(Map.of("master", "local[2]"));
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    private static Engine onSpark() {
        return new Engine(1, Registries.builtIn(), RunTimeout.NONE, Extensions.NONE, spark);
    }

    /** A dataset of {@code study} holding {@code results}, as the executors would have written them. */
    private static Path datasetOf(Study study, List<RunResult> results, Path folder) {
        ParquetDataset.claim(folder, study.properties());
        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) rows.add(ParquetRows.of(result));
        spark.session().createDataFrame(rows, ParquetRows.SCHEMA).write().mode(SaveMode.Append).parquet(folder.toUri().toString());
        return folder;
    }

    /** The CSV of the dataset's runs, copied into a store. */
    private static String csvOf(Path dataset, Path store) {
        try (ResultStore copy = ResultStore.open(store)) {
            new ParquetDataset().copyInto(dataset, copy, records -> new Engine(1));
            return copy.csv();
        }
    }

    @Test
    void aTuneStudyStoppedInItsSecondRungResumesThere(@TempDir Path dir) {
        // successive halving of 3 settings, eta 3: rungs of 18 and 6 runs (2 optimizers, 3 tuning starts), then the
        // comparison's 6 runs
        TuneStudy study = new TuneStudy(List.of("gd", "momentum(momentum=0.9)"), List.of("quadratic(dim=2, kappa=10)"),
            SearchSpace.parse(List.of("lr=loguniform(1e-3, 0.5)")), Search.HALVING, 3, 3, new StartPlan("random:3"),
            TuneUnit.LANDSCAPE, new StartPlan("default+random:2"), 1, new Budget(300), 0, "tune", TracePolicy.LOG);
        Engine here = new Engine(2);
        String expected;
        List<RunResult> before = new ArrayList<>();
        try (ResultStore store = ResultStore.open(dir.resolve("local.sqlite"))) {
            Studies.run(study, store, here);
            expected = store.csv();
            List<RunSpec> rung0 = study.runs(here);
            List<RunSpec> rung1 = study.stage(1, here, store::summaries);
            assertEquals(18, rung0.size());
            assertEquals(6, rung1.size());
            before.addAll(store.load(rung0));
            before.addAll(store.load(rung1.subList(0, 3)));
        }
        Path dataset = datasetOf(study, before, dir.resolve("tune.parquet"));

        List<int[]> stages = new ArrayList<>(); // per stage: its runs, those the dataset held, those computed
        new ParquetDataset().compute(study, dataset, onSpark(), false, event -> {
            if (event instanceof Progress.Planned p) stages.add(new int[] {p.getTotal(), p.getStored(), 0});
            if (event instanceof Progress.Finished f) stages.get(stages.size() - 1)[2] = f.getDone();
            return kotlin.Unit.INSTANCE;
        });
        assertEquals(List.of("18 held 18 computed 0", "6 held 3 computed 3", "6 held 0 computed 6"),
            stages.stream().map(p -> p[0] + " held " + p[1] + " computed " + p[2]).toList(),
            "the first rung whole and half the second were held; the rest of the second and the comparison computed");
        assertEquals(expected, csvOf(dataset, dir.resolve("copy.sqlite")), "the dataset holds the store's study");
    }

    @Test
    void aScanReadsBackTheBisectionRunsItsDatasetHolds(@TempDir Path dir) {
        ScanStudy scan = new ScanStudy("gd", "quadratic(dim=2, kappa=10)", 1e-3, 1.0, 12, 200, 0, "scan", 24);
        Engine here = new Engine(2);
        String expected;
        List<RunResult> before = new ArrayList<>();
        List<RunResult> refinements;
        try (ResultStore store = ResultStore.open(dir.resolve("local.sqlite"))) {
            Studies.run(scan, store, here);
            expected = store.csv();
            List<RunResult> grid = store.load(scan.runs(here));
            refinements = scan.analyse(grid, here, store::find).getRefinements();
            assertEquals(24, refinements.size(), "the grid brackets the edge 2/L = 0.2");
            before.addAll(grid);
            before.addAll(refinements.subList(0, 5));
        }
        Path dataset = datasetOf(scan, before, dir.resolve("scan.parquet"));

        List<String> refined = new ArrayList<>();
        new ParquetDataset().compute(scan, dataset, onSpark(), false, event -> {
            if (event instanceof Progress.Planned p) assertEquals(12, p.getStored(), "the grid is in the dataset");
            if (event instanceof Progress.Finished) throw new AssertionError("no grid run is computed");
            if (event instanceof Progress.Refined r) {
                refined.add(r.getComputed() ? "computed" : "read");
                assertEquals(refinements.get(r.getDone() - 1), r.getResult(), "bisection run " + r.getDone());
            }
            return kotlin.Unit.INSTANCE;
        });
        List<String> expectedRefined = new ArrayList<>();
        for (int i = 0; i < 24; i++) expectedRefined.add(i < 5 ? "read" : "computed");
        assertEquals(expectedRefined, refined, "the 5 bisection runs in the dataset read back, the 19 after computed");
        assertEquals(expected, csvOf(dataset, dir.resolve("copy.sqlite")), "the dataset holds the store's study");

        // a row of another scan's run (another step budget) makes the dataset another study's: refused, not dropped
        ScanStudy other = new ScanStudy("gd", "quadratic(dim=2, kappa=10)", 1e-3, 1.0, 12, 100, 0, "scan", 24);
        datasetOf(scan, List.of(here.run(other.runs(here).get(0))), dataset);
        LabException refused = assertThrows(LabException.class, () -> csvOf(dataset, dir.resolve("refused.sqlite")));
        assertTrue(refused.getMessage().contains("is not a run of its study"), refused.getMessage());
    }
}
