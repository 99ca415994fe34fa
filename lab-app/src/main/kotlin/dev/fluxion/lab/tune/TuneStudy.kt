package dev.fluxion.lab.tune

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.Outcome
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.study.SpecList
import dev.fluxion.lab.engine.StableHash
import dev.fluxion.lab.study.StagedStudy
import dev.fluxion.lab.study.StartPlan
import dev.fluxion.lab.study.Study
import dev.fluxion.lab.engine.TracePolicy

/**
 * A tuned comparison: for each optimizer and each tuning unit (a landscape, or every landscape given as one
 * group, see [TuneUnit]), a seeded search over the hyperparameters of [space]; then the comparison of
 * [dev.fluxion.lab.study.CompareStudy] (every landscape, from [starts], with [seeds] seeds, under [budget]) at each
 * optimizer's tuned setting.
 *
 * ```kotlin
 * val study = TuneStudy(listOf("gd", "adam"), listOf("rosenbrock(dim=2)"), SearchSpace.parse(listOf("lr=loguniform(1e-5, 1)")))
 * Studies.run(study, ResultStore.open(Path.of("results/tune.sqlite")))
 * ```
 *
 * **Separate starts and seeds.** The tuning runs start from [tuningStarts] drawn with their own seed,
 * [tuningSeed] = hash(study seed, "tune"), which also seeds their runs; the comparison's runs start from [starts]
 * drawn with the study seed. So no setting is picked on the points it is then judged on.
 *
 * **The score** of a setting on a unit is the mean, over the unit's landscapes and the tuning starts, of the final
 * gap f(x_T) - f* (the final value f(x_T) where f* is unknown, which ranks settings the same way on one landscape).
 * A run that diverges, fails or times out, or ends at a value that is not finite, scores +inf, and so does its
 * setting: a setting that blows up from one start of three is not a good setting, which a median would hide. The
 * mean rather than the median, for the same reason. Ties go to the setting drawn (or listed) first. The tuning
 * runs have the study's targets and 1e-30 besides, so that they run their whole step budget and the gaps of good
 * settings stay distinct (a run stopping at 1e-8 would tie every setting that reaches it). A group of landscapes
 * on different scales is dominated by the landscape with the largest gaps; a suite's normalised targets are the
 * better score there.
 *
 * **The search** ([Search]): every optimizer tries the same list of settings (one grid, or one seeded draw with
 * hash(study seed, "tune-settings")); successive halving runs them in rungs ([Halving]) and promotes the best
 * 1/eta of each rung per optimizer and unit. Every tuning run is a run of the study, stored in its store: a tune
 * study resumes like every study, stage by stage ([StagedStudy]). An optimizer that declares none of the tuned
 * hyperparameters (lbfgs has no `lr`) runs no tuning run and is compared at its declared settings; one that declares
 * some of them is tuned over those ([Tuning]).
 *
 * @property configurations `--budget`: the number of settings tried (at most that many for a grid; the first
 *   rung's for halving)
 */
