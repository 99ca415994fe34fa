package dev.fluxion.landscapes

import kotlin.math.PI
import kotlin.math.acos
import kotlin.math.acosh
import kotlin.math.atan
import kotlin.math.cos
import kotlin.math.cosh
import kotlin.math.exp
import kotlin.math.max
import kotlin.math.min
import kotlin.math.pow
import kotlin.math.sin
import kotlin.math.sqrt

/**
 * Residuals of a handful of Moré-Garbow-Hillstrom problems written out again from the paper, loop by loop on plain
 * doubles, with none of the vector tricks of the landscapes (the paper's theta for the helical valley, Chebyshev
 * polynomials as cos(i arccos s), the integral equation's double sums): f = sum of their squares must agree.
 */
object MghByHand {

    fun sumOfSquares(residuals: List<Double>): Double = residuals.sumOf { it * it }

    fun beale(x: DoubleArray): List<Double> =
        listOf(1.5, 2.25, 2.625).mapIndexed { k, y -> y - x[0] * (1 - x[1].pow(k + 1)) }

    fun helicalValley(x: DoubleArray): List<Double> {
        val theta = when {
            x[0] > 0 -> atan(x[1] / x[0]) / (2 * PI)
            x[0] < 0 -> atan(x[1] / x[0]) / (2 * PI) + 0.5
            else -> 0.25 * (if (x[1] < 0) -1.0 else 1.0)
        }
        return listOf(10 * (x[2] - 10 * theta), 10 * (sqrt(x[0] * x[0] + x[1] * x[1]) - 1), x[2])
    }

    fun bard(x: DoubleArray): List<Double> {
        val y = listOf(0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39)
        return (1..15).map { i ->
            val u = i.toDouble()
            val v = 16.0 - i
            val w = min(u, v)
            y[i - 1] - (x[0] + u / (v * x[1] + w * x[2]))
        }
    }

    fun box3d(x: DoubleArray, m: Int): List<Double> = (1..m).map { i ->
        val t = 0.1 * i
        exp(-t * x[0]) - exp(-t * x[1]) - x[2] * (exp(-t) - exp(-10 * t))
    }

    fun watson(x: DoubleArray): List<Double> {
        val n = x.size
        val fitted = (1..29).map { i ->
            val t = i / 29.0
            val derivative = (2..n).sumOf { j -> (j - 1) * x[j - 1] * t.pow(j - 2) }
            val value = (1..n).sumOf { j -> x[j - 1] * t.pow(j - 1) }
            derivative - value * value - 1
        }
        return fitted + listOf(x[0], x[1] - x[0] * x[0] - 1)
    }

    fun penalty2(x: DoubleArray): List<Double> {
        val n = x.size
        val a = sqrt(1e-5)
        val middle = (2..n).map { i ->
            a * (exp(x[i - 1] / 10) + exp(x[i - 2] / 10) - (exp(i / 10.0) + exp((i - 1) / 10.0)))
        }
        val tail = (n + 1 until 2 * n).map { i -> a * (exp(x[i - n] / 10) - exp(-0.1)) }
        val last = (1..n).sumOf { j -> (n - j + 1) * x[j - 1] * x[j - 1] } - 1
        return listOf(x[0] - 0.2) + middle + tail + listOf(last)
    }

    fun brownAlmostLinear(x: DoubleArray): List<Double> {
        val n = x.size
        val sum = x.sum()
        return (0 until n - 1).map { x[it] + sum - (n + 1) } + listOf(x.fold(1.0) { p, v -> p * v } - 1)
    }

    fun discreteIntegralEquation(x: DoubleArray): List<Double> {
        val n = x.size
        val h = 1.0 / (n + 1)
        val t = DoubleArray(n) { (it + 1) * h }
        fun c(j: Int) = (x[j] + t[j] + 1).pow(3)
        return (0 until n).map { i ->
            val below = (0..i).sumOf { j -> t[j] * c(j) }
            val above = (i + 1 until n).sumOf { j -> (1 - t[j]) * c(j) }
            x[i] + h * ((1 - t[i]) * below + t[i] * above) / 2
        }
    }

    fun broydenBanded(x: DoubleArray): List<Double> {
        val n = x.size
        return (1..n).map { i ->
            val neighbours = (max(1, i - 5)..min(n, i + 1)).filter { it != i }
            x[i - 1] * (2 + 5 * x[i - 1] * x[i - 1]) + 1 - neighbours.sumOf { j -> x[j - 1] * (1 + x[j - 1]) }
        }
    }

    fun trigonometric(x: DoubleArray): List<Double> {
        val n = x.size
        val cosines = x.sumOf { cos(it) }
        return (1..n).map { i -> n - cosines + i * (1 - cos(x[i - 1])) - sin(x[i - 1]) }
    }

    /** T_i(s) = cos(i arccos s) on [-1, 1], cosh(i arccosh s) beyond 1 and (-1)^i T_i(-s) below -1. */
    private fun chebyshev(i: Int, s: Double): Double = when {
        s > 1 -> cosh(i * acosh(s))
        s < -1 -> (if (i % 2 == 0) 1.0 else -1.0) * cosh(i * acosh(-s))
        else -> cos(i * acos(s))
    }

    fun chebyquad(x: DoubleArray, m: Int): List<Double> = (1..m).map { i ->
        x.sumOf { chebyshev(i, 2 * it - 1) } / x.size + if (i % 2 == 0) 1.0 / (i * i - 1) else 0.0
    }
}
