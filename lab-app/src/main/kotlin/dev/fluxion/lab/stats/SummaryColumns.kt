package dev.fluxion.lab.stats

import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.RunResult
import java.util.TreeMap

/**
 * The summaries of a comparison's runs, kept per (optimizer, landscape) pair as columns of primitives: per run its
 * problem (start and seed), final gap, and the steps and evaluations to each target; per pair its outcome counts and
 * the evaluations aRT adds up. Runs are added one at a time, in any order, each with its position in the study's
 * plan ([add]); every table, aRT, ECDF and performance profile of the report comes from here ([summaries], [ecdfs],
 * [profiles]), so a study of a million runs reports in about 80 bytes a run (8 targets), with no result object
 * per run. The pairs, optimizers and ended runs come in the plan's order whatever the order of adding.
 *
 * ```kotlin
 * val columns = SummaryColumns.of(results)   // or added to row by row from a store
 * columns.summaries() == PairSummary.of(results)
 * ```
 */
class SummaryColumns {
    private val pairs = HashMap<Pair<String, String>, PairColumns>()
    private val ended = HashMap<Pair<String, String>, TreeMap<Int, RunResult>>()

    /** The number of runs added. */
    var runs: Int = 0
        private set

    /** Adds the run [result] (its trace is not read), which is run number [position] of the study's plan. */
    fun add(position: Int, result: RunResult) {
        val spec = result.spec
        val pair = pairs.getOrPut(spec.optimizerLabel to spec.landscapeLabel) {
            PairColumns(spec.optimizerLabel, spec.landscapeLabel, spec.budget.targets)
        }
        pair.add(position, result)
        runs++
        val kind = result.outcome.kind
        if (kind == "diverged" || kind == "failed" || kind == "timeout") {
            val first = ended.getOrPut(spec.landscapeLabel to kind) { TreeMap() }
            first[position] = result
            if (first.size > ENDED_KEPT) first.pollLastEntry()
        }
    }

    /** The pairs, in the order of their first runs in the plan. */
    private fun ordered(): List<PairColumns> = pairs.values.sortedBy { it.first }

    /** One summary per pair, in the plan's order: [PairSummary.of] for the runs added. */
    fun summaries(): List<PairSummary> = ordered().map { it.summary() }

    /**
     * The first [ENDED_KEPT] runs (in the plan's order) on the landscape [landscape] that ended with the outcome
     * [kind] (`diverged`, `failed` or `timeout`), without their traces.
     */
    fun ended(landscape: String, kind: String): List<RunResult> = ended[landscape to kind]?.values?.toList() ?: emptyList()

    /** One runtime ECDF per optimizer, over the runs whose f* is known, in the plan's order: [RuntimeEcdf.of]. */
    fun ecdfs(): List<RuntimeEcdf> {
        val known = ordered().filter { it.firstKnown < Int.MAX_VALUE }
        val optimizers = known.sortedBy { it.firstKnown }.map { it.optimizer }.distinct()
        return optimizers.map { optimizer ->
            val mine = known.filter { it.optimizer == optimizer }
            val runtimes = Doubles()
            var pairs = 0L
            for (p in mine) {
                for (r in 0 until p.size) {
                    if (p.finalGap[r].isNaN()) continue
                    pairs += p.targets.size
                    for (t in p.targets.indices) p.hitEvaluations[t].get(r).let { if (it >= 0) runtimes.add(it.toDouble()) }
                }
            }
            RuntimeEcdf.of(optimizer, runtimes.toArray(), pairs.toInt())
        }
    }

    /**
     * The performance profiles of every optimizer at target index [t]: [PerformanceProfile.of]. A problem is one
     * (landscape, start, seed); the costs of each landscape's problems are laid out in a table of start x seed.
     */
    fun profiles(t: Int): List<PerformanceProfile> {
        val known = ordered().filter { it.firstKnown < Int.MAX_VALUE }
        if (known.isEmpty()) return emptyList()
        val target = known.minBy { it.firstKnown }.targets[t]
        val optimizers = known.sortedBy { it.firstKnown }.map { it.optimizer }.distinct()
        val ratios = optimizers.associateWith { Doubles() }
        var problems = 0L
        for (landscape in known.map { it.landscape }.distinct()) {
            val mine = known.filter { it.landscape == landscape }
            val seeds = 1L + mine.maxOf { it.maxSeed() }
            val cells = (1L + mine.maxOf { it.maxStart() }) * seeds
            if (cells > Int.MAX_VALUE) throw LabException("the profile of $landscape has too many problems ($cells)")
            // the cost of each optimizer on each problem (NaN: no run with a known f*), and which problems exist
            val costs = optimizers.map { optimizer ->
                val cost = DoubleArray(cells.toInt()) { Double.NaN }
                mine.filter { it.optimizer == optimizer }.forEach { p ->
                    for (r in 0 until p.size) {
                        if (p.finalGap[r].isNaN()) continue
                        val cell = (p.start[r] * seeds + p.seed[r]).toInt()
                        cost[cell] = if (p.hitSteps[t].get(r) >= 0) p.hitEvaluations[t].get(r).toDouble() else Double.POSITIVE_INFINITY
                    }
                }
                cost
            }
            for (cell in 0 until cells.toInt()) {
                if (costs.all { it[cell].isNaN() }) continue
                problems++
                var best = Double.POSITIVE_INFINITY
                for (c in costs) if (!c[cell].isNaN() && c[cell] < best) best = c[cell]
                optimizers.forEachIndexed { o, optimizer ->
                    val c = costs[o][cell].let { if (it.isNaN()) Double.POSITIVE_INFINITY else it }
                    ratios.getValue(optimizer).add(if (best.isInfinite() || c.isInfinite()) Double.POSITIVE_INFINITY else c / maxOf(best, 1.0))
                }
            }
        }
        val sorted = optimizers.associateWith { ratios.getValue(it).toArray().also { a -> a.sort() } }
        val largest = sorted.values.maxOfOrNull { a -> a.lastOrNull { it.isFinite() } ?: Double.NEGATIVE_INFINITY }
            ?.takeIf { it.isFinite() } ?: 1.0
        val taus = (0..60).map { Math.pow(maxOf(largest, 2.0), it / 60.0) }
        return optimizers.map { o ->
            val r = sorted.getValue(o)
            PerformanceProfile(o, target, taus, taus.map { tau -> atMost(r, tau).toDouble() / problems })
        }
    }

