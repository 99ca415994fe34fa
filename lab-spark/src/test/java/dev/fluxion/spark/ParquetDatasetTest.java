package dev.fluxion.spark;

import dev.fluxion.lab.study.CompareStudy;
import dev.fluxion.lab.engine.Engine;
import dev.fluxion.lab.engine.Extensions;
import dev.fluxion.lab.LabException;
import dev.fluxion.lab.engine.Progress;
import dev.fluxion.lab.engine.Registries;
import dev.fluxion.lab.store.ResultStore;
import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.lab.engine.RunSpec;
import dev.fluxion.lab.engine.RunTimeout;
import dev.fluxion.lab.study.Studies;
import dev.fluxion.lab.study.Study;
import dev.fluxion.lab.engine.TracePolicy;
import dev.fluxion.lab.cli.FluxionCommand;
import dev.fluxion.lab.report.StudyReport;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A study written as a Parquet dataset by Spark's executors ({@code --out-format parquet}, in {@code local[2]})
 * against the same study in the coroutine engine's store: the dataset's rows hold the store's values, and
 * {@code fluxion report} and {@code fluxion export} give the same table, page and CSV from either; a dataset that
 * holds some of a study's runs gets only the others.
 */
class ParquetDatasetTest {
    private static final String[] STUDY = {"compare", "--optimizers", "gd(lr=0.05); adam(lr=0.05)",
        "--landscapes", "quadratic(dim=2); rosenbrock(dim=2)", "--starts", "default+random:3", "--seeds", "2",
        "--steps", "400", "--noise", "0.01", "--seed", "7", "--name", "pq", "--traces", "log"};

    /** Runs the fluxion command in this JVM; returns what it printed, failing on a non-zero exit. */
    static String fluxion(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FluxionCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(arguments);
        assertEquals(0, code, "fluxion " + String.join(" ", arguments) + " failed: " + err);
        return out.toString();
    }

