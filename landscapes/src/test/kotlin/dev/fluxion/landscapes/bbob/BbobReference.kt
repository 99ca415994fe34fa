package dev.fluxion.landscapes.bbob

import kotlin.math.abs
import kotlin.math.cos
import kotlin.math.exp
import kotlin.math.floor
import kotlin.math.ln
import kotlin.math.max
import kotlin.math.min
import kotlin.math.pow
import kotlin.math.sin
import kotlin.math.sqrt

/**
 * The 24 noiseless bbob functions on plain doubles, written again for the tests from Hansen, Finck, Ros and Auger
 * (2009), "Real-parameter black-box optimization benchmarking 2009: noiseless functions definitions" (INRIA
 * RR-6829), in the order of operations of COCO's C code (`f_*.c`, `transform_vars_*.c`, `transform_obj_*.c`), so
 * that its values are COCO's to the last bits almost everywhere. It calls none of the production transforms,
 * expressions or draws: its instance data come from [ReferenceDraws].
 *
 * COCO applies its transformations innermost last: a problem built as `raw <- vars_a <- vars_b` evaluates
 * raw(a(b(x))). Written out, with x - x_opt first:
 * - T_osz (vars): t = ln|x| / 0.1, sign(x) exp(t + 0.49 (sin(c1 t) + sin(c2 t)))^0.1 with (c1, c2) = (1, 0.79) for
 *   x > 0 and (0.55, 0.31) for x < 0, and 0 at 0;
 * - T_asy^beta: x^(1 + beta (i / (n-1)) sqrt(x)) for x > 0, else x;
 * - Lambda^alpha: alpha^(0.5 i / (n-1)) x_i;
 * - an affine map z_i = b_i + sum_j x_j M_ij, summed from b_i;
 * - f_pen(x) = sum max(0, |x_i| - 5)^2, added after f_opt as factor f_pen.
 *
 * @param f        the function, 1..24
 * @param n        the dimension
 * @param instance the instance
 */
internal class BbobReference(val f: Int, val n: Int, val instance: Int) {
    private val seed = ReferenceDraws.seed(f, instance)
    val fopt = ReferenceDraws.fopt(f, instance)

    /** The uniform draw x_opt of the seed (f12 draws from seed + 10^6; f4, f8, f20, f24 change it below). */
    val xopt: DoubleArray = ReferenceDraws.xopt(if (f == 12) seed + 1_000_000 else seed, n).also { x ->
        if (f == 4) for (i in 0 until n step 2) x[i] = abs(x[i])
        if (f == 8) for (i in 0 until n) x[i] *= 0.75
    }

    /** R, drawn from seed + 10^6 (from the seed itself for f9, f19 and Gallagher's), and Q from the seed. */
    private val r: Array<DoubleArray> by lazy { ReferenceDraws.rotation(seed + 1_000_000, n) }
    private val q: Array<DoubleArray> by lazy { ReferenceDraws.rotation(seed, n) }

    private fun exponent(i: Int) = 1.0 * i / (n.toDouble() - 1.0)

    /** R diag(base^(k / (n-1))) Q, summed over k as COCO sums it: r_ik base^e_k q_kj. */
    private fun conditioned(base: Double): Array<DoubleArray> = Array(n) { i ->
        DoubleArray(n) { j ->
            var sum = 0.0
            for (k in 0 until n) sum += r[i][k] * base.pow(exponent(k)) * q[k][j]
            sum
        }
    }

    private val m: Array<DoubleArray> by lazy {
        when (f) {
            6, 13, 15 -> conditioned(sqrt(10.0))
            16 -> conditioned(1.0 / sqrt(100.0))
            23 -> conditioned(sqrt(100.0))
            17, 18 -> {
                val condition = if (f == 17) 10.0 else 1000.0
                Array(n) { i -> DoubleArray(n) { j -> q[i][j] * sqrt(condition).pow(exponent(i)) } }
            }
            else -> error("f$f has no product matrix")
        }
    }

    private val gallagher: Gallagher by lazy { Gallagher(if (f == 21) 101 else 21) }

