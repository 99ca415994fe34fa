package dev.fluxion.lab.study

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.RunPlan
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.engine.TracePolicy
import dev.fluxion.landscapes.Landscape

/**
 * The runs of a [CompareStudy], in its order (landscape, optimizer, start, seed), as a list that makes each
 * [RunSpec] when it is asked for, by arithmetic on its index: a plan of a million runs holds a few numbers per
 * landscape, not a million specs and starts.
 *
 * ```kotlin
 * val plan = study.runs(engine) as ComparisonPlan
 * plan.size == landscapes.sumOf { starts(it) } * optimizers.size * seeds
 * ```
 */
class ComparisonPlan internal constructor(
    private val optimizerLabels: List<String>,
    override val optimizerSpecs: List<String>,
    private val landscapeLabels: List<String>,
    private val landscapes: List<Landscape>,
    private val starts: StartPlan,
    private val seeds: Int,
    private val studySeed: Long,
    private val budget: Budget,
    private val traces: TracePolicy,
) : AbstractList<RunSpec>(), RandomAccess, RunPlan {
    /** The starts of each landscape. */
    private val startCounts = IntArray(landscapes.size) { starts.checkedCount(landscapes[it]) }

    /** Where each landscape's runs begin, and (last) the number of runs. */
    private val offsets = LongArray(landscapes.size + 1).also { o ->
        for (l in landscapes.indices) o[l + 1] = o[l] + startCounts[l].toLong() * optimizerLabels.size * seeds
    }

    /** The canonical landscape specs, made once. */
    override val landscapeSpecs = landscapes.map { it.spec() }

    override val size: Int get() = offsets.last().toInt()

    /** The index of the landscape of run [index] in the study's list of landscapes. */
    fun landscapeIndex(index: Int): Int {
        checkIndex(index)
        // every landscape has a start, so the offsets rise strictly: the last one at or below index begins its block
        val found = java.util.Arrays.binarySearch(offsets, index.toLong())
        return if (found >= 0) found else -found - 2
    }

    /** The index of the optimizer of run [index] in the study's list of optimizers. */
    fun optimizerIndex(index: Int): Int {
        val l = landscapeIndex(index)
        return ((index - offsets[l]) / (startCounts[l].toLong() * seeds)).toInt()
    }

    /** The start index of run [index]. */
    fun startIndex(index: Int): Int {
        val l = landscapeIndex(index)
        return (((index - offsets[l]) / seeds) % startCounts[l]).toInt()
    }

    /** The seed index of run [index]. */
    fun seedIndex(index: Int): Int {
        checkIndex(index)
        return index % seeds // every landscape's block is a whole number of seeds
    }

    override fun get(index: Int): RunSpec {
        val l = landscapeIndex(index)
        val o = optimizerIndex(index)
        val s = startIndex(index)
        return RunSpec(optimizerLabels[o], optimizerSpecs[o], landscapeLabels[l], landscapeSpecs[l], s,
            start(l, s), seedIndex(index), studySeed, budget, traces)
    }

    /**
     * Start [s] of landscape [l]: the one made last when it is that start (seeds vary fastest, so consecutive runs
     * share their start: it is made, hashed and sampled once per start, not once per run), else made now.
     */
    private fun start(l: Int, s: Int): List<Double> {
        val last = lastStart
        if (last != null && last.landscape == l && last.index == s) return last.point
        return starts.start(landscapes[l], studySeed, s).toList().also { lastStart = MadeStart(l, s, it) }
    }

    /** The start made last, shared by the threads that ask for runs (each reads it whole, or makes its own). */
    @Volatile
    private var lastStart: MadeStart? = null

    /** Start [index] of landscape [landscape], made: [point]. */
    private class MadeStart(val landscape: Int, val index: Int, val point: List<Double>)

    private fun checkIndex(index: Int) {
        if (index < 0 || index >= size) throw IndexOutOfBoundsException("run $index of a plan of $size runs")
    }
}
