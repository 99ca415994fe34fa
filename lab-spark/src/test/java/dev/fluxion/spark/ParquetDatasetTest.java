package dev.fluxion.spark;

import dev.fluxion.lab.CompareStudy;
import dev.fluxion.lab.Engine;
import dev.fluxion.lab.Extensions;
import dev.fluxion.lab.LabException;
import dev.fluxion.lab.Progress;
import dev.fluxion.lab.Registries;
import dev.fluxion.lab.ResultStore;
import dev.fluxion.lab.RunResult;
import dev.fluxion.lab.RunRow;
import dev.fluxion.lab.RunSpec;
import dev.fluxion.lab.RunTimeout;
import dev.fluxion.lab.TracePolicy;
import dev.fluxion.lab.cli.FluxionCommand;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        fluxion(with("--out", dir.resolve("store").toString(), "--threads", "2"));
        fluxion(with("--out", dir.resolve("parquet").toString(), "--engine", "spark", "--master", "local[2]",
            "--out-format", "parquet"));
        Path store = dir.resolve("store/pq.sqlite");
        Path dataset = dir.resolve("parquet/pq.parquet");
        assertEquals(-1, Files.mismatch(dir.resolve("store/pq.csv"), dir.resolve("parquet/pq.csv")),
            "the study commands' CSVs are byte for byte the same");

        fluxion("export", store.toString(), "--csv", dir.resolve("store.csv").toString());
        fluxion("export", dataset.toString(), "--csv", dir.resolve("dataset.csv").toString());
        assertEquals(-1, Files.mismatch(dir.resolve("store.csv"), dir.resolve("dataset.csv")),
            "fluxion export gives the same CSV from the store and from the dataset");
        assertEquals(33, Files.readAllLines(dir.resolve("dataset.csv")).size(), "a header and the 32 runs");

        String fromStore = fluxion("report", store.toString(), "--html", dir.resolve("a/page.html").toString());
        String fromDataset = fluxion("report", dataset.toString(), "--html", dir.resolve("b/page.html").toString());
        assertEquals(table(fromStore), table(fromDataset), "the same console table");
        assertTrue(table(fromStore).contains("adam"), "a table of the study: " + fromStore);
        assertEquals(-1, Files.mismatch(dir.resolve("a/page.html"), dir.resolve("b/page.html")), "the same page");

        // the dataset's own rows, read by Spark SQL alone: the store's values, traces as arrays
        Map<String, RunRow> stored = new HashMap<>();
        RunRow.read(store, true).forEach(row -> stored.put(row.key(), row));
        SparkSession session = SparkSession.builder().master("local[1]").appName("read").config("spark.ui.enabled", "false").getOrCreate();
        try {
            List<Row> rows = session.read().parquet(dataset.toUri().toString())
                .selectExpr("run_key", "optimizer", "final_value", "final_gap", "trace_loss", "trace_position").collectAsList();
            assertEquals(32, rows.size());
            assertEquals(32, rows.stream().map(r -> r.getString(0)).distinct().count(), "each run once");
            assertTrue(rows.stream().anyMatch(r -> r.getList(4).size() > 100), "the log traces are there");
            for (Row row : rows) {
                RunRow expected = stored.get(row.getString(0));
                assertEquals(expected.optimizer(), row.getString(1));
                assertEquals(Double.doubleToLongBits(expected.finalValue()), Double.doubleToLongBits(row.getDouble(2)));
                assertEquals(Double.doubleToLongBits(expected.finalGap()), Double.doubleToLongBits(row.getDouble(3)));
                List<Double> loss = row.getList(4);
                assertEquals(expected.trace().getSize(), loss.size(), "the log trace's kept steps");
                assertEquals(expected.trace().getLoss()[loss.size() - 1], loss.get(loss.size() - 1));
                assertEquals(2 * loss.size(), row.getList(5).size(), "x and y at each kept step");
            }
        } finally {
            session.stop();
        }
    }

    @Test
    void aDatasetWithSomeRunsGetsOnlyTheOthers(@TempDir Path dir) {
        CompareStudy study = SparkRunBackendTest.study(TracePolicy.NONE);
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
            assertEquals(32, spark.session().read().parquet(folder.toUri().toString()).count(), "each run once");

            try (ResultStore store = ResultStore.open(dir.resolve("copy.sqlite"))) {
                dataset.copyInto(folder, store, here);
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

            CompareStudy other = SparkRunBackendTest.study(TracePolicy.LOG);
            LabException refused = assertThrows(LabException.class,
                () -> dataset.compute(other, folder, onSpark, false, event -> kotlin.Unit.INSTANCE));
            assertTrue(refused.getMessage().contains("another study") && refused.getMessage().contains("traces"),
                refused.getMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
