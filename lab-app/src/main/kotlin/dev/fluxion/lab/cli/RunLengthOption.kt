package dev.fluxion.lab.cli

import picocli.CommandLine.Option

/**
 * `--fixed-length`, which the study commands (`compare`, `rates`, `scan`, `tune`) take: every run takes its whole
 * step budget ([dev.fluxion.lab.engine.Budget.fixedLength]). Without it a study's runs, keys and stored properties
 * are those of a study before the option, so its store resumes.
 */
class RunLengthOption {
    @Option(names = ["--fixed-length"], description = ["every run takes all its --steps, on past the finest target or a",
        "stall (the steps at which it first reached each target are still recorded); a divergence still ends it",
        "(default: a run ends at the finest target, a stall or divergence)"])
    var fixedLength = false
}
