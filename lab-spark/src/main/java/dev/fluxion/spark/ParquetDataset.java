package dev.fluxion.spark;

import dev.fluxion.lab.engine.Engine;
import dev.fluxion.lab.LabException;
import dev.fluxion.lab.engine.Progress;
import dev.fluxion.lab.store.ResultDataset;
import dev.fluxion.lab.store.ResultStore;
import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.lab.engine.RunSpec;
import dev.fluxion.lab.study.ScanStudy;
import dev.fluxion.lab.study.StagedStudy;
import dev.fluxion.lab.study.Study;
import kotlin.Unit;
import kotlin.jvm.functions.Function1;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A study's results as a Parquet dataset ({@code --out-format parquet}): a folder of Parquet files, one row per run
 * ({@link ParquetRows}), written by the executors themselves (the runs' results never pass through the driver), and
 * beside them the study's record ({@value #STUDY_FILE}) and what a report needs of its optimizers and landscapes
 * ({@value #RECORDS_FILE}: {@link ResultDataset#record}), which Parquet readers skip as they skip every file whose
 * name starts with an underscore. Any Parquet reader (Spark, pandas, DuckDB) reads the rows; the lab reads them
 * back through {@link #copyInto}, records and all, so a study of plugins or of a script is reported without them.
 *
 * <p>The runs the dataset lacks are computed in jobs of at most {@value #RUNS_PER_JOB} runs, each appending its
 * files when all of its tasks are done (Spark's commit protocol: a task computed twice, after a lost executor, is
 * committed once). So a study stopped midway keeps its finished jobs' runs, and the same command computes the rest.
 * Every study kind writes a dataset, as it fills a store ({@link dev.fluxion.lab.study.Studies#compute}): a tune
 * study ({@link StagedStudy}) stage by stage, each planned from the summaries of the runs before it as read back from
 * the dataset ({@link DatasetRuns}); a scan its grid, then its bisection runs, computed on the driver one after
 * another, each chosen by the one before. One process writes a dataset at a time (the store's claims, which let
 * processes share a study, have no counterpart here). On a cluster of several machines, the dataset's folder must be
 * one they all share.
 */
public final class ParquetDataset implements ResultDataset {
    /** The study's record in the dataset's folder: its properties ({@link Study#properties()}). */
    static final String STUDY_FILE = "_fluxion-study.properties";

    /**
     * What a report needs of the study's optimizers and landscapes whose code a reader may lack, in the dataset's
     * folder: a store of the study that holds no runs, only these records, written once the study's runs are in
     * ({@link ResultDataset#record}) and given to the store the dataset is copied into ({@link #copyInto}).
     */
    static final String RECORDS_FILE = "_fluxion-records.sqlite";

    /** The most runs one job computes and commits. */
    static final int RUNS_PER_JOB = 50_000;

    @Override
    public String name() {
        return "parquet";
    }

    @Override
    public boolean holds(Path folder) {
        return Files.isRegularFile(folder.resolve(STUDY_FILE));
    }

    @Override
    public void compute(Study study, Path folder, Engine engine, boolean replace, Function1<? super Progress, Unit> progress) {
        if (!(engine.getBackend() instanceof SparkRunBackend spark)) {
            throw new LabException("--out-format parquet needs --engine spark: its executors write the dataset", null);
        }
        if (replace) delete(folder);
        claim(folder, study.properties());
        DatasetRuns held = new DatasetRuns(spark.session(), folder);
        Set<String> stored = held.keys(); // read once, then kept up to date with the runs written
        List<RunSpec> runs = study.runs(engine);
        Map<String, String> optimizers = new TreeMap<>(); // each optimizer label of the study's runs, with its spec
        computeRuns(spark, stored, runs, folder, study instanceof ScanStudy scan ? scan.getBisections() : 0, optimizers,
            progress);
        if (study instanceof StagedStudy staged) {
            // each stage planned from the summaries of the runs before it, read back from the dataset
            for (int index = 1; ; index++) {
                List<RunSpec> stage = staged.stage(index, engine, held::summaries);
                if (stage == null) break;
                computeRuns(spark, stored, stage, folder, 0, optimizers, progress);
            }
        }
        if (study instanceof ScanStudy scan) refine(scan, runs, held, spark.session(), folder, engine, optimizers, progress);
        try (ResultStore records = ResultStore.open(folder.resolve(RECORDS_FILE))) {
            records.claimStudy(study.properties());
            ResultDataset.record(study, records, optimizers, engine, held::load, held::summaries);
        }
    }

    /**
     * Computes the runs of {@code runs} (a study's, or one stage's) whose keys dataset {@code folder} lacks
     * ({@code stored} holds its keys, and gets those of the runs written), each key once, in jobs of at most
     * {@value #RUNS_PER_JOB}; {@code progress} sees one {@link Progress.Planned} first. {@code optimizers} gets the
     * optimizer label and spec of each run of {@code runs}.
     */
    private static void computeRuns(SparkRunBackend spark, Set<String> stored, List<RunSpec> runs, Path folder,
                                    int bisections, Map<String, String> optimizers, Function1<? super Progress, Unit> progress) {
        List<RunSpec> remaining = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (RunSpec run : runs) {
            optimizers.putIfAbsent(run.getOptimizerLabel(), run.getOptimizerSpec());
            if (!stored.contains(run.getKey()) && planned.add(run.getKey())) remaining.add(run);
        }
        progress.invoke(new Progress.Planned(runs.size(), runs.size() - remaining.size(), bisections));
        int done = 0;
        for (int from = 0; from < remaining.size(); from += RUNS_PER_JOB) {
            List<RunSpec> job = remaining.subList(from, Math.min(remaining.size(), from + RUNS_PER_JOB));
            done = write(spark, job, folder, done, remaining.size(), progress);
        }
        stored.addAll(planned);
    }

    /**
     * A scan's bisection ({@link ScanStudy#analyse}) from its grid's runs in the dataset: each bisection run the
     * dataset holds is read back, each other one computed here, one after another (each is chosen by the one before,
     * as in a store's scan), and those computed are appended to the dataset together once the bisection is done (one
     * file, not one per run; a bisection stopped midway is computed again, a few dozen runs on one thread).
     * {@code optimizers} gets the optimizer label and spec of each bisection run.
     */
    private static void refine(ScanStudy scan, List<RunSpec> grid, DatasetRuns held, SparkSession session, Path folder,
                               Engine engine, Map<String, String> optimizers, Function1<? super Progress, Unit> progress) {
        Map<String, Row> rows = new HashMap<>(); // the grid's, and the bisection runs of an earlier command
        held.forEachRow(true, row -> rows.putIfAbsent(row.getString(0), row));
        List<RunResult> results = new ArrayList<>();
        for (RunSpec run : grid) results.add(ParquetRows.toResult(rows.get(run.getKey()), run));
        List<Row> computed = new ArrayList<>();
        int[] done = {0};
        scan.analyse(results, engine, spec -> {
            optimizers.putIfAbsent(spec.getOptimizerLabel(), spec.getOptimizerSpec());
            Row row = rows.get(spec.getKey());
            RunResult result = row != null ? ParquetRows.toResult(row, spec)
                : engine.run(spec, () -> !Thread.currentThread().isInterrupted());
            if (row == null) computed.add(ParquetRows.of(result));
            progress.invoke(new Progress.Refined(result, ++done[0], scan.getBisections(), row == null));
            return result;
        });
        if (!computed.isEmpty()) {
            delete(folder.resolve("_temporary"));
            session.createDataFrame(computed, ParquetRows.SCHEMA).write().mode(SaveMode.Append).parquet(uri(folder));
        }
    }

    /** Records the study in {@code folder}, or checks that the study recorded there is this one. */
    static void claim(Path folder, Map<String, String> properties) {
        Path record = folder.resolve(STUDY_FILE);
        if (Files.isRegularFile(record)) {
            Map<String, String> recorded = readStudy(folder);
            if (!sameStudy(recorded, properties)) {
                throw new LabException(folder + " holds the runs of another study (" + differences(recorded, properties)
                    + "); --replace deletes them", null);
            }
            return;
        }
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    if (files.findAny().isPresent()) {
                        throw new LabException(folder + " is a folder that records no study; the dataset needs a folder of its own", null);
                    }
                }
            }
            Files.createDirectories(folder);
            Properties written = new Properties();
            written.putAll(properties);
            try (Writer out = Files.newBufferedWriter(record, StandardCharsets.UTF_8)) {
                written.store(out, "the fluxion study whose runs this Parquet dataset holds");
            }
        } catch (IOException e) {
            throw new LabException("cannot write the dataset " + folder + ": " + e.getMessage(), null);
        }
    }

    /** Whether a recorded study is the study of {@code properties}, read back as a study (as the store compares). */
    private static boolean sameStudy(Map<String, String> recorded, Map<String, String> properties) {
        if (recorded.equals(properties)) return true;
        try {
            return Study.of(recorded).properties().equals(properties);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String differences(Map<String, String> recorded, Map<String, String> properties) {
        List<String> differ = new ArrayList<>();
        Set<String> names = new java.util.TreeSet<>(recorded.keySet());
        names.addAll(properties.keySet());
        for (String name : names) {
            if (!java.util.Objects.equals(recorded.get(name), properties.get(name))) {
                differ.add(name + " " + recorded.get(name) + " there, " + properties.get(name) + " here");
            }
        }
        return String.join("; ", differ.subList(0, Math.min(3, differ.size())));
    }

    /** The study recorded in dataset {@code folder}. */
    static Map<String, String> readStudy(Path folder) {
        Properties read = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve(STUDY_FILE), StandardCharsets.UTF_8)) {
            read.load(in);
        } catch (IOException e) {
            throw new LabException("cannot read the study of the dataset " + folder + ": " + e.getMessage(), null);
        }
        Map<String, String> properties = new TreeMap<>();
        read.forEach((name, value) -> properties.put((String) name, (String) value));
        return properties;
    }

    /**
     * Computes {@code runs} in one job that appends their rows to {@code folder}, reporting each finished task's runs
     * to {@code progress} (runs {@code done} + 1, ... of {@code total}); returns the runs done after it.
     */
    private static int write(SparkRunBackend spark, List<RunSpec> runs, Path folder, int done, int total,
                             Function1<? super Progress, Unit> progress) {
        JavaSparkContext context = spark.context();
        int tasks = spark.tasks(runs.size(), context.defaultParallelism());
        RunTable.Split split = RunTable.split(runs, tasks);
        LongAccumulator runsDone = context.sc().longAccumulator("fluxion runs done");
        CollectionAccumulator<ResultBlock> lastRuns = context.sc().collectionAccumulator("fluxion last runs");
        JavaRDD<Row> rows = context.parallelize(split.blocks(), tasks) // one block a partition
            .mapPartitions(new PartitionRows(split.table(), spark.plugins(), runsDone, lastRuns));
        // a job killed before its commit leaves its tasks' files here, which the next job's commit would take in
        delete(folder.resolve("_temporary"));
        String group = "fluxion-" + UUID.randomUUID();
        CompletableFuture<Void> job = CompletableFuture.runAsync(() -> {
            context.setJobGroup(group, "fluxion: " + runs.size() + " runs into " + folder, true);
            spark.session().createDataFrame(rows, ParquetRows.SCHEMA).write().mode(SaveMode.Append).parquet(uri(folder));
        });
        int reported = 0;
        try {
            while (true) {
                try {
                    job.get(250, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    reported = report(runsDone, lastRuns, runs, reported, done, total, progress);
                }
            }
        } catch (InterruptedException e) {
            context.cancelJobGroup(group);
            Thread.currentThread().interrupt();
            throw new CancellationException("the study's Spark job was cancelled");
        } catch (ExecutionException e) {
            throw new LabException("the Spark job writing " + folder + " failed: " + SparkRunBackend.firstLine(e.getCause()), null);
        }
        report(runsDone, lastRuns, runs, reported, done, total, progress);
        return done + runs.size(); // the job committed every task's rows
    }

    /** Reports the runs of the tasks finished since {@code reported} were; returns the runs reported now. */
    private static int report(LongAccumulator runsDone, CollectionAccumulator<ResultBlock> lastRuns, List<RunSpec> runs,
                              int reported, int done, int total, Function1<? super Progress, Unit> progress) {
        int now = (int) Math.min(runs.size(), runsDone.value());
        if (now == reported) return reported;
        List<ResultBlock> last = lastRuns.value();
        if (last.isEmpty()) return reported;
        RunResult result = last.get(last.size() - 1).results(runs).get(0);
        progress.invoke(new Progress.Finished(result, done + now, total));
        return now;
    }

    @Override
    public void copyInto(Path folder, ResultStore store, Function1<? super ResultStore, Engine> engine) {
        Map<String, String> properties = readStudy(folder);
        Study study;
        try {
            study = Study.of(properties);
        } catch (LabException e) {
            throw new LabException(folder + ": " + e.getMessage(), null);
        }
        store.claimStudy(properties);
        Path records = folder.resolve(RECORDS_FILE);
        if (Files.isRegularFile(records)) { // a dataset of an earlier fluxion has none: its report needs the plugins
            try (ResultStore recorded = ResultStore.openReadOnly(records)) {
                store.putRecordsOf(recorded);
            }
        }
        Engine rebuilding = engine.invoke(store);
        if (!DatasetRuns.holdsRuns(folder)) return;
        List<RunSpec> grid = study.runs(rebuilding); // before Spark starts: an optimizer or landscape unknown here fails at once
        // the session of a study just computed here, or one of this process's own
        SparkSession running = SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get() : null;
        boolean ownSession = running == null || running.sparkContext().isStopped();
        if (ownSession) SparkLog.configure();
        SparkSession session = ownSession ? SparkSession.builder().appName("fluxion").master("local[2]")
            .config("spark.ui.enabled", "false").getOrCreate() : running;
        try {
            copyRuns(study, grid, new DatasetRuns(session, folder), folder, store, rebuilding);
        } finally {
            if (ownSession) session.stop();
        }
    }

    /**
     * Copies the runs of {@code study} from {@code held} into {@code store} as the study planned them: its runs
     * ({@code grid}), then
     * (a tune study) each later stage, planned from the summaries copied before it, for as long as the stages before
     * are whole, then (a scan) the bisection runs its grid leads to; a row no stage plans is an error.
     */
    private static void copyRuns(Study study, List<RunSpec> grid, DatasetRuns held, Path folder, ResultStore store,
                                 Engine engine) {
        Set<String> unplanned = new HashSet<>(); // the rows of runs outside the study's first stage
        Map<String, Row> others = new HashMap<>(); // a scan's bisection runs
        Set<String> copied = new HashSet<>();
        boolean whole = copyStage(grid, held, store, copied, row -> {
            unplanned.add(row.getString(0));
            if (study instanceof ScanStudy) others.put(row.getString(0), row);
        });
        if (study instanceof StagedStudy staged) {
            for (int index = 1; whole; index++) {
                List<RunSpec> stage = staged.stage(index, engine, store::summaries);
                if (stage == null) break;
                whole = copyStage(stage, held, store, copied, row -> {});
            }
        }
        if (study instanceof ScanStudy scan && whole) {
            try {
                scan.analyse(store.load(grid), engine, spec -> {
                    RunResult found = store.find(spec);
                    if (found != null) return found;
                    Row row = others.get(spec.getKey());
                    if (row == null) throw new BisectionStopped();
                    RunResult result = ParquetRows.toResult(row, spec);
                    store.put(result);
                    copied.add(spec.getKey());
                    return result;
                });
            } catch (BisectionStopped e) {
                // a bisection stopped midway: the runs before are copied, and the same scan command computes the rest
            }
        }
        unplanned.removeAll(copied);
        if (!unplanned.isEmpty()) {
            throw new LabException(folder + ": run " + unplanned.iterator().next() + " is not a run of its study", null);
        }
    }

    /** A scan's bisection that reached a run the dataset lacks: it had been stopped there. */
    private static final class BisectionStopped extends RuntimeException {
        BisectionStopped() {
            super(null, null, false, false);
        }
    }

    /**
     * Copies the rows of {@code stage}'s runs from {@code held} into {@code store}, each key once (recording it in
     * {@code copied}), handing each row not copied to {@code other}; returns whether every run of the stage is there.
     */
    private static boolean copyStage(List<RunSpec> stage, DatasetRuns held, ResultStore store, Set<String> copied,
                                     Consumer<Row> other) {
        Map<String, RunSpec> byKey = new HashMap<>();
        for (RunSpec run : stage) byKey.putIfAbsent(run.getKey(), run);
        List<RunResult> batch = new ArrayList<>();
        held.forEachRow(true, row -> {
            String key = row.getString(0);
            RunSpec spec = byKey.get(key);
            if (spec == null || !copied.add(key)) { // written twice (by hand, say): the runs are equal, so either will do
                if (spec == null) other.accept(row);
                return;
            }
            batch.add(ParquetRows.toResult(row, spec));
            if (batch.size() == 1024) {
                store.putAll(batch);
                batch.clear();
            }
        });
        store.putAll(batch);
        return copied.containsAll(byKey.keySet());
    }

    private static String uri(Path folder) {
        return folder.toAbsolutePath().toUri().toString();
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) return;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(file);
        } catch (IOException e) {
            throw new LabException("cannot delete " + folder + ": " + e.getMessage(), null);
        }
    }
}