    private fun shifted(x: DoubleArray, by: DoubleArray) = DoubleArray(n) { x[it] - by[it] }

    private fun affine(matrix: Array<DoubleArray>, x: DoubleArray, offset: Double = 0.0) = DoubleArray(n) { i ->
        var z = offset
        for (j in 0 until n) z += x[j] * matrix[i][j]
        z
    }

    private fun oscillated(x: Double): Double = when {
        x > 0 -> {
            val t = ln(x) / 0.1
            exp(t + 0.49 * (sin(t) + sin(0.79 * t))).pow(0.1)
        }
        x < 0 -> {
            val t = ln(-x) / 0.1
            -exp(t + 0.49 * (sin(0.55 * t) + sin(0.31 * t))).pow(0.1)
        }
        else -> 0.0
    }

    private fun oscillated(x: DoubleArray) = DoubleArray(n) { oscillated(x[it]) }

    private fun asymmetric(x: DoubleArray, beta: Double) = DoubleArray(n) { i ->
        if (x[i] > 0) x[i].pow(1.0 + beta * i / (n.toDouble() - 1.0) * sqrt(x[i])) else x[i]
    }

    private fun conditioning(x: DoubleArray, alpha: Double) = DoubleArray(n) { i ->
        alpha.pow(0.5 * i / (n.toDouble() - 1.0)) * x[i]
    }

    private fun penalty(x: DoubleArray): Double {
        var p = 0.0
        for (v in x) {
            if (v - 5.0 > 0) p += (v - 5.0) * (v - 5.0) else if (-5.0 - v > 0) p += (-5.0 - v) * (-5.0 - v)
        }
        return p
    }

    private fun rastrigin(z: DoubleArray): Double {
        var cosines = 0.0
        var squares = 0.0
        for (v in z) {
            cosines += cos(2 * Math.PI * v)
            squares += v * v
        }
        return 10.0 * (n.toDouble() - cosines) + squares
    }

    private fun ellipsoid(z: DoubleArray): Double {
        var sum = z[0] * z[0]
        for (i in 1 until n) sum += 1.0e6.pow(exponent(i)) * z[i] * z[i]
        return sum
    }

    private fun rosenbrock(z: DoubleArray): Double {
        var valley = 0.0
        var side = 0.0
        for (i in 0 until n - 1) {
            val a = z[i] * z[i] - z[i + 1]
            valley += a * a
            val b = z[i] - 1.0
            side += b * b
        }
        return 100.0 * valley + side
    }

    private fun rosenbrockFactor() = max(1.0, sqrt(n.toDouble()) / 8.0)

