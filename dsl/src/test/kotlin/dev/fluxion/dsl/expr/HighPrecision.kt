package dev.fluxion.dsl.expr

import java.math.BigDecimal
import java.math.MathContext
import java.math.RoundingMode

/**
 * Reference values in 60-digit decimal arithmetic, by the textbook series, for checking the dsl's double
 * results to the last bit: nothing here shares code or formulas with the dsl's own rules.
 */
object HighPrecision {
    val context = MathContext(60, RoundingMode.HALF_EVEN)
    private val epsilon = BigDecimal.ONE.movePointLeft(70)

    /** e^y = sum y^n / n!, summed for |y| and inverted for a negative y (no cancellation in the series). */
    fun exp(y: BigDecimal): BigDecimal {
        val a = y.abs()
        var term = BigDecimal.ONE
        var sum = BigDecimal.ONE
        var n = 1
        while (term.abs() > epsilon.multiply(sum)) {
            term = term.multiply(a, context).divide(BigDecimal(n), context)
            sum = sum.add(term, context)
            n++
        }
        return if (y.signum() < 0) BigDecimal.ONE.divide(sum, context) else sum
    }

    /** ln z = 2 atanh((z - 1) / (z + 1)) = 2 sum u^(2k+1) / (2k + 1), for z &gt; 0 (fast near 1). */
    fun log(z: BigDecimal): BigDecimal {
        // Bring z into [1/2, 2] by powers of 2 so that the series converges fast: ln z = ln m + k ln 2.
        var m = z
        var k = 0
        val two = BigDecimal(2)
        while (m > two) { m = m.divide(two, context); k++ }
        while (m < BigDecimal("0.5")) { m = m.multiply(two, context); k-- }
        return atanhSeries(m).add(if (k == 0) BigDecimal.ZERO else BigDecimal(k).multiply(atanhSeries(two), context), context)
    }

    private fun atanhSeries(z: BigDecimal): BigDecimal {
        val u = z.subtract(BigDecimal.ONE).divide(z.add(BigDecimal.ONE), context)
        val u2 = u.multiply(u, context)
        var power = u
        var sum = BigDecimal.ZERO
        var k = 0
        while (true) {
            val term = power.divide(BigDecimal(2 * k + 1), context)
            sum = sum.add(term, context)
            if (term.abs() <= epsilon.multiply(sum.abs().max(epsilon))) break
            power = power.multiply(u2, context)
            k++
        }
        return sum.multiply(BigDecimal(2), context)
    }

    fun sqrt(z: BigDecimal): BigDecimal = z.sqrt(context)

    /** tanh'(x) = sech^2 x = 4 e / (1 + e)^2 with e = e^(-2|x|). */
    fun tanhSlope(x: Double): Double {
        val e = exp(BigDecimal(-2 * kotlin.math.abs(x)))
        val onePlus = BigDecimal.ONE.add(e, context)
        return e.multiply(BigDecimal(4), context).divide(onePlus.multiply(onePlus, context), context).toDouble()
    }

    /** tanh''(x) = -2 tanh x sech^2 x = -sign(x) 8 e (1 - e) / (1 + e)^3 with e = e^(-2|x|). */
    fun tanhCurvature(x: Double): Double {
        val e = exp(BigDecimal(-2 * kotlin.math.abs(x)))
        val onePlus = BigDecimal.ONE.add(e, context)
        val value = e.multiply(BigDecimal(8), context).multiply(BigDecimal.ONE.subtract(e, context), context)
            .divide(onePlus.pow(3, context), context)
        return -kotlin.math.sign(x) * value.toDouble()
    }

    /** acosh(1 + t) = ln(1 + t + sqrt(t (t + 2))), with t given exactly as a double. */
    fun acoshOfOnePlus(t: Double): Double {
        val s = BigDecimal(t)
        return log(BigDecimal.ONE.add(s).add(sqrt(s.multiply(s.add(BigDecimal(2)), context)), context)).toDouble()
    }
}
