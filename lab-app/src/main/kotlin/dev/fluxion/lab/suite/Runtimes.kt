package dev.fluxion.lab.suite

import dev.fluxion.lab.stats.AverageRunningTime
import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.RunResult

/**
 * What a set of runs spent on one target, the data of COCO's aRT ([AverageRunningTime], the one formula the lab's
 * tables share) and of its simulated restarts ([Bootstrap]): for each run that reached the target, the evaluations it
 * took to get there (the evaluation that saw the hit included); for each run that did not, every evaluation it used
 * until it ended (out of budget, stalled, diverged). Evaluations are counted under the lab's cost model
 * ([dev.fluxion.optimizers.Evaluations.cost]: f, or f with its gradient, 1; a Hessian n), by the optimizer's run.
 */
class Runtimes(successful: LongArray, unsuccessful: LongArray) {
    private val successes = successful.copyOf()
    private val failures = unsuccessful.copyOf()

    init {
        if ((successes + failures).any { it < 0 }) throw LabException("runtimes must be >= 0 evaluations")
    }

    /** The evaluations each successful run took to reach the target. */
    val successful: LongArray get() = successes.copyOf()

    /** The evaluations each unsuccessful run used in all. */
    val unsuccessful: LongArray get() = failures.copyOf()

    /** The number of runs. */
    val runs: Int get() = successes.size + failures.size

    /** The number of runs that reached the target. */
    val successCount: Int get() = successes.size

    /** The share of runs that reached the target (NaN without runs). */
    val successRate: Double get() = if (runs == 0) Double.NaN else successCount.toDouble() / runs

    /** The evaluations of every run, successful ones counted up to their hit. */
    val totalEvaluations: Long get() = successes.sum() + failures.sum()

    /** COCO's aRT ([AverageRunningTime.of]): [totalEvaluations] / [successCount]; +infinity without a success. */
    val averageRunningTime: Double get() = AverageRunningTime.of(totalEvaluations, successCount)

    /** The runtime of the [index]th run, counting the successful runs first, then the unsuccessful ones. */
    internal fun cost(index: Int): Long = if (index < successes.size) successes[index] else failures[index - successes.size]

    override fun equals(other: Any?): Boolean = other is Runtimes &&
        successes.contentEquals(other.successes) && failures.contentEquals(other.failures)

    override fun hashCode(): Int = 31 * successes.contentHashCode() + failures.contentHashCode()

    override fun toString(): String = "Runtimes(successful=${successes.toList()}, unsuccessful=${failures.toList()})"

    companion object {
        /** The runtimes of [results] to the target of index [target] of their budget. */
        @JvmStatic
        fun of(results: List<RunResult>, target: Int): Runtimes {
            val (hit, missed) = results.partition { it.hit(target) }
            fun spent(runs: List<RunResult>) = runs.map { AverageRunningTime.evaluationsSpent(it, target) }.toLongArray()
            return Runtimes(spent(hit), spent(missed))
        }

        /**
         * The runtimes of several sets pooled into one: the runs of several problems taken together, as the aRT of
         * a function group does (its evaluations over all of its runs, per success).
         */
        @JvmStatic
        fun pooled(parts: List<Runtimes>): Runtimes = Runtimes(
            parts.flatMap { it.successes.asList() }.toLongArray(), parts.flatMap { it.failures.asList() }.toLongArray())
    }
}