data class TuneStudy @JvmOverloads constructor(
    val optimizers: List<String>,
    val landscapes: List<String>,
    val space: SearchSpace,
    val search: Search = Search.RANDOM,
    val configurations: Int = 20,
    val eta: Int = 3,
    val tuningStarts: StartPlan = StartPlan("random:3"),
    val unit: TuneUnit = TuneUnit.LANDSCAPE,
    val starts: StartPlan = StartPlan("default+random:4"),
    val seeds: Int = 1,
    override val budget: Budget = Budget(),
    val seed: Long = 0,
    override val name: String = "tune",
    val traces: TracePolicy = TracePolicy.LOG,
) : StagedStudy {
    init {
        if (optimizers.isEmpty()) throw LabException("a tune study needs at least one optimizer")
        if (landscapes.isEmpty()) throw LabException("a tune study needs at least one landscape")
        if (configurations < 1 || configurations > MAX_CONFIGURATIONS) {
            throw LabException("--budget $configurations must be from 1 to $MAX_CONFIGURATIONS settings")
        }
        if (eta < 2) throw LabException("--eta $eta must be at least 2")
        if (seeds < 1 || seeds > Study.MAX_RUNS) throw LabException("seeds = $seeds must be from 1 to ${Study.MAX_RUNS}")
        Study.checkName(name)
    }

    /** The seed of the tuning runs and of their random starts, apart from the study seed the comparison uses. */
    val tuningSeed: Long get() = StableHash.of(seed, "tune")

    /** The units tuned alone, each a list of landscape labels. */
    val groups: List<List<String>> get() = unit.groups(landscapes)

    /** The search: the units are [groups], scored by [score]. */
    val tuning: Tuning by lazy {
        Tuning(optimizers, space, search, configurations, eta, groups.map { TuningUnit(it.joinToString(", "), it) },
            tuningStarts, tuningSeed, StableHash.of(seed, "tune-settings"), budget.maxSteps, ::tuningBudget) { score(it) to 0.0 }
    }

    /** The settings every optimizer tries, in order (the first rung's, for halving). */
    val settings: List<Configuration> get() = tuning.settings

    /** The rungs: one for grid and random search, successive halving's otherwise. */
    val rungs: List<Rung> get() = tuning.rungs

    /** The budget of the tuning runs of [rung]: its steps, and a last target of 1e-30 (see the class comment). */
    fun tuningBudget(rung: Rung): Budget = budget.copy(maxSteps = rung.steps,
        targets = if (budget.targets.last() > 1e-30) budget.targets + 1e-30 else budget.targets)

    /** The tuned specs of the optimizers, checked against the space (an unknown hyperparameter fails here). */
    private fun tunedSpecs(engine: Engine): List<TunedSpec> = tuning.tunedSpecs(engine)

    /** The trials of rung [rung] ([Tuning.trials]). */
    fun trials(rung: Int, engine: Engine, results: (List<RunSpec>) -> List<RunResult>): List<Trial> =
        tuning.trials(rung, engine, results)

    /** The trials of rung [rung] with their scores ([score]). */
    fun scored(rung: Int, engine: Engine, results: (List<RunSpec>) -> List<RunResult>): List<ScoredTrial> =
        tuning.scored(rung, engine, results)

    /** The tuned setting of each unit and optimizer ([Tuning.tuned]; untuned ones at their declared settings). */
    fun tuned(engine: Engine, results: (List<RunSpec>) -> List<RunResult>): List<ScoredTrial> = tuning.tuned(engine, results)

    /** The comparison's runs: every landscape, optimizer (at its tuned setting), start and seed, as a comparison's. */
    fun evaluationRuns(engine: Engine, tuned: List<ScoredTrial>): List<RunSpec> {
        val specs = tunedSpecs(engine)
        return groups.indices.flatMap { g ->
            groups[g].flatMap { landscapeLabel ->
                val landscape = engine.landscape(landscapeLabel)
                val points = starts.starts(landscape, seed)
                optimizers.indices.flatMap { o ->
                    val setting = tuned.first { it.trial.group == g && it.trial.optimizer == optimizers[o] }.trial.configuration
                    val spec = engine.optimizer(specs[o].with(setting)).spec()
                    points.indices.flatMap { s ->
                        (0 until seeds).map { k ->
                            RunSpec(optimizers[o], spec, landscapeLabel, landscape.spec(), s, points[s].toList(), k, seed, budget, traces)
                        }
                    }
                }
            }
        }
    }

    /** The first rung's runs. */
    override fun runs(engine: Engine): List<RunSpec> {
        landscapes.groupBy { engine.landscape(it).spec() }.values.firstOrNull { it.size > 1 }?.let {
            throw LabException("the landscape ${it.joinToString(" and ") { l -> "'$l'" }} is listed twice; list it once")
        }
        optimizers.groupBy { it }.values.firstOrNull { it.size > 1 }?.let { throw LabException("the optimizer '${it[0]}' is listed twice; list it once") }
        tuning.checkFirstRung(engine)
        return trials(0, engine) { emptyList() }.flatMap { it.runs }
    }

    /** Rungs 1 .. R-1 of successive halving, then the comparison at the tuned settings. */
    override fun stage(index: Int, engine: Engine, results: (List<RunSpec>) -> List<RunResult>): List<RunSpec>? = when {
        index < rungs.size -> trials(index, engine, results).flatMap { it.runs }
        index == rungs.size -> evaluationRuns(engine, tuned(engine, results))
        else -> null
    }

    override fun properties(): Map<String, String> = mapOf("kind" to "tune", "name" to name,
        "optimizers" to SpecList.join(optimizers), "landscapes" to SpecList.join(landscapes),
        "tune" to SpecList.join(space.texts), "search" to search.text, "configurations" to configurations.toString(),
        "eta" to eta.toString(), "tuningStarts" to tuningStarts.text, "unit" to unit.text, "starts" to starts.text,
        "seeds" to seeds.toString(), "seed" to seed.toString(), "traces" to traces.text) + Study.budgetProperties(budget)

    companion object {
        /** The most settings a search may try. */
        const val MAX_CONFIGURATIONS = 100_000

        /**
         * The score of a setting from its tuning runs: the mean final gap (or final value where f* is unknown);
         * +inf when any run diverged, failed or timed out or ended at a value that is not finite.
         */
        @JvmStatic
        fun score(runs: List<RunResult>): Double {
            if (runs.isEmpty()) return Double.POSITIVE_INFINITY
            var sum = 0.0
            for (r in runs) {
                val end = if (r.knowsMinimum) r.finalGap else r.finalValue
                if (r.outcome is Outcome.Diverged || r.outcome is Outcome.Failed || r.outcome is Outcome.TimedOut || !end.isFinite()) {
                    return Double.POSITIVE_INFINITY
                }
                sum += end
            }
            return sum / runs.size
        }

        /** Rebuilds a tune study from its stored properties ([p] reads one, failing when it is missing). */
        internal fun of(properties: Map<String, String>, p: (String) -> String): TuneStudy = TuneStudy(
            SpecList.split(p("optimizers")), SpecList.split(p("landscapes")), SearchSpace.parse(SpecList.split(p("tune"))),
            Search.parse(p("search")), p("configurations").toInt(), p("eta").toInt(), StartPlan(p("tuningStarts")),
            TuneUnit.parse(p("unit")), StartPlan(p("starts")), p("seeds").toInt(), Study.budgetOf(properties),
            p("seed").toLong(), p("name"), TracePolicy.parse(p("traces")))
    }
}

