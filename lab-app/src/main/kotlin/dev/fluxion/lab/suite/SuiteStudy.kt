package dev.fluxion.lab.suite

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.study.SpecList
import dev.fluxion.lab.study.StartPlan
import dev.fluxion.lab.study.Study
import dev.fluxion.lab.engine.TracePolicy

/**
 * A comparison on a standard suite: every optimizer on every landscape of [suite] ([Suite.expand]) from every
 * start with every seed, aiming at COCO's targets relative to each landscape's f* ([SuiteTargets]). Its runs are
 * those of the [CompareStudy] over the suite's landscapes; its report ([dev.fluxion.lab.report.SuiteReport]) pools
 * them by function and function group: aRT tables with COCO's simulated-restart percentiles, and runtime ECDFs.
 *
 * Starts follow COCO's experiments: the first at the landscape's default start ([StartPlan] `default`: the
 * origin, COCO's initial solution, for bbob; the standard x0 for mgh), and further ones, if asked for, at COCO's
 * later restart proposals (`proposal:N`: each coordinate the mean of two uniform draws over the domain, [-5, 5]
 * for bbob), seeded by the study seed, the landscape and the start's index. COCO runs one trial per instance; the
 * instances (bbob) and the start scales (mgh) are the repetitions over which a function's runs are pooled.
 *
 * ```kotlin
 * val study = SuiteStudy(Suite("bbob", dims = "2,5", instances = "1-3"), listOf("gd(lr=0.01)", "adam(lr=0.1)"),
 *     budget = SuiteTargets.budget(maxSteps = 2000))
 * Studies.run(study, ResultStore.open(Path.of("results/bbob.sqlite")))
 * ```
 *
 * @property traces which steps of each run are kept: by default none, since the suite report draws no traces
 */
data class SuiteStudy @JvmOverloads constructor(
    val suite: Suite,
    val optimizers: List<String>,
    val starts: StartPlan = StartPlan("default"),
    val seeds: Int = 1,
    override val budget: Budget = SuiteTargets.budget(DEFAULT_STEPS),
    val seed: Long = 0,
    override val name: String = suite.name,
    val traces: TracePolicy = TracePolicy.NONE,
) : Study {
    init {
        if (optimizers.isEmpty()) throw LabException("a suite study needs at least one optimizer")
        if (seeds < 1 || seeds > Study.MAX_RUNS) throw LabException("seeds = $seeds must be from 1 to ${Study.MAX_RUNS}")
        SuiteTargets.check(budget)
        Study.checkName(name)
    }

    /** The suite's landscapes (built on [engine]) and those left out for want of a stated minimum. */
    fun expansion(engine: Engine): SuiteExpansion = suite.expand(engine)

    /** The comparison whose runs this study's are: the optimizers on the suite's landscapes. */
    fun comparison(engine: Engine): CompareStudy = CompareStudy(optimizers, expansion(engine).problems.map { it.spec },
        starts, seeds, budget, seed, name, traces)

    /** Every run, in the order of [CompareStudy.runs]: landscape (as the suite lists them), optimizer, start, seed. */
    override fun runs(engine: Engine): List<RunSpec> = comparison(engine).runs(engine)

    override fun properties(): Map<String, String> = mapOf("kind" to "suite", "name" to name, "suite" to suite.name) +
        listOfNotNull(suite.functions?.let { "functions" to it }, suite.dims?.let { "dims" to it },
            suite.instances?.let { "instances" to it }, suite.scales?.let { "scales" to it }) +
        mapOf("optimizers" to SpecList.join(optimizers), "starts" to starts.text, "seeds" to seeds.toString(),
            "seed" to seed.toString(), "traces" to traces.text) + Study.budgetProperties(budget)

    companion object {
        /** The step budget of a run when none is given. */
        const val DEFAULT_STEPS = 10_000L

        /** The study [properties] describe, as [Study.of] reads a stored study of kind `suite`. */
        @JvmStatic
        fun of(properties: Map<String, String>): SuiteStudy {
            fun p(key: String) = properties[key] ?: throw LabException("the stored study lacks the property '$key'")
            return SuiteStudy(Suite(p("suite"), properties["functions"], properties["dims"], properties["instances"],
                properties["scales"]), SpecList.split(p("optimizers")), StartPlan(p("starts")), p("seeds").toInt(),
                Study.budgetOf(properties), p("seed").toLong(), p("name"), TracePolicy.parse(p("traces")))
        }
    }
}
