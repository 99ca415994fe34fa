package dev.fluxion.lab.cli

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.LabException
import dev.fluxion.lab.study.SpecList
import dev.fluxion.lab.study.StartPlan
import dev.fluxion.lab.engine.TracePolicy
import dev.fluxion.lab.suite.Suite
import dev.fluxion.lab.suite.SuiteTargets
import dev.fluxion.lab.tune.Search
import dev.fluxion.lab.tune.SuiteTuneStudy
import dev.fluxion.lab.tune.SearchSpace
import dev.fluxion.lab.tune.TuneStudy
import dev.fluxion.lab.tune.TuneUnit
import picocli.CommandLine.Option

/** The options of a tuned comparison, which `fluxion tune` and `fluxion compare --tune` take ([TuneStudy]). */
class TuneOptions {
    @Option(names = ["--tune"], paramLabel = "NAME=DIST", description = ["a hyperparameter to tune and where its values " +
        "come from: loguniform(a,b), uniform(a,b), int(a,b), choice(v1,v2,...), grid(a,b,n) or loggrid(a,b,n); " +
        "repeat for several, e.g. --tune 'lr=loguniform(1e-5,1)'"])
    var tune: List<String> = ArrayList()

    @Option(names = ["--budget"], description = ["settings each optimizer tries per tuning unit (a grid's most; " +
        "halving's first rung) (default: 20)"])
    var budget: Int? = null

    @Option(names = ["--search"], description = ["grid, random or halving (successive halving on the step budget) " +
        "(default: random)"])
    var search: String? = null

    @Option(names = ["--eta"], description = ["successive halving keeps the best 1/eta of each rung (default: 3)"])
    var eta: Int? = null

    @Option(names = ["--tune-starts"], paramLabel = "STARTS", description = ["the tuning runs' starts, drawn with a seed " +
        "of their own (default: random:3)"])
    var tuneStarts: String? = null

    @Option(names = ["--tune-unit"], paramLabel = "UNIT", description = ["landscape (a setting per landscape) or all " +
        "(one setting for all the landscapes) (default: landscape; with --suite the unit is the function group per dimension)"])
    var tuneUnit: String? = null

    @Option(names = ["--tune-instances"], paramLabel = "INSTANCES", description = ["with --suite, the instances the tuning " +
        "runs on, disjoint from the evaluated ones: bbob's numbers such as 6-8, mgh's start scales such as 2 (default: " +
        "bbob's three after the largest evaluated instance; mgh's 2)"])
    var tuneInstances: String? = null

    /** Whether any tuning option was given. */
    val given: Boolean get() = tune.isNotEmpty() || budget != null || search != null || eta != null || tuneStarts != null ||
        tuneUnit != null || tuneInstances != null

    /** The tune study with these options and the comparison's. */
    fun study(optimizers: String, landscapes: String, starts: String, seeds: Int, steps: Long, noise: Double, seed: Long,
              name: String, traces: String, fixedLength: Boolean = false): TuneStudy {
        requireTune()
        if (tuneInstances != null) throw LabException("--tune-instances applies to a suite: add --suite bbob or --suite mgh")
        return TuneStudy(SpecList.split(optimizers), SpecList.split(landscapes), SearchSpace.parse(tune),
            Search.parse(search ?: "random"), budget ?: 20, eta ?: 3, StartPlan(tuneStarts ?: "random:3"),
            TuneUnit.parse(tuneUnit ?: "landscape"), StartPlan(starts), seeds,
            Budget(maxSteps = steps, gradientNoise = noise, fixedLength = fixedLength),
            seed, name, TracePolicy.parse(traces))
    }

    /**
     * The tuned study of [suite] with these options and the comparison's: tuned per function group and dimension on
     * the `--tune-instances`, from `--tune-starts` (default: `default`, the suite's own start).
     */
    fun suiteStudy(suite: Suite, optimizers: String, starts: String, seeds: Int, steps: Long, noise: Double, seed: Long,
                   name: String, traces: String, fixedLength: Boolean = false): SuiteTuneStudy {
        requireTune()
        if (tuneUnit != null) throw LabException("--tune-unit applies to --landscapes; with --suite the unit is the function group per dimension")
        return SuiteTuneStudy(suite, SpecList.split(optimizers), SearchSpace.parse(tune), Search.parse(search ?: "random"),
            budget ?: 20, eta ?: 3, tuneInstances, StartPlan(tuneStarts ?: "default"), StartPlan(starts), seeds,
            SuiteTargets.budget(steps, noise).copy(fixedLength = fixedLength), seed, name, TracePolicy.parse(traces))
    }

    private fun requireTune() {
        if (tune.isEmpty()) throw LabException("--budget, --search, --eta, --tune-starts, --tune-unit and --tune-instances " +
            "need --tune NAME=DIST, e.g. --tune 'lr=loguniform(1e-5,1)'")
    }
}
