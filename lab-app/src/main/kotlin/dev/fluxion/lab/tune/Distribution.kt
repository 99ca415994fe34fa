package dev.fluxion.lab.tune

import dev.fluxion.lab.LabException
import java.util.SplittableRandom

/**
 * Where a tuned hyperparameter's values come from: a range searched on a log or linear scale, whole numbers, or a
 * fixed list. A grid search takes [points] from it, a random search [draw]s from it.
 *
 * - `loguniform(a, b)`: a^(1-u) b^u for u uniform in [0, 1): uniform in log a .. log b (0 < a < b);
 * - `uniform(a, b)`: a + u (b - a) (a < b);
 * - `int(a, b)`: a whole number from a to b, both included (a < b);
 * - `choice(v1, v2, ...)`: one of the values as written (numbers or words);
 * - `grid(a, b, n)` and `loggrid(a, b, n)`: the n points from a to b, evenly spaced on a linear or a log scale,
 *   searched as a fixed list (a grid search takes them all, a random search draws among them).
 */
sealed interface Distribution {
    /** The distribution as written in `--tune`. */
    val text: String

    /** [count] points spread over the range (a discrete distribution gives all its values, whatever [count]). */
    fun points(count: Int): List<Double>

    /** One value drawn with [random]. */
    fun draw(random: SplittableRandom): Double

    /** Whether the distribution is a fixed list of values, whose grid is the whole list. */
    val discrete: Boolean get() = false

    /** The smallest and the largest value it gives, for checking them against the hyperparameter's range. */
    val bounds: Pair<Double, Double>

    /** Uniform on a log scale from [low] to [high]. */
    data class LogUniform(val low: Double, val high: Double) : Distribution {
        override val text get() = "loguniform($low, $high)"
        override val bounds get() = low to high
        override fun points(count: Int): List<Double> = logSpaced(low, high, count)
        override fun draw(random: SplittableRandom): Double {
            val u = random.nextDouble()
            return Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)))
        }
    }

    /** Uniform on a linear scale from [low] to [high]. */
    data class Uniform(val low: Double, val high: Double) : Distribution {
        override val text get() = "uniform($low, $high)"
        override val bounds get() = low to high
        override fun points(count: Int): List<Double> = linearlySpaced(low, high, count)
        override fun draw(random: SplittableRandom): Double = low + random.nextDouble() * (high - low)
    }

    /** The whole numbers from [low] to [high], both included. */
    data class Whole(val low: Long, val high: Long) : Distribution {
        override val text get() = "int($low, $high)"
        override val bounds get() = low.toDouble() to high.toDouble()
        override fun points(count: Int): List<Double> =
            linearlySpaced(low.toDouble(), high.toDouble(), minOf(count.toLong(), high - low + 1).toInt())
                .map { Math.round(it).toDouble() }.distinct()
        override fun draw(random: SplittableRandom): Double = (low + random.nextLong(high - low + 1)).toDouble()
    }

    /** A fixed list of values: `choice(...)`, `grid(...)` or `loggrid(...)`, as [text] says. */
    data class Values(val values: List<Double>, override val text: String) : Distribution {
        override val discrete get() = true
        override val bounds get() = values.min() to values.max()
        override fun points(count: Int): List<Double> = values
        override fun draw(random: SplittableRandom): Double = values[random.nextInt(values.size)]
    }

    companion object {
        /**
         * Reads a distribution, [text] being what follows `name=` in [option] and [column] its 1-based column there.
         *
         * @throws LabException naming the option, the column and what was wrong
         */
        @JvmStatic
        fun parse(text: String, option: String, column: Int): Distribution {
            fun fail(what: String, at: Int = column): Nothing =
                throw LabException("--tune '$option': $what (column $at); use loguniform(a,b), uniform(a,b), " +
                    "int(a,b), choice(v1,v2,...), grid(a,b,n) or loggrid(a,b,n)")
            val open = text.indexOf('(')
            if (open < 0 || !text.trimEnd().endsWith(")")) fail("'${text.trim()}' is not a distribution")
            val kind = text.substring(0, open).trim()
            val inside = text.substring(open + 1, text.trimEnd().length - 1)
            val parts = inside.split(',')
            val starts = parts.runningFold(column + open + 1) { at, part -> at + part.length + 1 }
            val args = parts.map { it.trim() }
            fun number(i: Int): Double = args[i].toDoubleOrNull()?.takeIf { it.isFinite() }
                ?: fail("'${args[i]}' is not a finite number", starts[i] + parts[i].indexOfFirst { !it.isWhitespace() }.coerceAtLeast(0))
            fun count(n: Int) { if (args.size != n || args.any { it.isEmpty() }) fail("$kind takes $n numbers, got '$inside'", column + open) }
            return when (kind) {
                "loguniform", "uniform" -> {
                    count(2)
                    val (a, b) = number(0) to number(1)
                    if (!(a < b)) fail("$kind needs low < high, got $a and $b", column + open)
                    if (kind == "loguniform" && a <= 0) fail("loguniform needs 0 < low, got $a", starts[0])
                    if (kind == "loguniform") LogUniform(a, b) else Uniform(a, b)
                }
                "int" -> {
                    count(2)
                    val (a, b) = args.mapIndexed { i, s -> s.toLongOrNull() ?: fail("'$s' is not a whole number", starts[i]) }
                    if (a >= b) fail("int needs low < high, got $a and $b", column + open)
                    Whole(a, b)
                }
                "choice" -> {
                    if (args.any { it.isEmpty() }) fail("choice needs values separated by commas, got '$inside'", column + open)
                    val values = args.indices.map { number(it) }
                    if (values.toSet().size != values.size) fail("choice lists a value twice", column + open)
                    Values(values, "choice(${args.joinToString(", ")})")
                }
                "grid", "loggrid" -> {
                    count(3)
                    val (a, b) = number(0) to number(1)
                    val n = args[2].toIntOrNull()?.takeIf { it in 2..MAX_POINTS } ?: fail("n = '${args[2]}' must be a whole number from 2 to $MAX_POINTS", starts[2])
                    if (!(a < b)) fail("$kind needs low < high, got $a and $b", column + open)
                    if (kind == "loggrid" && a <= 0) fail("loggrid needs 0 < low, got $a", starts[0])
                    Values(if (kind == "grid") linearlySpaced(a, b, n) else logSpaced(a, b, n), "$kind($a, $b, $n)")
                }
                else -> fail("unknown distribution '$kind'", column)
            }
        }

        /** The most points a `grid(...)` or `loggrid(...)` may list. */
        const val MAX_POINTS = 10_000

        /** [count] points from [low] to [high] on a log scale, the ends exact; one point is the geometric mean. */
        internal fun logSpaced(low: Double, high: Double, count: Int): List<Double> =
            if (count == 1) listOf(Math.sqrt(low * high)) else (0 until count).map { i ->
                if (i == count - 1) high else Math.exp(Math.log(low) + i.toDouble() / (count - 1) * (Math.log(high) - Math.log(low)))
            }

        /** [count] points from [low] to [high] evenly spaced, the ends exact; one point is the midpoint. */
        internal fun linearlySpaced(low: Double, high: Double, count: Int): List<Double> =
            if (count == 1) listOf(low + (high - low) / 2) else (0 until count).map { i ->
                if (i == count - 1) high else low + i.toDouble() / (count - 1) * (high - low)
            }
    }
}