/**
 * One setting of one optimizer on one unit, on one rung: [runs] are its tuning runs.
 *
 * @property setting the setting's index in [TuneStudy.settings], or [UNTUNED]
 */
data class Trial(val group: Int, val optimizer: String, val setting: Int, val configuration: Configuration,
                 val rung: Int, val runs: List<RunSpec>) {
    /** Whether the optimizer declares none of the tuned hyperparameters, so runs at its declared settings untried. */
    val untuned: Boolean get() = setting == UNTUNED

    companion object {
        /** The setting index of an optimizer that is not tuned ([Tuning]). */
        const val UNTUNED = -1
    }
}

/**
 * A [trial] with its [score] (lower is better: [TuneStudy.score], or [SuiteTuneStudy.score]'s share of targets
 * missed) and the [tieBreak] between equal scores (lower is better; 0 where the score has none).
 */
data class ScoredTrial(val trial: Trial, val score: Double, val tieBreak: Double = 0.0)

/** What a tune study tunes one setting for: each landscape alone, or all the landscapes given as one group. */
enum class TuneUnit {
    LANDSCAPE, ALL;

    /** The name in `--tune-unit`. */
    val text: String get() = name.lowercase()

    /** The units of [landscapes]. */
    fun groups(landscapes: List<String>): List<List<String>> =
        if (this == LANDSCAPE) landscapes.map { listOf(it) } else listOf(landscapes)

    companion object {
        /** Reads `--tune-unit`. */
        @JvmStatic
        fun parse(text: String): TuneUnit = entries.firstOrNull { it.text == text.trim().lowercase() }
            ?: throw LabException("--tune-unit '$text' is unknown; known: ${entries.joinToString(", ") { it.text }}")
    }
}
