package dev.fluxion.lab

import dev.fluxion.landscapes.Landscape
import java.util.SplittableRandom

/**
 * Where runs start, written as text joined by `+`: `default` (the landscape's default start from the
 * literature), `random:N` (N points uniform in the landscape's domain box), `proposal:N` (N of COCO's restart
 * proposals: each coordinate the mean of two uniform draws over the box, so triangular on it; cocoex's
 * `initial_solution_proposal` after its first, the domain's middle) and `grid:N` (N points per axis at the
 * centres of an N^d grid over the box, for d <= 3). `default+random:4` gives five starts.
 *
 * Random starts come from the study seed, the landscape and the start index only, so every optimizer of a
 * comparison starts from the same points.
 */
data class StartPlan(val text: String) {
    private val parts: List<Pair<String, Int>> = text.split('+').map { part ->
        val p = part.trim()
        when {
            p == "default" -> "default" to 1
            p.startsWith("random:") || p.startsWith("grid:") || p.startsWith("proposal:") -> {
                val kind = p.substringBefore(':')
                val count = p.substringAfter(':').toIntOrNull()
                    ?: throw LabException("starts '$text': '$p' needs a whole number after '$kind:'")
                if (count < 1 || count > Study.MAX_RUNS) {
                    throw LabException("starts '$text': the count in '$p' must be from 1 to ${Study.MAX_RUNS}")
                }
                kind to count
            }
            else -> throw LabException("starts '$text': unknown part '$p'; use default, random:N, proposal:N or grid:N joined by +")
        }
    }

    /**
     * The number of starts for a landscape of [dimension] (a grid has count^dimension), without making them;
     * saturates at [Long.MAX_VALUE] instead of overflowing.
     */
    fun count(dimension: Int): Long = parts.fold(0L) { sum, (kind, count) ->
        val starts = if (kind == "grid") gridPoints(count, dimension) else count.toLong()
        if (sum > Long.MAX_VALUE - starts) Long.MAX_VALUE else sum + starts
    }

    /** count^dimension, saturating at [Long.MAX_VALUE]. */
    private fun gridPoints(count: Int, dimension: Int): Long {
        var points = 1L
        repeat(dimension) { points = if (points > Long.MAX_VALUE / count) Long.MAX_VALUE else points * count }
        return points
    }

    /** The starts for a landscape, in order (start index = position in the list). */
    fun starts(landscape: Landscape, studySeed: Long): List<DoubleArray> = buildList {
        val box = landscape.facts().domain()
        for ((kind, count) in parts) {
            when (kind) {
                "default" -> add(landscape.facts().start())
                "random" -> repeat(count) {
                    add(box.sample(SplittableRandom(StableHash.of(studySeed, landscape.spec(), "random", size))))
                }
                "proposal" -> repeat(count) {
                    val random = SplittableRandom(StableHash.of(studySeed, landscape.spec(), "proposal", size))
                    val first = box.sample(random)
                    val second = box.sample(random)
                    add(DoubleArray(first.size) { (first[it] + second[it]) / 2 })
                }
                "grid" -> {
                    val d = landscape.dimension()
                    if (d > 3) throw LabException("starts '$text': a grid needs dimension <= 3, ${landscape.spec()} has $d")
                    val lower = box.lower()
                    val upper = box.upper()
                    val points = gridPoints(count, d)
                    if (points > Study.MAX_RUNS) {
                        throw LabException("starts '$text': grid:$count in dimension $d has $count^$d points; " +
                            "at most ${Study.MAX_RUNS} are allowed")
                    }
                    for (cell in 0 until points.toInt()) {
                        var rest = cell
                        add(DoubleArray(d) { i ->
                            val index = rest % count
                            rest /= count
                            lower[i] + (index + 0.5) / count * (upper[i] - lower[i])
                        })
                    }
                }
            }
        }
    }

    override fun toString() = text
}