    /** f(x), as COCO's bbob problem f, dimension n, instance i, evaluates it. */
    fun value(x: DoubleArray): Double {
        require(x.size == n) { "a point of dimension ${x.size} for a $n-D function" }
        return when (f) {
            1 -> shifted(x, xopt).sumOf { it * it } + fopt
            2 -> ellipsoid(oscillated(shifted(x, xopt))) + fopt
            3 -> rastrigin(conditioning(asymmetric(oscillated(shifted(x, xopt)), 0.2), 10.0)) + fopt
            4 -> {
                val y = oscillated(shifted(x, xopt))
                val z = DoubleArray(n) { i ->
                    var s = sqrt(10.0).pow(i / (n.toDouble() - 1.0))
                    if (y[i] > 0 && i % 2 == 0) s *= 10.0
                    s * y[i]
                }
                rastrigin(z) + fopt + 100.0 * penalty(x)
            }
            5 -> {
                var sum = 0.0
                for (i in 0 until n) {
                    val corner = if (xopt[i] < 0) -5.0 else 5.0
                    val s = if (corner > 0) sqrt(100.0).pow(exponent(i)) else -sqrt(100.0).pow(exponent(i))
                    sum += if (x[i] * corner < 25.0) 5.0 * abs(s) - s * x[i] else 5.0 * abs(s) - s * corner
                }
                sum + fopt
            }
            6 -> {
                val z = affine(m, shifted(x, xopt))
                var sum = 0.0
                for (i in 0 until n) sum += if (xopt[i] * z[i] > 0) 100.0 * 100.0 * z[i] * z[i] else z[i] * z[i]
                objectiveOscillated(sum).pow(0.9) + fopt
            }
            7 -> stepEllipsoid(x)
            8 -> {
                val factor = rosenbrockFactor()
                rosenbrock(DoubleArray(n) { i -> factor * (x[i] - xopt[i]) - -1.0 }) + fopt
            }
            9 -> {
                val factor = rosenbrockFactor()
                val scaled = Array(n) { i -> DoubleArray(n) { j -> factor * q[i][j] } }
                rosenbrock(affine(scaled, x, 0.5)) + fopt
            }
            10 -> ellipsoid(oscillated(affine(r, shifted(x, xopt)))) + fopt
            11 -> {
                val z = oscillated(affine(r, shifted(x, xopt)))
                var sum = 1.0e6 * z[0] * z[0]
                for (i in 1 until n) sum += z[i] * z[i]
                sum + fopt
            }
            12 -> {
                val z = affine(r, asymmetric(affine(r, shifted(x, xopt)), 0.5))
                var sum = z[0] * z[0]
                for (i in 1 until n) sum += 1.0e6 * z[i] * z[i]
                sum + fopt
            }
            13 -> {
                val z = affine(m, shifted(x, xopt))
                var sum = 0.0
                for (i in 1 until n) sum += z[i] * z[i]
                100.0 * sqrt(sum) + z[0] * z[0] + fopt
            }
            14 -> {
                val z = affine(r, shifted(x, xopt))
                var sum = 0.0
                for (i in 0 until n) sum += abs(z[i]).pow(2.0 + 4.0 * i / (n.toDouble() - 1.0))
                sqrt(sum) + fopt
            }
            15 -> rastrigin(affine(m, asymmetric(oscillated(affine(r, shifted(x, xopt))), 0.2))) + fopt
            16 -> weierstrass(affine(m, oscillated(affine(r, shifted(x, xopt))))) + fopt + 10.0 / n * penalty(x)
            17, 18 -> schaffers(affine(m, asymmetric(affine(r, shifted(x, xopt)), 0.5))) + fopt + 10.0 * penalty(x)
            19 -> {
                val scaled = Array(n) { i -> DoubleArray(n) { j -> q[i][j] * rosenbrockFactor() } }
                val z = affine(scaled, x).map { it - -0.5 }
                var sum = 0.0
                for (i in 0 until n - 1) {
                    val a = z[i] * z[i] - z[i + 1]
                    val b = 1.0 - z[i]
                    val s = 100.0 * a * a + b * b
                    sum += s / 4000.0 - cos(s)
                }
                10.0 + 10.0 * sum / (n - 1).toDouble() + fopt
            }
            20 -> schwefel(x)
            21, 22 -> gallagher.value(x)
            23 -> katsuura(affine(m, shifted(x, xopt))) + fopt + penalty(x)
            24 -> lunacek(x)
            else -> error("bbob has no f$f")
        }
    }

    /** T_osz on the objective (f6): COCO applies the same formula to the value as to the variables. */
    private fun objectiveOscillated(y: Double) = oscillated(y)

    private fun stepEllipsoid(x: DoubleArray): Double {
        val p = penalty(x)
        val zHat = DoubleArray(n) { i ->
            val c = sqrt((100.0 / 10.0).pow(i.toDouble() / (n - 1).toDouble()))
            var sum = 0.0
            for (j in 0 until n) sum += c * q[i][j] * (x[j] - xopt[j])
            sum
        }
        val rounded = DoubleArray(n) { i ->
            if (abs(zHat[i]) > 0.5) floor(zHat[i] + 0.5) else floor(10.0 * zHat[i] + 0.5) / 10.0
        }
        val z = DoubleArray(n) { i ->
            var sum = 0.0
            for (j in 0 until n) sum += r[i][j] * rounded[j]
            sum
        }
        var sum = 0.0
        for (i in 0 until n) sum += 100.0.pow(exponent(i)) * z[i] * z[i]
        return 0.1 * max(abs(zHat[0]) * 1.0e-4, sum) + p + fopt
    }

