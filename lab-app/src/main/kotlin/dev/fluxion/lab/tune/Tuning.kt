package dev.fluxion.lab.tune

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.study.StartPlan
import dev.fluxion.lab.study.Study
import dev.fluxion.lab.engine.TracePolicy

/** One unit a setting is tuned for: its [title] in the report and the [landscapes] its tuning runs are on. */
data class TuningUnit(val title: String, val landscapes: List<String>)

/**
 * The search of a tuned study, shared by [TuneStudy] (a unit per landscape, or one for all) and [SuiteTuneStudy]
 * (a unit per function group and dimension of a suite): for each optimizer and [units] entry, the settings of
 * [space] that [search] picks (the same list for every optimizer: one grid, or one draw seeded with
 * [settingsSeed]), each run on every landscape of the unit from every one of [tuningStarts] (drawn, and run, with
 * [tuningSeed]) under [tuningBudget] of its rung, and scored by [score] (lower is better; its second value breaks
 * ties, then the setting listed first wins). Successive halving promotes the best 1/eta of each rung per unit and
 * optimizer.
 *
 * **An optimizer that lacks a tuned hyperparameter** is tuned over those it has (a setting of the others is
 * dropped, and settings that then coincide are tried once), and one that has none of them is not tuned at all: it
 * runs no tuning run and is compared at its declared settings ([Trial.untuned]). A hyperparameter that no optimizer
 * of the study declares is an error (a misspelt name, most likely), naming the first optimizer's hyperparameters.
 */
