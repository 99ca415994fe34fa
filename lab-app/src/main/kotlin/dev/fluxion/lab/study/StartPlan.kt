package dev.fluxion.lab.study

import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.StableHash
import dev.fluxion.landscapes.Landscape
import java.util.SplittableRandom

/**
 * Where runs start, written as text joined by `+`: `default` (the landscape's default start from the
 * literature), `random:N` (N points uniform in the landscape's domain box), `proposal:N` (N of COCO's restart
 * proposals: each coordinate the mean of two uniform draws over the box, so triangular on it; cocoex's
 * `initial_solution_proposal` after its first, the domain's middle), `grid:N` (N points per axis at the
 * centres of an N^d grid over the box, for d <= 3) and `point:X,Y,...` (the one point given, in the landscape's
 * variables in order, such as `point:3,4`). `default+random:4` gives five starts.
 *
 * Random starts come from the study seed, the landscape and the start index only, so every optimizer of a
 * comparison starts from the same points.
 */
data class StartPlan(val text: String) {
    /** One part of the plan: its kind, its number of starts (per axis for a grid), and a point's coordinates. */
    private class Part(val kind: String, val count: Int, val point: DoubleArray = DoubleArray(0)) {
        operator fun component1() = kind
        operator fun component2() = count
    }

    // a '+' after e or E is an exponent's sign (point:1e+3,0), not a join
    private val parts: List<Part> = text.split(Regex("(?<![eE])\\+")).map { part ->
        val p = part.trim()
        when {
            p == "default" -> Part("default", 1)
            p.startsWith("point:") -> {
                val coordinates = p.substringAfter(':').split(',').map { it.trim().toDoubleOrNull() }
                if (coordinates.any { it == null || !it.isFinite() }) {
                    throw LabException("starts '$text': '$p' needs finite numbers separated by ',' after 'point:'")
                }
                Part("point", 1, coordinates.map { it!! }.toDoubleArray())
            }
            p.startsWith("random:") || p.startsWith("grid:") || p.startsWith("proposal:") -> {
                val kind = p.substringBefore(':')
                val count = p.substringAfter(':').toIntOrNull()
                    ?: throw LabException("starts '$text': '$p' needs a whole number after '$kind:'")
                if (count < 1 || count > Study.MAX_RUNS) {
                    throw LabException("starts '$text': the count in '$p' must be from 1 to ${Study.MAX_RUNS}")
                }
                Part(kind, count)
            }
            else -> throw LabException("starts '$text': unknown part '$p'; use default, random:N, proposal:N, grid:N " +
                "or point:X,Y,... joined by +")
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
    fun starts(landscape: Landscape, studySeed: Long): List<DoubleArray> {
        val count = checkedCount(landscape)
        return List(count) { start(landscape, studySeed, it) }
    }

    /**
     * The number of starts for [landscape], checked: a grid needs dimension <= 3 and at most [Study.MAX_RUNS] points,
     * a point as many coordinates as the landscape has variables.
     *
     * @throws LabException naming the part of the plan that is too large or does not fit
     */
    fun checkedCount(landscape: Landscape): Int {
        val d = landscape.dimension()
        for (part in parts.filter { it.kind == "point" && it.point.size != d }) {
            throw LabException("starts '$text': the point has ${part.point.size} coordinates, ${landscape.spec()} has $d variables")
        }
        for ((kind, count) in parts) {
            if (kind != "grid") continue
            if (d > 3) throw LabException("starts '$text': a grid needs dimension <= 3, ${landscape.spec()} has $d")
            if (gridPoints(count, d) > Study.MAX_RUNS) {
                throw LabException("starts '$text': grid:$count in dimension $d has $count^$d points; " +
                    "at most ${Study.MAX_RUNS} are allowed")
            }
        }
        val total = count(d)
        if (total > Int.MAX_VALUE) throw LabException("starts '$text': ${landscape.spec()} would have $total starts")
        return total.toInt()
    }

    /**
     * The start of index [index] for a landscape, made alone (a study of a million runs makes each start as its run
     * needs it): the same point as `starts(landscape, studySeed)[index]`, which is made by this function.
     */
    fun start(landscape: Landscape, studySeed: Long, index: Int): DoubleArray {
        var offset = 0L
        for (part in parts) {
            val (kind, count) = part
            val d = landscape.dimension()
            val size = if (kind == "grid") gridPoints(count, d) else count.toLong()
            if (index >= offset + size) {
                offset += size
                continue
            }
            val box = landscape.facts().domain()
            return when (kind) {
                "default" -> landscape.facts().start()
                "point" -> part.point.clone()
                "random" -> box.sample(SplittableRandom(StableHash.of(studySeed, landscape.spec(), "random", index)))
                "proposal" -> {
                    val random = SplittableRandom(StableHash.of(studySeed, landscape.spec(), "proposal", index))
                    val first = box.sample(random)
                    val second = box.sample(random)
                    DoubleArray(first.size) { (first[it] + second[it]) / 2 }
                }
                else -> {
                    val lower = box.lower()
                    val upper = box.upper()
                    var rest = (index - offset).toInt()
                    DoubleArray(d) { i ->
                        val cell = rest % count
                        rest /= count
                        lower[i] + (cell + 0.5) / count * (upper[i] - lower[i])
                    }
                }
            }
        }
        throw IndexOutOfBoundsException("start $index of '$text' (${count(landscape.dimension())} starts)")
    }

    override fun toString() = text
}