    static String[] with(String... more) {
        List<String> all = new ArrayList<>(List.of(STUDY));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The console table of a report, without its last line (which names the files written). */
    static String table(String printed) {
        return printed.substring(0, printed.stripTrailing().lastIndexOf('\n'));
    }

    @Test
    void reportAndExportReadTheDatasetAsTheyReadTheStore(@TempDir Path dir) throws Exception {
        String computed = fluxion(with("--out", dir.toString(), "--engine", "spark", "--master", "local[2]",
            "--out-format", "parquet"));
        Path dataset = dir.resolve("pq.parquet");
        // the same study, rebuilt from the dataset's record, computed by the coroutine engine into a store
        Study study = Study.of(ParquetDataset.readStudy(dataset));
        Path store = dir.resolve("pq.sqlite");
        String fromStore;
        try (ResultStore results = ResultStore.open(store)) {
            Studies.run(study, results, 2);
            fromStore = StudyReport.of(study, results, new Engine(1)).getConsole();
        }

        fluxion("export", store.toString(), "--csv", dir.resolve("store.csv").toString());
        fluxion("export", dataset.toString(), "--csv", dir.resolve("dataset.csv").toString());
        assertEquals(-1, Files.mismatch(dir.resolve("store.csv"), dir.resolve("dataset.csv")),
            "fluxion export gives the same CSV from the store and from the dataset");
        assertEquals(-1, Files.mismatch(dir.resolve("store.csv"), dir.resolve("pq.csv")), "and so did the study command");
        assertEquals(33, Files.readAllLines(dir.resolve("dataset.csv")).size(), "a header and the 32 runs");

        String reported = fluxion("report", dataset.toString(), "--html", dir.resolve("report/page.html").toString());
        assertTrue(fromStore.contains("adam"), "a table of the study: " + fromStore);
        assertEquals(fromStore, table(reported) + "\n", "fluxion report of the dataset prints the store's table");
        assertEquals(fromStore, table(computed) + "\n", "and so did the study command");
    }

    /**
     * A study of a plugin optimizer (Lion) on a plugin landscape (the Gaussian mixture; neither jar is on the test's
     * class path), computed with the plugins by the coroutine engine into a store and by Spark into a dataset:
     * {@code fluxion report} of either without the plugins prints the same table and writes the same page (the
     * mixture's contours included), each from what it recorded. Without its records (as a dataset of an earlier
     * fluxion), the dataset's report needs the plugins, and says so in one line.
     */
    @Test
    void aPluginStudysDatasetIsReportedWithoutThePluginsAsItsStoreIs(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        for (String jar : List.of("plugin.lion", "plugin.mixture")) {
            Path from = Path.of(System.getProperty(jar));
            Files.copy(from, plugins.resolve(from.getFileName()));
        }
        assertFalse(Registries.builtIn().getLandscapes().names().contains("gaussian-mixture"), "not on the class path");
        List<String> study = List.of("--plugins", plugins.toString(), "compare", "--optimizers", "lion(lr=0.01); gd(lr=0.05)",
            "--landscapes", "gaussian-mixture(samples=100)", "--starts", "default+random:2", "--seeds", "2", "--steps", "300",
            "--noise", "0.01", "--name", "plugged", "--traces", "log");
        List<String> intoStore = new ArrayList<>(study);
        intoStore.addAll(List.of("--out", dir.resolve("store").toString()));
        fluxion(intoStore.toArray(String[]::new));
        List<String> intoDataset = new ArrayList<>(study);
        intoDataset.addAll(List.of("--out", dir.resolve("dataset").toString(), "--engine", "spark", "--master", "local[2]",
            "--out-format", "parquet"));
        fluxion(intoDataset.toArray(String[]::new));

        Path dataset = dir.resolve("dataset/plugged.parquet");
        String fromStore = fluxion("report", dir.resolve("store/plugged.sqlite").toString(),
            "--html", dir.resolve("store-page/plugged.html").toString());
        String fromDataset = fluxion("report", dataset.toString(), "--html", dir.resolve("dataset-page/plugged.html").toString());
        assertTrue(fromStore.contains("lion(lr=0.01)") && fromStore.contains("gaussian-mixture"), "a table of the study: " + fromStore);
        assertEquals(table(fromStore), table(fromDataset), "the dataset's report without the plugins is the store's");
        assertEquals(-1, Files.mismatch(dir.resolve("store-page/plugged.html"), dir.resolve("dataset-page/plugged.html")),
            "and so is its page");

        // each record is needed: without the landscape's, the mixture is unknown; without any, Lion is
        try (Connection records = DriverManager.getConnection("jdbc:sqlite:" + dataset.resolve(ParquetDataset.RECORDS_FILE))) {
            records.createStatement().execute("DELETE FROM landscape_records");
        }
        assertUnknownWithoutPlugins(dataset, "unknown landscape 'gaussian-mixture'");
        Files.delete(dataset.resolve(ParquetDataset.RECORDS_FILE));
        assertUnknownWithoutPlugins(dataset, "unknown optimizer 'lion'");
    }

    /** {@code fluxion report DATASET} fails in one line saying {@code unknown} and naming {@code --plugins}. */
    private static void assertUnknownWithoutPlugins(Path dataset, String unknown) {
        StringWriter err = new StringWriter();
        int code = FluxionCommand.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
            .execute("report", dataset.toString(), "--html", dataset.resolveSibling("unrecorded/plugged.html").toString());
        assertEquals(2, code, "a dataset without its records needs the plugins: " + err);
        assertTrue(err.toString().contains(unknown) && err.toString().contains("--plugins"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), "in one line: " + err);
    }

    @Test
    void aDatasetWithSomeRunsGetsOnlyTheOthers(@TempDir Path dir) throws Exception {
        CompareStudy study = SparkRunBackendTest.study(TracePolicy.LOG);
        List<RunSpec> runs = study.runs(new Engine(1));
        Engine here = new Engine(1);
        Path folder = dir.resolve("resume.parquet");
        ParquetDataset dataset = new ParquetDataset();
        try (SparkRunBackend spark = SparkRunBackend.open(Map.of("master", "local[2]"))) {
            Engine onSpark = new Engine(1, Registries.builtIn(), RunTimeout.NONE, Extensions.NONE, spark);
            // 12 of the 32 runs, computed here and written as a dataset of the study would hold them
            List<Row> first = new ArrayList<>();
            for (int i = 0; i < 12; i++) first.add(ParquetRows.of(here.run(runs.get(i))));
            Files.createDirectories(folder);
            ParquetDataset.claim(folder, study.properties());
            spark.session().createDataFrame(first, ParquetRows.SCHEMA).write().mode(SaveMode.Append).parquet(folder.toUri().toString());

            int[] planned = new int[2];
            int[] done = {0};
            dataset.compute(study, folder, onSpark, false, event -> {
                if (event instanceof Progress.Planned p) {
                    planned[0] = p.getTotal();
                    planned[1] = p.getStored();
                }
                if (event instanceof Progress.Finished f) done[0] = f.getDone();
                return kotlin.Unit.INSTANCE;
            });
            assertEquals(32, planned[0]);
            assertEquals(12, planned[1], "the 12 runs in the dataset are found");
            assertEquals(20, done[0], "only the 32 - 12 missing runs computed");
            // the dataset's own rows, read by Spark SQL alone: the runs computed here, traces as arrays
            List<Row> rows = spark.session().read().parquet(folder.toUri().toString())
                .selectExpr("run_key", "optimizer", "final_value", "final_gap", "trace_loss", "trace_position").collectAsList();
            assertEquals(32, rows.size());
            assertEquals(32, rows.stream().map(r -> r.getString(0)).distinct().count(), "each run once");
            Map<String, RunResult> expected = new HashMap<>();
            for (RunSpec run : runs) expected.put(run.getKey(), here.run(run));
            assertTrue(rows.stream().anyMatch(r -> r.getList(4).size() > 100), "log traces of many steps");
            for (Row row : rows) {
                RunResult run = expected.get(row.getString(0));
                assertEquals(run.getSpec().getOptimizerLabel(), row.getString(1));
                assertEquals(Double.doubleToLongBits(run.getFinalValue()), Double.doubleToLongBits(row.getDouble(2)));
                assertEquals(Double.doubleToLongBits(run.getFinalGap()), Double.doubleToLongBits(row.getDouble(3)));
                List<Double> loss = row.getList(4);
                assertEquals(run.getTrace().getSize(), loss.size(), "the log trace's kept steps");
                assertEquals(run.getTrace().getLoss()[loss.size() - 1], loss.get(loss.size() - 1));
                assertEquals(2 * loss.size(), row.getList(5).size(), "x and y at each kept step");
            }

            try (ResultStore store = ResultStore.open(dir.resolve("copy.sqlite"))) {
                dataset.copyInto(folder, store, copy -> here);
                List<RunResult> all = store.load(runs);
                for (int i = 0; i < runs.size(); i++) assertEquals(here.run(runs.get(i)), all.get(i), "run " + i);
            }

            dataset.compute(study, folder, onSpark, false, event -> {
                if (event instanceof Progress.Planned p) planned[1] = p.getStored();
                if (event instanceof Progress.Finished) done[0] = -1;
                return kotlin.Unit.INSTANCE;
            });
            assertEquals(32, planned[1], "a complete dataset computes nothing");
            assertEquals(20, done[0]);

            CompareStudy other = SparkRunBackendTest.study(TracePolicy.NONE);
            LabException refused = assertThrows(LabException.class,
                () -> dataset.compute(other, folder, onSpark, false, event -> kotlin.Unit.INSTANCE));
            assertTrue(refused.getMessage().contains("another study") && refused.getMessage().contains("traces"),
                refused.getMessage());
        }
    }
}
