package dev.fluxion.lab.cli

import dev.fluxion.lab.study.ScanStudy
import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Mixin
import picocli.CommandLine.Option
import picocli.CommandLine.Spec
import java.util.concurrent.Callable

/** `fluxion scan`: final gap against learning rate on a log grid; the divergence edge against 2/L. */
@Command(name = "scan", description = ["Final gap against learning rate on a log grid; locates the divergence edge",
    "(bisection) against 2/L and the best step."])
class ScanCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Mixin
    lateinit var options: StudyOptions

    @Mixin
    lateinit var runLength: RunLengthOption

    @Option(names = ["--optimizer", "-o"], description = ["a name, or a spec with {lr} (default: \${DEFAULT-VALUE})"])
    var optimizer = "gd"

    @Option(names = ["--landscape", "-l"], description = ["landscape spec (default: \${DEFAULT-VALUE})"])
    var landscape = "quadratic(dim=10, kappa=100)"

    @Option(names = ["--from"], description = ["smallest learning rate (default: \${DEFAULT-VALUE})"])
    var low = 1e-4

    @Option(names = ["--to"], description = ["largest learning rate (default: \${DEFAULT-VALUE})"])
    var high = 1.0

    @Option(names = ["--points"], description = ["grid points (default: \${DEFAULT-VALUE})"])
    var points = 40

    @Option(names = ["--steps"], description = ["steps per run (default: \${DEFAULT-VALUE})"])
    var steps = 1000L

    @Option(names = ["--seed"], description = ["study seed (default: \${DEFAULT-VALUE})"])
    var seed = 0L

    @Option(names = ["--name"], description = ["study name: the files' base name (default: \${DEFAULT-VALUE})"])
    var name = "scan"

    override fun call(): Int =
        executeStudy(ScanStudy(optimizer, landscape, low, high, points, steps, seed, name,
            fixedLength = runLength.fixedLength), options, spec)
}
