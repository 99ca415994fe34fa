package dev.fluxion.lab.cli

import picocli.CommandLine.Option
import java.nio.file.Path

/** The options every study command (`compare`, `rates`, `scan`) takes for how and where its runs compute. */
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
}
