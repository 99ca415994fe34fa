package dev.fluxion.lab.study

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.engine.TracePolicy

/**
 * A comparison: every optimizer on every landscape from every start with every seed, under one budget.
 *
 * ```kotlin
 * val study = CompareStudy(listOf("gd(lr=0.01)", "adam(lr=0.1)"), listOf("beale", "rosenbrock(dim=2)"))
 * val results = Studies.run(study, ResultStore.open(Path.of("results/compare.sqlite")))
 * ```
 *
 * @property seeds the number of seeds per (optimizer, landscape, start); seeds matter when the budget adds
 *   gradient noise
 * @property seed the study seed every run's seed and every random start derive from
 */
data class CompareStudy @JvmOverloads constructor(
    val optimizers: List<String>,
    val landscapes: List<String>,
    val starts: StartPlan = StartPlan("default"),
    val seeds: Int = 1,
    override val budget: Budget = Budget(),
    val seed: Long = 0,
    override val name: String = "compare",
    /** Which steps of each run are kept for plots ([TracePolicy]). */
    val traces: TracePolicy = TracePolicy.LOG,
) : Study {
    init {
        if (optimizers.isEmpty()) throw LabException("a comparison needs at least one optimizer")
        if (landscapes.isEmpty()) throw LabException("a comparison needs at least one landscape")
        if (seeds < 1 || seeds > Study.MAX_RUNS) throw LabException("seeds = $seeds must be from 1 to ${Study.MAX_RUNS}")
        Study.checkName(name)
    }

    /**
     * Every run of the study, in a fixed order (landscape, optimizer, start, seed), as a [ComparisonPlan] that makes
     * each run's spec when asked. Parses every spec first, so a bad one fails here with the optimizers' or
     * landscapes' message.
     */
    override fun runs(engine: Engine): List<RunSpec> {
        val optimizerSpecs = optimizers.map { it to engine.optimizer(it).spec() }
        twice("optimizer", optimizerSpecs)
        twice("landscape", landscapes.map { it to engine.landscape(it).spec() })
        val made = landscapes.map { label -> engine.landscape(label).also { engine.landscape(it.spec()) } }
        optimizerSpecs.forEach { engine.optimizer(it.second) }
        val total = landscapes.indices.fold(0L) { sum, l -> sum + starts.count(made[l].dimension()) } *
            optimizers.size * seeds
        if (total > Study.MAX_RUNS) {
            throw LabException("the comparison has $total runs (${optimizers.size} optimizers x starts on " +
                "${landscapes.size} landscapes x $seeds seeds); at most ${Study.MAX_RUNS} are allowed: fewer starts or seeds")
        }
        return ComparisonPlan(optimizers, optimizerSpecs.map { it.second }, landscapes, made, starts, seeds, seed,
            budget, traces)
    }

    /** Refuses two labels of one spec (`gd` and `gd(lr=0.01)`): their runs would be one run counted twice. */
    private fun twice(kind: String, labelled: List<Pair<String, String>>) {
        labelled.groupBy({ it.second }, { it.first }).values.firstOrNull { it.size > 1 }?.let { labels ->
            val what = if (labels.toSet().size == 1) "'${labels[0]}' is listed twice" else
                "${labels.joinToString(" and ") { "'$it'" }} are the same $kind"
            throw LabException("the $kind $what; list it once")
        }
    }

    override fun properties(): Map<String, String> = mapOf("kind" to "compare", "name" to name,
        "optimizers" to SpecList.join(optimizers), "landscapes" to SpecList.join(landscapes), "starts" to starts.text,
        "seeds" to seeds.toString(), "seed" to seed.toString(), "traces" to traces.text) + Study.budgetProperties(budget)
}