    private fun weierstrass(z: DoubleArray): Double {
        val a = DoubleArray(12) { 0.5.pow(it.toDouble()) }
        val b = DoubleArray(12) { 3.0.pow(it.toDouble()) }
        var f0 = 0.0
        for (k in 0 until 12) f0 += a[k] * cos(2 * Math.PI * b[k] * 0.5)
        var sum = 0.0
        for (v in z) for (k in 0 until 12) sum += cos(2 * Math.PI * (v + 0.5) * b[k]) * a[k]
        return 10.0 * (sum / n.toDouble() - f0).pow(3.0)
    }

    private fun schaffers(z: DoubleArray): Double {
        var sum = 0.0
        for (i in 0 until n - 1) {
            val s = z[i] * z[i] + z[i + 1] * z[i + 1]
            sum += s.pow(0.25) * (1.0 + sin(50.0 * s.pow(0.1)).pow(2.0))
        }
        return (sum / (n.toDouble() - 1.0)).pow(2.0)
    }

    /**
     * f20: x^ = 2 (1+-) x with the signs of uniforms from the seed, z^_1 = x^_1,
     * z^_i = x^_i + 0.25 (x^_(i-1) - 2 |x_opt,(i-1)|), z = 100 (Lambda^10 (z^ - 2|x_opt|) + 2|x_opt|).
     */
    private fun schwefel(x: DoubleArray): Double {
        val u = ReferenceDraws.uniform(n, seed)
        val half = DoubleArray(n) { i -> if (u[i] - 0.5 < 0) -(0.5 * 4.2096874637) else 0.5 * 4.2096874637 }
        val xHat = DoubleArray(n) { i -> 2.0 * (if (u[i] - 0.5 < 0.0) -x[i] else x[i]) }
        val zHat = DoubleArray(n) { i ->
            if (i == 0) xHat[0] else xHat[i] + 0.25 * (xHat[i - 1] - 2.0 * abs(half[i - 1]))
        }
        val z = DoubleArray(n) { i ->
            val centred = zHat[i] - 2 * abs(half[i])
            // the diagonal affine map sums its zeros too; adding +-0 changes nothing
            val conditioned = 0.0 + centred * sqrt(10.0).pow(1.0 * i / (n.toDouble() - 1))
            100.0 * (conditioned - -2 * abs(half[i]))
        }
        var p = 0.0
        for (v in z) if (abs(v) - 500.0 > 0) p += (abs(v) - 500.0) * (abs(v) - 500.0)
        var sum = 0.0
        for (v in z) sum += v * sin(sqrt(abs(v)))
        return 0.01 * (p + 418.9828872724339 - sum / n.toDouble()) + fopt
    }

    private fun katsuura(z: DoubleArray): Double {
        var product = 1.0
        for (i in 0 until n) {
            var digits = 0.0
            for (j in 1 until 33) {
                val scale = 2.0.pow(j.toDouble())
                digits += abs(scale * z[i] - floor(scale * z[i] + 0.5)) / scale
            }
            product *= 1.0 + (i + 1).toDouble() * digits
        }
        return 10.0 / n.toDouble() / n.toDouble() * (-1.0 + product.pow(10.0 / n.toDouble().pow(1.2)))
    }

    /** f24, with its own x_opt = (mu_0 / 2) (1+-), the signs of normals drawn from the seed. */
    private fun lunacek(x: DoubleArray): Double {
        val mu0 = 2.5
        val s = 1.0 - 0.5 / (sqrt((n + 20).toDouble()) - 4.1)
        val mu1 = -sqrt((mu0 * mu0 - 1.0) / s)
        val signs = ReferenceDraws.gaussian(n, seed)
        val p = penalty(x)
        val xHat = DoubleArray(n) { i -> if (signs[i] < 0) -(2.0 * x[i]) else 2.0 * x[i] }
        val inner = DoubleArray(n) { i ->
            val c = sqrt(100.0).pow(i.toDouble() / (n - 1).toDouble())
            var sum = 0.0
            for (j in 0 until n) sum += c * q[i][j] * (xHat[j] - mu0)
            sum
        }
        val z = DoubleArray(n) { i ->
            var sum = 0.0
            for (j in 0 until n) sum += r[i][j] * inner[j]
            sum
        }
        var near = 0.0
        var far = 0.0
        var cosines = 0.0
        for (i in 0 until n) {
            near += (xHat[i] - mu0) * (xHat[i] - mu0)
            far += (xHat[i] - mu1) * (xHat[i] - mu1)
            cosines += cos(2 * Math.PI * z[i])
        }
        return min(near, 1.0 * n + s * far) + 10.0 * (n.toDouble() - cosines) + 1e4 * p + fopt
    }

