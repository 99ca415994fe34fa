package dev.fluxion.lab.cli

import picocli.CommandLine.Command
import picocli.CommandLine.Mixin
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Option
import picocli.CommandLine.Spec
import java.util.concurrent.Callable

/**
 * `fluxion tune`: a tuned comparison ([dev.fluxion.lab.tune.TuneStudy]), the same as `fluxion compare --tune`
 * but named `tune` by default: each optimizer's hyperparameters searched per landscape on tuning starts of their
 * own, then the comparison at the tuned settings, into `OUT/NAME.sqlite`, `NAME.csv` and `NAME.html`. With
 * `--suite`, a tuned suite study ([dev.fluxion.lab.tune.SuiteTuneStudy], named `SUITE-tune` by default): tuned per
 * function group and dimension on instances of its own, then compared on the suite.
 */
@Command(name = "tune", description = ["Tune optimizers' hyperparameters (grid, random or successive halving), then compare them at the tuned settings."])
class TuneCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Mixin
    lateinit var options: StudyOptions

    @Mixin
    lateinit var runLength: RunLengthOption

    @Mixin
    lateinit var tuning: TuneOptions

    @Mixin
    lateinit var suiteOptions: SuiteOptions

    @Option(names = ["--optimizers"], paramLabel = "SPECS", description = ["optimizer specs separated by ';' (default: \${DEFAULT-VALUE})"])
    var optimizers = "gd; momentum(momentum=0.9); adam"

    @Option(names = ["--landscapes"], paramLabel = "SPECS", description = ["landscape specs separated by ';' (default: \${DEFAULT-VALUE})"])
    var landscapes = "quadratic(dim=2, kappa=100); rosenbrock(dim=2)"

    @Option(names = ["--starts"], description = ["the comparison's starts: default, random:N, grid:N, joined by + (default: \${DEFAULT-VALUE})"])
    var starts = "default+random:4"

    @Option(names = ["--seeds"], description = ["seeds per start (default: \${DEFAULT-VALUE})"])
    var seeds = 1

    @Option(names = ["--steps"], description = ["step budget per run (default: \${DEFAULT-VALUE})"])
    var steps = 2000L

    @Option(names = ["--noise"], description = ["gradient noise standard deviation (default: \${DEFAULT-VALUE})"])
    var noise = 0.0

    @Option(names = ["--seed"], description = ["study seed (default: \${DEFAULT-VALUE})"])
    var seed = 0L

    @Option(names = ["--name"], description = ["study name: the files' base name (default: \${DEFAULT-VALUE})"])
    var name = "tune"

    @Option(names = ["--traces"], paramLabel = "POLICY", description = ["log, every:N or none (default: \${DEFAULT-VALUE})"])
    var traces = "log"

    override fun call(): Int {
        val given = spec.commandLine().parseResult
        val suite = suiteOptions.chosen(given)
            ?: return executeStudy(tuning.study(optimizers, landscapes, starts, seeds, steps, noise, seed, name, traces,
                runLength.fixedLength), options, spec)
        fun <T> unless(option: String, value: T, otherwise: T) = if (given.hasMatchedOption(option)) value else otherwise
        return executeStudy(tuning.suiteStudy(suite, optimizers, unless("--starts", starts, "default"), seeds, steps, noise, seed,
            unless("--name", name, "${suite.name}-tune"), unless("--traces", traces, "none"), runLength.fixedLength), options, spec)
    }
}
