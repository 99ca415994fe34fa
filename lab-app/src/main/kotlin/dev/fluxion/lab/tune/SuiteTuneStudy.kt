package dev.fluxion.lab.tune

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.study.SpecList
import dev.fluxion.lab.engine.StableHash
import dev.fluxion.lab.study.StagedStudy
import dev.fluxion.lab.study.StartPlan
import dev.fluxion.lab.study.Study
import dev.fluxion.lab.engine.TracePolicy
import dev.fluxion.lab.suite.Suite
import dev.fluxion.lab.suite.SuiteExpansion
import dev.fluxion.lab.suite.SuiteStudy
import dev.fluxion.lab.suite.SuiteTargets

/**
 * A tuned comparison on a standard suite: for each optimizer and each function group of [suite] in each dimension
 * (bbob: COCO's five groups per dimension; mgh: its two groups, all sizes together), a seeded search over the
 * hyperparameters of [space] ([Tuning]); then the comparison of [SuiteStudy] (every landscape of the suite, from
 * [starts], with [seeds] seeds, under [budget]) with each optimizer at its setting tuned for the landscape's group
 * and dimension.
 *
 * ```kotlin
 * val study = SuiteTuneStudy(Suite("bbob", functions = "1,8", dims = "2,5"), listOf("gd", "adam", "lbfgs"),
 *     SearchSpace.parse(listOf("lr=loggrid(1e-3, 1, 7)")), Search.GRID, 7, budget = SuiteTargets.budget(500))
 * Studies.run(study, ResultStore.open(Path.of("results/bbob-tune.sqlite")))
 * ```
 *
 * **Separate instances.** The tuning runs are on the same functions and dimensions at other instances
 * ([Suite.tuningSuite]: bbob's `--tune-instances`, by default the three after the largest evaluated one, 6-8 for
 * the evaluated 1-5; mgh's start scales, by default 2), from [tuningStarts] drawn and run with their own seed
 * [tuningSeed] = hash(study seed, "tune"). An instance the comparison evaluates cannot be a tuning instance.
 *
 * **The score** of a setting on a group is the share of (run, target) pairs it reaches within the step budget,
 * over the group's functions, the tuning instances and starts, and COCO's 51 targets 10^(2 - k/5) relative to f*
 * (the value of its runtime ECDF at the budget); ties are broken by the mean evaluations a pair cost (a reached
 * target its run's evaluations to the hit, a missed one the run's whole evaluations and at least its step budget,
 * so that a run that diverges at once does not look cheap), then by the setting tried first. It is a share of fixed targets, so functions on different scales weigh alike, and a setting whose runs
 * diverge simply reaches fewer targets. ([ScoredTrial.score] holds the share missed, lower being better.)
 *
 * An optimizer that declares none of the tuned hyperparameters (lbfgs has no `lr`) is compared untuned at its
 * declared settings and labelled `NAME (untuned)` in the comparison's tables ([labels]). Every tuning run is stored:
 * the study resumes stage by stage like every [StagedStudy].
 */
