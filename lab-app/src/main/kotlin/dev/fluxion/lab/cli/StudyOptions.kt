package dev.fluxion.lab.cli

import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.RunBackend
import dev.fluxion.lab.engine.RunBackendProvider
import dev.fluxion.lab.store.ResultDataset
import picocli.CommandLine.Option
import java.nio.file.Path

/** The options every study command (`compare`, `rates`, `scan`, `tune`) takes for how and where its runs compute. */
class StudyOptions {
    @Option(names = ["--threads"], description = ["parallel runs (default: all cores)"])
    var threads = Runtime.getRuntime().availableProcessors()

    @Option(names = ["--out"], description = ["results folder (default: \${DEFAULT-VALUE})"])
    var out: Path = Path.of("results")

    @Option(names = ["--replace"], description = ["delete the runs OUT/NAME.sqlite (or OUT/NAME.parquet) holds and start",
        "this study afresh (without it, a store of another study, another plan, is refused, and one of this study resumes)"])
    var replace = false

    @Option(names = ["--run-timeout"], paramLabel = "SECONDS", description = ["wall-clock limit per run; a run past it",
        "is recorded as timed out and the study goes on (default: 0, no limit)"])
    var runTimeout = 0.0

    @Option(names = ["--engine"], paramLabel = "NAME", description = ["where the runs compute: coroutines (this process's",
        "threads) or spark (an Apache Spark cluster: see --master; the fluxion command adds lab-spark's jars;",
        "Spark logs warnings only, FLUXION_SPARK_LOG=info shows its INFO log) (default: \${DEFAULT-VALUE})"])
    var engine = RunBackendProvider.COROUTINES

    @Option(names = ["--master"], paramLabel = "URL", description = ["with --engine spark: the cluster's master URL, such as",
        "spark://host:7077 (default: local[*], every core of this machine)"])
    var master: String? = null

    @Option(names = ["--out-format"], paramLabel = "FORMAT", description = ["sqlite: the runs in OUT/NAME.sqlite; or, with",
        "--engine spark, parquet: a Parquet dataset OUT/NAME.parquet written by the executors (one row per run: the",
        "summary columns and the trace as array columns), which a second run resumes and fluxion report reads",
        "(default: \${DEFAULT-VALUE})"])
    var outFormat = "sqlite"

    /**
     * The dataset format of [outFormat] (null for the store, `sqlite`), checked before any cluster is joined.
     *
     * @throws LabException for a format other than sqlite on the coroutines engine, or one not on the class path
     */
    fun dataset(): ResultDataset? = when {
        outFormat == "sqlite" -> null
        engine == RunBackendProvider.COROUTINES ->
            throw LabException("--out-format $outFormat applies to --engine spark; the coroutines engine writes sqlite")
        else -> ResultDataset.of(outFormat)
    }

    /**
     * The backend of [engine] (null for the coroutines), opened with [master] and the [plugins] jars (which it ships
     * to its executors); the caller closes it.
     */
    fun openBackend(plugins: List<Path> = emptyList()): RunBackend? {
        if (engine == RunBackendProvider.COROUTINES) {
            if (master != null) throw LabException("--master applies to --engine spark; the coroutines engine runs here")
            return null
        }
        val settings = mutableMapOf<String, String>()
        master?.let { settings["master"] = it }
        if (plugins.isNotEmpty()) settings["plugins"] = plugins.joinToString(java.io.File.pathSeparator)
        return RunBackendProvider.open(engine, settings)
    }
}
