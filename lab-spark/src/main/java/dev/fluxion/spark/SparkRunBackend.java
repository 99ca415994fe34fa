package dev.fluxion.spark;

import dev.fluxion.lab.LabException;
import dev.fluxion.lab.engine.RunBackend;
import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.lab.engine.RunSpec;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;
import scala.util.Try;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Runs on Apache Spark: the runs are split into partitions, each a Spark task that computes its runs with the lab's
 * run loop on an executor ({@link PartitionRuns}); each task's results come back to the driver as the task finishes,
 * and the driver hands them on ({@link #forEachFinished}) to the study, which stores them. What goes over the wire is
 * compact, as the driver, which also stores every run, is the cluster's bottleneck: the settings and starts the runs
 * share once per job ({@link RunTable}), four numbers per run ({@link RunBlock}), and one array of bytes per task's
 * results ({@link ResultBlock}). Spark computes each
 * partition's result once for the job: a task lost with its executor is computed again elsewhere, and its results
 * arrive once.
 *
 * <p>The executors need the lab's classes. Run from {@code fluxion-spark.jar} (spark-submit, or the fluxion
 * command), that jar is shipped to them ({@code spark.jars}); run from class folders (the tests), the executors are
 * started with the driver's own class path, which only works on the driver's machine. Plugin jars (the setting
 * {@code plugins}) are shipped as the job's files, and each executor loads them as the driver did
 * ({@link ExecutorEngine}).
 */
public final class SparkRunBackend implements RunBackend {
    /** The most runs one task computes: small enough that a lost task costs little, large enough to amortise it. */
    static final int MAX_RUNS_PER_TASK = 5_000;

    private final SparkSession session;
    private final JavaSparkContext context;
    private final int tasksPerCore;
    /** The file names the plugin jars were shipped under, in the driver's load order. */
    private final List<String> plugins;

    private SparkRunBackend(SparkSession session, int tasksPerCore, List<String> plugins) {
        this.session = session;
        this.context = JavaSparkContext.fromSparkContext(session.sparkContext());
        this.tasksPerCore = tasksPerCore;
        this.plugins = plugins;
    }

    /**
     * Joins the cluster of {@code settings}: {@code master} (default: the {@code spark.master} that spark-submit sets,
     * else {@code local[*]}), {@code tasksPerCore} (default 4: how many tasks each core of the cluster gets, at
     * least, so that a slow or lost one is a small part of the work), {@code plugins} (the plugin jars the driver
     * loaded, in its order, joined by the path separator: each is shipped to the executors, which load them as the
     * driver did: {@link ExecutorEngine}), and any {@code spark.*} setting as it is. Spark's log is quiet
     * ({@link SparkLog}).
     *
     * @throws LabException when the master URL is malformed, a plugin jar is missing, or the cluster cannot be joined
     */
    public static SparkRunBackend open(Map<String, String> settings) {
        SparkLog.configure();
        List<Path> pluginJars = pluginJars(settings.getOrDefault("plugins", ""));
        SparkSession.Builder builder = SparkSession.builder().appName("fluxion");
        String master = settings.getOrDefault("master", System.getProperty("spark.master", "local[*]"));
        builder.master(master);
        builder.config("spark.ui.enabled", "false");
        // the session's jobs share the context's files, the plugin jars among them: with Spark 4's isolated session
        // artifacts (its default), a Parquet dataset's write runs with the session's own files alone, so an executor
        // whose first task writes Parquet (every executor of a dataset's study, or one joining a running study) never
        // fetched the plugins it loads (StandaloneClusterTest)
        builder.config("spark.sql.artifact.isolation.enabled", "false");
        if (!master.startsWith("local")) shipClasses(builder, settings);
        settings.forEach((key, value) -> {
            if (key.startsWith("spark.")) builder.config(key, value);
        });
        int tasksPerCore;
        try {
            tasksPerCore = Integer.parseInt(settings.getOrDefault("tasksPerCore", "4"));
        } catch (NumberFormatException e) {
            throw new LabException("spark setting tasksPerCore = '" + settings.get("tasksPerCore") + "' is not a whole number", null);
        }
        if (tasksPerCore < 1) throw new LabException("spark setting tasksPerCore = " + tasksPerCore + " must be at least 1", null);
        SparkSession session;
        try {
            session = builder.getOrCreate();
        } catch (RuntimeException e) {
            throw new LabException("spark master '" + master + "' could not be joined: " + firstLine(e), null);
        }
        for (Path jar : pluginJars) session.sparkContext().addFile(jar.toUri().toString());
        return new SparkRunBackend(session, tasksPerCore, pluginJars.stream().map(jar -> jar.getFileName().toString()).toList());
    }

    /**
     * The plugin jars of the setting {@code plugins}, which must be files of distinct names (Spark ships a job's files
     * into one folder of each executor, by name).
     */
    private static List<Path> pluginJars(String setting) {
        List<Path> jars = new ArrayList<>();
        Map<String, Path> byName = new java.util.HashMap<>();
        for (String part : setting.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
            if (part.isBlank()) continue;
            Path jar = Path.of(part).toAbsolutePath();
            if (!Files.isRegularFile(jar)) throw new LabException("plugin jar " + jar + " is not a file; the executors need it", null);
            Path other = byName.put(jar.getFileName().toString(), jar);
            if (other != null) throw new LabException("plugin jars " + other + " and " + jar + " have the same file name, "
                + "which Spark ships them by: rename one", null);
            jars.add(jar);
        }
        return jars;
    }

    /** Gives the executors the lab's classes: the jar this class came from, or else the driver's class path. */
    private static void shipClasses(SparkSession.Builder builder, Map<String, String> settings) {
        Path source;
        try {
            source = Path.of(SparkRunBackend.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            source = null;
        }
        if (source != null && Files.isRegularFile(source) && !settings.containsKey("spark.jars")) {
            builder.config("spark.jars", source.toString());
        } else if (!settings.containsKey("spark.executor.extraClassPath")) {
            builder.config("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
    }

    @Override
    public String describe() {
        return "spark at " + context.master() + " (" + context.defaultParallelism() + " cores)";
    }

    /** The Spark session, for writing and reading datasets of results. */
    public SparkSession session() {
        return session;
    }

    /** The Spark context, for the jobs of a dataset. */
    JavaSparkContext context() {
        return context;
    }

    /** The file names the plugin jars were shipped under, for the executors' {@link ExecutorEngine}. */
    List<String> plugins() {
        return plugins;
    }

    @Override
    public void forEachFinished(List<RunSpec> runs, Consumer<RunResult> keep) {
        if (runs.isEmpty()) return;
        int tasks = tasks(runs.size(), context.defaultParallelism());
        RunTable.Split split = RunTable.split(runs, tasks);
        JavaRDD<RunBlock> partitions = context.parallelize(split.blocks(), tasks); // one block a partition
        LinkedBlockingQueue<ResultBlock> finished = new LinkedBlockingQueue<>();
        Seq<Object> all = CollectionConverters.asScala(IntStream.range(0, tasks).boxed().map(i -> (Object) i).toList()).toSeq();
        SparkContext spark = context.sc();
        SimpleFutureAction<BoxedUnit> job = spark.submitJob(partitions.rdd(), new PartitionRuns(split.table(), plugins),
            all, new Collect(finished), new Done());
        BitSet kept = new BitSet(runs.size());
        int done = 0;
        try {
            while (done < runs.size()) {
                ResultBlock block = finished.poll(100, TimeUnit.MILLISECONDS);
                if (block == null) {
                    if (job.isCompleted() && finished.isEmpty()) failure(job, runs.size() - done);
                    continue;
                }
                // never, as Spark hands each partition over once
                if (kept.nextSetBit(block.first) != -1 && kept.nextSetBit(block.first) < block.first + block.size) continue;
                kept.set(block.first, block.first + block.size);
                for (RunResult result : block.results(runs)) {
                    done++;
                    keep.accept(result);
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new CancellationException("the study's Spark job was cancelled");
        }
    }

    /** Throws the failure of a job that ended with {@code missing} runs not handed over. */
    private static void failure(SimpleFutureAction<BoxedUnit> job, int missing) {
        Try<BoxedUnit> outcome = job.value().get();
        String cause = outcome.isFailure() ? firstLine(outcome.failed().get()) : "it ended without them";
        throw new LabException("the Spark job lost " + missing + " runs: " + cause, null);
    }

    /**
     * How many tasks {@code runs} runs make on {@code cores} cores: at least {@link #tasksPerCore} per core, at most
     * {@link #MAX_RUNS_PER_TASK} runs in one, never more tasks than runs.
     */
    int tasks(int runs, int cores) {
        long byCores = (long) tasksPerCore * Math.max(1, cores);
        long bySize = (runs + (long) MAX_RUNS_PER_TASK - 1) / MAX_RUNS_PER_TASK;
        return (int) Math.min(runs, Math.max(byCores, bySize));
    }

    /** The first line of {@code e}'s message, with its root cause's. */
    static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = message.lines().findFirst().orElse("");
        if (root != e && root.getMessage() != null) line += " (" + root.getClass().getSimpleName() + ": "
            + root.getMessage().lines().findFirst().orElse("") + ")";
        return line;
    }

    @Override
    public void close() {
        session.stop();
    }

    /** The driver's side of a finished task: its results go to the queue the study's thread reads. */
    private static final class Collect extends AbstractFunction2<Object, ResultBlock, BoxedUnit> {
        private final LinkedBlockingQueue<ResultBlock> finished;

        Collect(LinkedBlockingQueue<ResultBlock> finished) {
            this.finished = finished;
        }

        @Override
        public BoxedUnit apply(Object partition, ResultBlock results) {
            finished.add(results);
            return BoxedUnit.UNIT;
        }
    }

    /** The job's value once every task is in: nothing, as the results went to the queue. */
    private static final class Done extends AbstractFunction0<BoxedUnit> {
        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }

}
