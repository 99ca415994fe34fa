package dev.fluxion.landscapes.bbob

import kotlin.math.abs
import kotlin.math.cos
import kotlin.math.floor
import kotlin.math.ln
import kotlin.math.sqrt

/**
 * COCO's 2009 random draws, written again for the tests from the description of the legacy generator
 * (`bbob2009_unif`, `bbob2009_gauss`, `bbob2009_compute_xopt`, `bbob2009_compute_fopt`,
 * `bbob2009_compute_rotation` in COCO's `suite_bbob_legacy_code.c`), without calling [BbobRandom] or
 * [BbobInstance], so that comparing [BbobReference] with the landscapes checks the production generator too.
 *
 * The generator: Park and Miller's s <- 16807 s mod (2^31 - 1), stepped with Schrage's trick; 40 steps from the
 * seed, the last 32 of them kept in a table (the 40th step in slot 0); each draw then steps once, reads the slot
 * chosen by the previous draw divided by 67108865, hands that slot's old content out divided by 2.147483647e9 and
 * puts the new state in its place.
 */
internal object ReferenceDraws {

    fun uniform(count: Int, seed: Long): DoubleArray {
        var s = if (seed < 0) -seed else seed
        if (s < 1) s = 1
        fun step() {
            val q = floor(s.toDouble() / 127773.0).toLong()
            s = 16807 * (s - q * 127773) - 2836 * q
            if (s < 0) s += 2147483647
        }
        val table = LongArray(32)
        for (i in 39 downTo 0) {
            step()
            if (i < 32) table[i] = s
        }
        var last = table[0]
        return DoubleArray(count) {
            step()
            val slot = floor(last.toDouble() / 67108865.0).toInt()
            last = table[slot]
            table[slot] = s
            val r = last.toDouble() / 2.147483647e9
            if (r == 0.0) 1e-99 else r
        }
    }

    /** Box-Muller on 2n uniforms: the first n give the radius, the last n the angle. */
    fun gaussian(count: Int, seed: Long): DoubleArray {
        val u = uniform(2 * count, seed)
        return DoubleArray(count) { i ->
            val g = sqrt(-2 * ln(u[i])) * cos(2 * Math.PI * u[count + i])
            if (g == 0.0) 1e-99 else g
        }
    }

    /** x_opt,i = 8 floor(10^4 u_i) / 10^4 - 4, an exact 0 moved to -10^-5. */
    fun xopt(seed: Long, n: Int): DoubleArray = uniform(n, seed).map { u ->
        val x = 8 * floor(1e4 * u) / 1e4 - 4
        if (x == 0.0) -1e-5 else x
    }.toDoubleArray()

    /** The seed of function f: f4 and f18 borrow those of f3 and f17. */
    fun seed(f: Int, instance: Int): Long = (when (f) {
        4 -> 3
        18 -> 17
        else -> f
    }) + 10000L * instance

    /** f_opt = round(100 * 100 g_1 / g_2) / 100 clipped to [-1000, 1000], g_1 from the seed, g_2 from seed + 1. */
    fun fopt(f: Int, instance: Int): Double {
        val seed = seed(f, instance)
        val g1 = gaussian(1, seed)[0]
        val g2 = gaussian(1, seed + 1)[0]
        return minOf(1000.0, maxOf(-1000.0, floor(100.0 * 100.0 * g1 / g2 + 0.5) / 100.0))
    }

    /** n x n normals B[i][j] = g[j n + i], then Gram-Schmidt on the columns, left to right. */
    fun rotation(seed: Long, n: Int): Array<DoubleArray> {
        val g = gaussian(n * n, seed)
        val b = Array(n) { i -> DoubleArray(n) { j -> g[j * n + i] } }
        for (i in 0 until n) {
            for (j in 0 until i) {
                var dot = 0.0
                for (k in 0 until n) dot += b[k][i] * b[k][j]
                for (k in 0 until n) b[k][i] -= dot * b[k][j]
            }
            var squares = 0.0
            for (k in 0 until n) squares += b[k][i] * b[k][i]
            for (k in 0 until n) b[k][i] /= sqrt(squares)
        }
        return b
    }

    /** The largest entry of |R^T R - I|, 0 for an exact rotation. */
    fun orthogonalityDefect(r: Array<DoubleArray>): Double {
        val n = r.size
        var worst = 0.0
        for (i in 0 until n) for (j in 0 until n) {
            var dot = 0.0
            for (k in 0 until n) dot += r[k][i] * r[k][j]
            worst = maxOf(worst, abs(dot - if (i == j) 1.0 else 0.0))
        }
        return worst
    }
}