class Tuning(
    val optimizers: List<String>,
    val space: SearchSpace,
    val search: Search,
    val configurations: Int,
    val eta: Int,
    val units: List<TuningUnit>,
    val tuningStarts: StartPlan,
    val tuningSeed: Long,
    private val settingsSeed: Long,
    private val maxSteps: Long,
    private val tuningBudget: (Rung) -> Budget,
    private val score: (List<RunResult>) -> Pair<Double, Double>,
) {
    /** The settings every optimizer tries, in order (the first rung's, for halving). */
    val settings: List<Configuration> by lazy {
        when (search) {
            Search.GRID -> space.grid(configurations)
            Search.RANDOM, Search.HALVING -> space.random(configurations, settingsSeed)
        }
    }

    /** The rungs: one for grid and random search, successive halving's otherwise. */
    val rungs: List<Rung>
        get() = if (search == Search.HALVING) Halving(settings.size, eta, maxSteps).rungs
        else listOf(Rung(0, settings.size, maxSteps))

    /**
     * The tuned specs of the optimizers, checked against the space: a value range outside a hyperparameter's, or a
     * hyperparameter no optimizer declares, fails here.
     */
    fun tunedSpecs(engine: Engine): List<TunedSpec> {
        val specs = optimizers.map { TunedSpec.of(it, space, engine) }
        for (p in space.parameters) {
            if (specs.none { p.name in it.tunes }) {
                throw LabException("--tune: the optimizer '${specs[0].optimizer}' has no hyperparameter '${p.name}'; " +
                    "its hyperparameters: ${specs[0].declared}" +
                    if (specs.size > 1) " (and no other optimizer of the study declares '${p.name}')" else "")
            }
        }
        return specs
    }

    /** The settings optimizer [spec] tries: each with its index in [settings], its own hyperparameters only. */
    private fun settingsOf(spec: TunedSpec): List<Pair<Int, Configuration>> = when {
        spec.tunes.isEmpty() -> emptyList()
        spec.tunes.size == space.parameters.size -> settings.withIndex().map { it.index to it.value }
        else -> settings.withIndex().map { it.index to it.value.only(spec.tunes) }.distinctBy { it.second }
    }

    /** The tuning runs of one setting: every landscape of the unit from every tuning start. */
    private fun tuningRuns(engine: Engine, unit: Int, tuned: TunedSpec, setting: Configuration, rung: Rung): List<RunSpec> {
        val label = tuned.with(setting)
        val spec = engine.optimizer(label).spec()
        val runBudget = tuningBudget(rung)
        return units[unit].landscapes.flatMap { landscapeLabel ->
            val landscape = engine.landscape(landscapeLabel)
            tuningStarts.starts(landscape, tuningSeed).mapIndexed { s, start ->
                RunSpec(label, spec, landscapeLabel, landscape.spec(), s, start.toList(), 0, tuningSeed, runBudget, TracePolicy.NONE)
            }
        }
    }

    /**
     * The number of runs of the first rung, checked against [Study.MAX_RUNS] before any is made.
     *
     * @throws LabException naming the product that is too large
     */
    fun checkFirstRung(engine: Engine) {
        val specs = tunedSpecs(engine)
        val perSetting = units.sumOf { u -> u.landscapes.sumOf { tuningStarts.count(engine.landscape(it).dimension()) } }
        val total = perSetting * specs.sumOf { settingsOf(it).size.toLong() }
        if (total > Study.MAX_RUNS) {
            throw LabException("the tuning has $total runs on its first rung (${optimizers.size} optimizers x ${settings.size} " +
                "settings x tuning starts on ${units.sumOf { it.landscapes.size }} landscapes); at most ${Study.MAX_RUNS} are allowed")
        }
    }

    /**
     * The trials of rung [rung]: every setting on rung 0, then the best settings of the rung before, per unit and
     * optimizer, scored from [results] (which looks up the stored runs of earlier rungs).
     */
    fun trials(rung: Int, engine: Engine, results: (List<RunSpec>) -> List<RunResult>): List<Trial> {
        val tuned = tunedSpecs(engine)
        val rungs = rungs
        if (rung == 0) return units.indices.flatMap { g ->
            tuned.indices.flatMap { o ->
                settingsOf(tuned[o]).map { (s, c) -> Trial(g, optimizers[o], s, c, 0, tuningRuns(engine, g, tuned[o], c, rungs[0])) }
            }
        }
        val keep = rungs[rung].configurations
        return scored(rung - 1, engine, results).groupBy { it.trial.group to it.trial.optimizer }.values.flatMap { scored ->
            best(scored, keep).map { (trial, _) ->
                val o = optimizers.indexOf(trial.optimizer)
                Trial(trial.group, trial.optimizer, trial.setting, trial.configuration, rung,
                    tuningRuns(engine, trial.group, tuned[o], trial.configuration, rungs[rung]))
            }.sortedBy { it.setting }
        }
    }

    /** The trials of rung [rung] with their scores. */
    fun scored(rung: Int, engine: Engine, results: (List<RunSpec>) -> List<RunResult>): List<ScoredTrial> {
        val trials = trials(rung, engine, results)
        val found = results(trials.flatMap { it.runs }).associateBy { it.spec.key }
        return trials.map { t ->
            val (value, tieBreak) = score(t.runs.map { found[it.key] ?: throw LabException("the tuning run ${it.key} (${it.pair}) is not stored") })
            ScoredTrial(t, value, tieBreak)
        }
    }

    /**
     * The setting of each unit and optimizer: the best trial of the last rung, or, for an optimizer that declares
     * none of the tuned hyperparameters, an untuned trial ([Trial.untuned], score NaN) with no runs.
     */
    fun tuned(engine: Engine, results: (List<RunSpec>) -> List<RunResult>): List<ScoredTrial> {
        val specs = tunedSpecs(engine)
        val best = scored(rungs.size - 1, engine, results).groupBy { it.trial.group to it.trial.optimizer }.values.map { best(it, 1).single() }
        val untuned = units.indices.flatMap { g ->
            specs.filter { it.tunes.isEmpty() }.map {
                ScoredTrial(Trial(g, it.optimizer, Trial.UNTUNED, Configuration(emptyList()), rungs.size - 1, emptyList()), Double.NaN)
            }
        }
        return (best + untuned).sortedWith(compareBy({ it.trial.group }, { optimizers.indexOf(it.trial.optimizer) }))
    }

    /** The optimizers that declare none of the tuned hyperparameters, compared at their declared settings. */
    fun untuned(engine: Engine): List<String> = tunedSpecs(engine).filter { it.tunes.isEmpty() }.map { it.optimizer }

    /** The optimizers that declare some of the tuned hyperparameters and not others: each with those it lacks. */
    fun partlyTuned(engine: Engine): List<Pair<String, List<String>>> = tunedSpecs(engine)
        .filter { it.tunes.isNotEmpty() && it.tunes.size < space.parameters.size }
        .map { s -> s.optimizer to space.names.filter { it !in s.tunes } }

    /**
     * One line per optimizer that is not tuned over every hyperparameter of the space, for the console and the
     * report: `lbfgs declares no lr: compared untuned, at its declared settings`.
     */
    fun notes(engine: Engine): List<String> =
        untuned(engine).map { "$it declares no ${space.names.joinToString(" or ")}: compared untuned, at its declared settings" } +
            partlyTuned(engine).map { (o, lacks) -> "$o declares no ${lacks.joinToString(" or ")}: tuned over the others only" }

    companion object {
        /** The [count] best of [scored]: lowest score first, then lowest tie-break, then the earlier setting (NaN as +inf). */
        internal fun best(scored: List<ScoredTrial>, count: Int): List<ScoredTrial> =
            scored.sortedWith(compareBy<ScoredTrial> { if (it.score.isNaN()) Double.POSITIVE_INFINITY else it.score }
                .thenBy { if (it.tieBreak.isNaN()) Double.POSITIVE_INFINITY else it.tieBreak }
                .thenBy { it.trial.setting }).take(count)
    }
}