    companion object {
        /** The ended runs of each landscape and outcome kept for the report. */
        const val ENDED_KEPT = 10

        /** The columns of [results], the study's runs in its order. */
        @JvmStatic
        fun of(results: List<RunResult>): SummaryColumns =
            SummaryColumns().also { c -> results.forEachIndexed { i, r -> c.add(i, r) } }

        /** How many of the sorted [values] are at most [bound]. */
        private fun atMost(values: DoubleArray, bound: Double): Int {
            var low = 0
            var high = values.size
            while (low < high) {
                val mid = (low + high) ushr 1
                if (values[mid] <= bound) low = mid + 1 else high = mid
            }
            return low
        }
    }
}

/** The runs of one (optimizer, landscape) pair as columns ([SummaryColumns]). */
internal class PairColumns(val optimizer: String, val landscape: String, val targets: List<Double>) {
    /** The plan position of the pair's first run, and of its first run whose f* is known. */
    var first = Int.MAX_VALUE
    var firstKnown = Int.MAX_VALUE
    var size = 0
    var start = IntArray(16)
    var seed = IntArray(16)
    var finalGap = DoubleArray(16)
    val hitSteps = Array(targets.size) { Wholes() }
    val hitEvaluations = Array(targets.size) { Wholes() }

    /** Per target: the evaluations aRT adds up ([AverageRunningTime.evaluationsSpent]). */
    private val spent = LongArray(targets.size)
    private val outcomes = TreeMap<String, Int>()

    fun add(position: Int, result: RunResult) {
        if (size == start.size) {
            start = start.copyOf(2 * size)
            seed = seed.copyOf(2 * size)
            finalGap = finalGap.copyOf(2 * size)
        }
        start[size] = result.spec.startIndex
        seed[size] = result.spec.seedIndex
        finalGap[size] = result.finalGap
        size++
        first = minOf(first, position)
        if (result.knowsMinimum) firstKnown = minOf(firstKnown, position)
        for (t in targets.indices) {
            hitSteps[t].add(result.hitSteps[t])
            hitEvaluations[t].add(result.hitEvaluations[t])
            spent[t] += AverageRunningTime.evaluationsSpent(result, t)
        }
        outcomes.merge(result.outcome.kind, 1, Int::plus)
    }

    fun maxStart(): Int = (0 until size).maxOf { start[it] }

    fun maxSeed(): Int = (0 until size).maxOf { seed[it] }

    fun summary(): PairSummary {
        val hits = targets.indices.map { t -> (0 until size).count { hitSteps[t].get(it) >= 0 } }
        fun ofHits(column: Array<Wholes>, t: Int): Quartiles? {
            val values = Doubles()
            for (r in 0 until size) if (hitSteps[t].get(r) >= 0) values.add(column[t].get(r).toDouble())
            return Quartiles.of(values.toArray())
        }
        val gaps = Doubles()
        for (r in 0 until size) if (!finalGap[r].isNaN()) gaps.add(finalGap[r])
        return PairSummary(
            optimizer, landscape, size, targets,
            targets.indices.map { hits[it].toDouble() / size },
            targets.indices.map { ofHits(hitSteps, it) },
            targets.indices.map { ofHits(hitEvaluations, it) },
            targets.indices.map { AverageRunningTime.of(spent[it], hits[it]) },
            Quartiles.of(gaps.toArray())?.median ?: Double.NaN,
            outcomes.toSortedMap(),
            firstKnown < Int.MAX_VALUE,
        )
    }
}

/** A growing column of whole numbers: 4 bytes each while they fit in an int, 8 from the first that does not. */
internal class Wholes {
    private var ints: IntArray? = IntArray(16)
    private var longs: LongArray? = null
    private var size = 0

    fun add(value: Long) {
        val i = ints
        if (i != null && value in Int.MIN_VALUE..Int.MAX_VALUE) {
            if (size == i.size) ints = i.copyOf(2 * size)
            ints!![size++] = value.toInt()
            return
        }
        var l = longs ?: LongArray(maxOf(16, i!!.size)) { if (it < size) i[it].toLong() else 0L }.also {
            longs = it
            ints = null
        }
        if (size == l.size) l = l.copyOf(2 * size).also { longs = it }
        l[size++] = value
    }

    fun get(index: Int): Long = ints?.get(index)?.toLong() ?: longs!![index]
}

/** A growing column of doubles. */
internal class Doubles {
    private var values = DoubleArray(16)
    private var size = 0

    fun add(value: Double) {
        if (size == values.size) values = values.copyOf(2 * size)
        values[size++] = value
    }

    fun toArray(): DoubleArray = values.copyOf(size)
}