    /** x_opt of f24 as the definitions place it, (mu_0 / 2) times the signs of the seed's normals. */
    fun lunacekOptimum(): DoubleArray = ReferenceDraws.gaussian(n, seed).map { if (it < 0) -1.25 else 1.25 }
        .toDoubleArray()

    /**
     * Gallagher's peaks (f21: 101 peaks, f22: 21). The heights w_1 = 10 and w_i = 1.1 + 8 (i - 2) / (peaks - 2);
     * the conditions: sqrt(1000) (101 peaks) or 1000 (21 peaks) for the first peak, 1000^(pi_(i-1) / (peaks - 2))
     * for the others, pi the ranks of peaks - 1 uniforms from the seed; each peak's axis scales
     * c_i^(rho_j / (n-1) - 1/2), rho the ranks of n uniforms from seed + 1000 i; centres y_i = b u - c from n peaks
     * uniforms (b, c) = (10, 5) or (9.8, 4.9), the first times 0.8, rotated by R from the seed; x_opt = 0.8 (b u - c).
     */
    inner class Gallagher(private val peaks: Int) {
        private val rotation = ReferenceDraws.rotation(seed, n)
        private val heights = DoubleArray(peaks)
        private val scales = Array(peaks) { DoubleArray(n) }
        private val centres = Array(n) { DoubleArray(peaks) }
        val optimum: DoubleArray

        init {
            val (b, c) = if (peaks == 101) 10.0 to 5.0 else 9.8 to 4.9
            val ranks = ReferenceDraws.uniform(peaks - 1, seed).withIndex().sortedBy { it.value }.map { it.index }
            val conditions = DoubleArray(peaks)
            conditions[0] = if (peaks == 101) sqrt(1000.0) else 1000.0
            heights[0] = 10.0
            for (i in 1 until peaks) {
                conditions[i] = 1000.0.pow(ranks[i - 1].toDouble() / (peaks - 2).toDouble())
                heights[i] = (i - 1).toDouble() / (peaks - 2).toDouble() * (9.1 - 1.1) + 1.1
            }
            for (i in 0 until peaks) {
                val order = ReferenceDraws.uniform(n, seed + 1000L * i).withIndex().sortedBy { it.value }
                    .map { it.index }
                for (j in 0 until n) scales[i][j] = conditions[i].pow(order[j].toDouble() / (n - 1).toDouble() - 0.5)
            }
            val u = ReferenceDraws.uniform(n * peaks, seed)
            optimum = DoubleArray(n) { 0.8 * (b * u[it] - c) }
            for (i in 0 until n) {
                for (j in 0 until peaks) {
                    var y = 0.0
                    for (k in 0 until n) y += rotation[i][k] * (b * u[j * n + k] - c)
                    centres[i][j] = if (j == 0) y * 0.8 else y
                }
            }
        }

        fun value(x: DoubleArray): Double {
            val p = penalty(x)
            val rotated = DoubleArray(n) { i ->
                var sum = 0.0
                for (j in 0 until n) sum += rotation[i][j] * x[j]
                sum
            }
            var highest = 0.0
            for (i in 0 until peaks) {
                var distance = 0.0
                for (j in 0 until n) {
                    val d = rotated[j] - centres[j][i]
                    distance += scales[i][j] * d * d
                }
                highest = max(highest, heights[i] * exp(-0.5 / n.toDouble() * distance))
            }
            val t = oscillated(10.0 - highest)
            return t * t + p + fopt
        }
    }
}
