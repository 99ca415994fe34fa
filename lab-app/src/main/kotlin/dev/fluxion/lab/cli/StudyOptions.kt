package dev.fluxion.lab.cli

import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.RunBackend
import dev.fluxion.lab.engine.RunBackendProvider
import picocli.CommandLine.Option
import java.nio.file.Path

/** The options every study command (`compare`, `rates`, `scan`, `tune`) takes for how and where its runs compute. */
class StudyOptions {
    @Option(names = ["--threads"], description = ["parallel runs (default: all cores)"])
    var threads = Runtime.getRuntime().availableProcessors()

    @Option(names = ["--out"], description = ["results folder (default: \${DEFAULT-VALUE})"])
    var out: Path = Path.of("results")

    @Option(names = ["--replace"], description = ["delete the runs OUT/NAME.sqlite holds and start this study afresh",
        "(without it, a store of another study, another plan, is refused, and one of this study resumes)"])
    var replace = false

    @Option(names = ["--run-timeout"], paramLabel = "SECONDS", description = ["wall-clock limit per run; a run past it",
        "is recorded as timed out and the study goes on (default: 0, no limit)"])
    var runTimeout = 0.0

    @Option(names = ["--engine"], paramLabel = "NAME", description = ["where the runs compute: coroutines (this process's",
        "threads) or spark (an Apache Spark cluster: see --master; the fluxion command adds lab-spark's jars)",
        "(default: \${DEFAULT-VALUE})"])
    var engine = RunBackendProvider.COROUTINES

    @Option(names = ["--master"], paramLabel = "URL", description = ["with --engine spark: the cluster's master URL, such as",
        "spark://host:7077 (default: local[*], every core of this machine)"])
    var master: String? = null

    /** The backend of [engine] (null for the coroutines), opened with [master]; the caller closes it. */
    fun openBackend(): RunBackend? {
        if (engine == RunBackendProvider.COROUTINES) {
            if (master != null) throw LabException("--master applies to --engine spark; the coroutines engine runs here")
            return null
        }
        return RunBackendProvider.open(engine, master?.let { mapOf("master" to it) } ?: emptyMap())
    }
}