data class SuiteTuneStudy @JvmOverloads constructor(
    val suite: Suite,
    val optimizers: List<String>,
    val space: SearchSpace,
    val search: Search = Search.RANDOM,
    val configurations: Int = 20,
    val eta: Int = 3,
    val tuningInstances: String? = null,
    val tuningStarts: StartPlan = StartPlan("default"),
    val starts: StartPlan = StartPlan("default"),
    val seeds: Int = 1,
    override val budget: Budget = SuiteTargets.budget(SuiteStudy.DEFAULT_STEPS),
    val seed: Long = 0,
    override val name: String = suite.name + "-tune",
    val traces: TracePolicy = TracePolicy.NONE,
) : StagedStudy {
    init {
        if (optimizers.isEmpty()) throw LabException("a tune study needs at least one optimizer")
        if (configurations < 1 || configurations > TuneStudy.MAX_CONFIGURATIONS) {
            throw LabException("--budget $configurations must be from 1 to ${TuneStudy.MAX_CONFIGURATIONS} settings")
        }
        if (eta < 2) throw LabException("--eta $eta must be at least 2")
        if (seeds < 1 || seeds > Study.MAX_RUNS) throw LabException("seeds = $seeds must be from 1 to ${Study.MAX_RUNS}")
        SuiteTargets.check(budget)
        Study.checkName(name)
    }

    /** The suite the tuning runs are on: the same functions and dimensions at the tuning instances. */
    val tuningSuite: Suite by lazy { suite.tuningSuite(tuningInstances) }

    /** The seed of the tuning runs and of their starts, apart from the study seed the comparison uses. */
    val tuningSeed: Long get() = StableHash.of(seed, "tune")

    /** The landscapes compared, and those left out for want of a stated minimum. */
    fun expansion(engine: Engine): SuiteExpansion = suite.expand(engine)

    /** The search: a unit per (dimension, group) of the tuning suite, titled `5-D, separable`. */
    fun tuning(engine: Engine): Tuning {
        val problems = tuningSuite.expand(engine).problems
        val units = problems.map { it.slice }.distinct().flatMap { slice ->
            suite.groups().mapNotNull { group ->
                val specs = problems.filter { it.slice == slice && it.group == group }.map { it.spec }
                if (specs.isEmpty()) null else TuningUnit(unitTitle(slice, group), specs)
            }
        }
        return Tuning(optimizers, space, search, configurations, eta, units, tuningStarts, tuningSeed,
            StableHash.of(seed, "tune-settings"), budget.maxSteps, { rung -> budget.copy(maxSteps = rung.steps) }, ::score)
    }

    /**
     * The labels of the comparison's tables, in the order of [optimizers]: an optimizer compared untuned is
     * `NAME (untuned)`.
     */
    fun labels(engine: Engine): List<String> {
        val untuned = tuning(engine).untuned(engine).toSet()
        return optimizers.map { if (it in untuned) "$it (untuned)" else it }
    }

    /**
     * The comparison's runs: every landscape of the suite (in its order), optimizer at its setting tuned for the
     * landscape's group and dimension, start and seed, as [SuiteStudy]'s, labelled with [labels].
     *
     * @throws LabException when a group of the suite has no tuning landscape (every one left out at the tuning scales)
     */
    fun evaluationRuns(engine: Engine, tuned: List<ScoredTrial>): List<RunSpec> {
        val tuning = tuning(engine)
        val specs = tuning.tunedSpecs(engine)
        val labels = labels(engine)
        return expansion(engine).problems.flatMap { problem ->
            val unit = tuning.units.indexOfFirst { it.title == unitTitle(problem.slice, problem.group) }
            if (unit < 0) throw LabException("the tuning suite $tuningSuite has no landscape of ${problem.slice}, ${problem.group}, " +
                "so ${problem.spec} has no tuned setting; choose other --tune-instances")
            val landscape = engine.landscape(problem.spec)
            val points = starts.starts(landscape, seed)
            optimizers.indices.flatMap { o ->
                val setting = tuned.first { it.trial.group == unit && it.trial.optimizer == optimizers[o] }.trial.configuration
                val spec = engine.optimizer(specs[o].with(setting)).spec()
                points.indices.flatMap { s ->
                    (0 until seeds).map { k ->
                        RunSpec(labels[o], spec, problem.spec, landscape.spec(), s, points[s].toList(), k, seed, budget, traces)
                    }
                }
            }
        }
    }

    /** The comparison as a suite study (with [labels]), whose report shows it. */
    fun comparison(engine: Engine): SuiteStudy = SuiteStudy(suite, labels(engine), starts, seeds, budget, seed, name, traces)

    /** The first rung's tuning runs. */
    override fun runs(engine: Engine): List<RunSpec> {
        optimizers.groupBy { it }.values.firstOrNull { it.size > 1 }?.let { throw LabException("the optimizer '${it[0]}' is listed twice; list it once") }
        expansion(engine)
        val tuning = tuning(engine)
        tuning.checkFirstRung(engine)
        return tuning.trials(0, engine) { emptyList() }.flatMap { it.runs }
    }

    /** Rungs 1 .. R-1 of successive halving, then the comparison at the tuned settings. */
    override fun stage(index: Int, engine: Engine, results: (List<RunSpec>) -> List<RunResult>): List<RunSpec>? {
        val tuning = tuning(engine)
        return when {
            index < tuning.rungs.size -> tuning.trials(index, engine, results).flatMap { it.runs }
            index == tuning.rungs.size -> evaluationRuns(engine, tuning.tuned(engine, results))
            else -> null
        }
    }

    override fun properties(): Map<String, String> = mapOf("kind" to "suite-tune", "name" to name, "suite" to suite.name) +
        listOfNotNull(suite.functions?.let { "functions" to it }, suite.dims?.let { "dims" to it },
            suite.instances?.let { "instances" to it }, suite.scales?.let { "scales" to it },
            tuningInstances?.let { "tuningInstances" to it }) +
        mapOf("optimizers" to SpecList.join(optimizers), "tune" to SpecList.join(space.texts), "search" to search.text,
            "configurations" to configurations.toString(), "eta" to eta.toString(), "tuningStarts" to tuningStarts.text,
            "starts" to starts.text, "seeds" to seeds.toString(), "seed" to seed.toString(), "traces" to traces.text) +
        Study.budgetProperties(budget)

    companion object {
        /** The title of a tuning unit: the slice (dimension) and the group, `5-D, separable`. */
        @JvmStatic
        fun unitTitle(slice: String, group: String): String = "$slice, $group"

        /**
         * The score of a setting from its tuning runs, as (share of (run, target) pairs missed, mean evaluations a
         * pair cost): a reached target costs its run's evaluations to the hit, a missed one the run's whole
         * evaluations, and at least its step budget (a diverged run stops early, which is no saving). (1, +inf)
         * without runs.
         */
        @JvmStatic
        fun score(runs: List<RunResult>): Pair<Double, Double> {
            var pairs = 0L
            var missed = 0L
            var cost = 0.0
            for (r in runs) {
                for (hit in r.hitEvaluations) {
                    pairs++
                    if (hit < 0) {
                        missed++
                        cost += maxOf(r.evaluations, r.spec.budget.maxSteps)
                    } else {
                        cost += hit
                    }
                }
            }
            if (pairs == 0L) return 1.0 to Double.POSITIVE_INFINITY
            return missed.toDouble() / pairs to cost / pairs
        }

        /** The study [properties] describe, as [Study.of] reads a stored study of kind `suite-tune`. */
        @JvmStatic
        fun of(properties: Map<String, String>): SuiteTuneStudy {
            fun p(key: String) = properties[key] ?: throw LabException("the stored study lacks the property '$key'")
            return SuiteTuneStudy(Suite(p("suite"), properties["functions"], properties["dims"], properties["instances"],
                properties["scales"]), SpecList.split(p("optimizers")), SearchSpace.parse(SpecList.split(p("tune"))),
                Search.parse(p("search")), p("configurations").toInt(), p("eta").toInt(), properties["tuningInstances"],
                StartPlan(p("tuningStarts")), StartPlan(p("starts")), p("seeds").toInt(), Study.budgetOf(properties),
                p("seed").toLong(), p("name"), TracePolicy.parse(p("traces")))
        }
    }
}
