package dev.fluxion.lab.cli

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.lab.suite.SuiteStudy
import dev.fluxion.lab.suite.SuiteTargets
import dev.fluxion.lab.engine.TracePolicy
import dev.fluxion.lab.study.SpecList
import dev.fluxion.lab.study.StartPlan
import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Mixin
import picocli.CommandLine.Option
import picocli.CommandLine.Spec
import java.util.concurrent.Callable

/**
 * `fluxion compare`: optimizers x landscapes x starts x seeds into `OUT/NAME.sqlite`, with `NAME.csv` and
 * `NAME.html` beside it; runs already stored are skipped. Specs are separated by `;` (commas live inside specs).
 */
@Command(name = "compare", description = ["Compare optimizers on landscapes; writes a SQLite store, CSV and an HTML report."])
class CompareCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Mixin
    lateinit var options: StudyOptions

    @Mixin
    lateinit var runLength: RunLengthOption

    @Option(names = ["--optimizers"], paramLabel = "SPECS", description = ["optimizer specs separated by ';' (default: \${DEFAULT-VALUE})"])
    var optimizers = DEFAULT_OPTIMIZERS

    @Option(names = ["--landscapes"], paramLabel = "SPECS", description = ["landscape specs separated by ';' (default: \${DEFAULT-VALUE})"])
    var landscapes = DEFAULT_LANDSCAPES

    @Option(names = ["--starts"], description = ["default, random:N, proposal:N (COCO's restart proposals), grid:N, " +
        "point:X,Y,..., joined by + (default: \${DEFAULT-VALUE}; with --suite, default)"])
    var starts = "default+random:4"

    @Option(names = ["--seeds"], description = ["seeds per start (default: \${DEFAULT-VALUE})"])
    var seeds = 1

    @Option(names = ["--steps"], description = ["step budget per run (default: \${DEFAULT-VALUE})"])
    var steps = 10000L

    @Option(names = ["--noise"], description = ["gradient noise standard deviation (default: \${DEFAULT-VALUE})"])
    var noise = 0.0

    @Option(names = ["--seed"], description = ["study seed (default: \${DEFAULT-VALUE})"])
    var seed = 0L

    @Option(names = ["--name"], description = ["study name: the files' base name (default: \${DEFAULT-VALUE})"])
    var name = "compare"

    @Option(names = ["--traces"], paramLabel = "POLICY", description = ["which steps each run's trace keeps for plots: " +
        "log (every step to 100, then log-spaced), every:N, or none (summaries only, the smallest store) " +
        "(default: \${DEFAULT-VALUE})"])
    var traces = "log"

    @Mixin
    lateinit var suiteOptions: SuiteOptions

    @Mixin
    lateinit var tuning: TuneOptions

    override fun call(): Int {
        val given = spec.commandLine().parseResult
        val chosen = suiteOptions.chosen(given) ?: run {
            if (tuning.given) {
                return executeStudy(tuning.study(optimizers, landscapes, starts, seeds, steps, noise, seed, name, traces,
                    runLength.fixedLength),
                    options, spec)
            }
            return executeStudy(CompareStudy(SpecList.split(optimizers), SpecList.split(landscapes), StartPlan(starts), seeds,
                Budget(maxSteps = steps, gradientNoise = noise, fixedLength = runLength.fixedLength), seed, name,
                TracePolicy.parse(traces)), options, spec)
        }
        fun <T> unless(option: String, value: T, otherwise: T) = if (given.hasMatchedOption(option)) value else otherwise
        if (tuning.given) {
            return executeStudy(tuning.suiteStudy(chosen, optimizers, unless("--starts", starts, "default"), seeds, steps, noise,
                seed, unless("--name", name, "${chosen.name}-tune"), unless("--traces", traces, "none"), runLength.fixedLength),
                options, spec)
        }
        return executeStudy(SuiteStudy(chosen, SpecList.split(optimizers), StartPlan(unless("--starts", starts, "default")), seeds,
            SuiteTargets.budget(steps, noise).copy(fixedLength = runLength.fixedLength), seed, unless("--name", name, chosen.name),
            TracePolicy.parse(unless("--traces", traces, "none"))), options, spec)
    }

    companion object {
        /**
         * One setting per optimizer that is stable at every landscape's minimum (Rosenbrock's Hessian there has
         * L = 1001.6, so plain gradient descent needs lr < 2/L = 0.002, and heavy ball and Nesterov with momentum
         * 0.9 need lr < 3.8/L and 1.36/L), with the gradient clipped at norm 10 so that random starts in Beale's
         * and Rosenbrock's corners, where gradients reach 1e5, do not throw fixed-step methods out of the domain.
         * Newton stays unguarded: its divergence on Beale and on the saddle is the lesson. L-BFGS needs no step size
         * at all: its strong Wolfe line search tries the unit step first and finds one that decreases f.
         */
        const val DEFAULT_OPTIMIZERS = "chain(clip(norm=10), gd(lr=0.0015)); chain(clip(norm=10), momentum(lr=0.001, momentum=0.9)); " +
            "chain(clip(norm=10), nesterov(lr=0.001, momentum=0.9)); adam(lr=0.05); newton(lr=1); lbfgs"
        const val DEFAULT_LANDSCAPES = "quadratic(dim=2, kappa=100); beale; rosenbrock(dim=2); saddle"

    }
}
