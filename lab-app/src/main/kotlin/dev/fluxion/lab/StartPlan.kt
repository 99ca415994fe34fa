package dev.fluxion.lab

import dev.fluxion.landscapes.Landscape
import java.util.SplittableRandom

/**
 * Where runs start, written as text joined by `+`: `default` (the landscape's default start from the
 * literature), `random:N` (N points uniform in the landscape's domain box) and `grid:N` (N points per axis at the
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
            p.startsWith("random:") || p.startsWith("grid:") -> {
                val kind = p.substringBefore(':')
                val count = p.substringAfter(':').toIntOrNull()
                    ?: throw LabException("starts '$text': '$p' needs a whole number after '$kind:'")
                if (count < 1) throw LabException("starts '$text': the count in '$p' must be at least 1")
                kind to count
            }
            else -> throw LabException("starts '$text': unknown part '$p'; use default, random:N or grid:N joined by +")
        }
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
                "grid" -> {
                    val d = landscape.dimension()
                    if (d > 3) throw LabException("starts '$text': a grid needs dimension <= 3, ${landscape.spec()} has $d")
                    val lower = box.lower()
                    val upper = box.upper()
                    var total = 1
                    repeat(d) { total *= count }
                    for (cell in 0 until total) {
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
