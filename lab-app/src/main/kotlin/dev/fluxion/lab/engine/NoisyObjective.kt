package dev.fluxion.lab.engine

import dev.fluxion.dsl.Metric
import dev.fluxion.dsl.Objective
import java.util.Optional
import java.util.OptionalDouble
import java.util.SplittableRandom

/**
 * An objective whose gradients carry Gaussian noise of standard deviation [noise] in each component, drawn from the
 * run's own generator (a stochastic-gradient model whose randomness is fixed by the run's seed); values are exact.
 * One instance belongs to one run. (The optimizer's run counts the evaluations, by kind.)
 */
internal class NoisyObjective(
    private val inner: Objective,
    private val noise: Double,
    private val random: SplittableRandom,
) : Objective {
    private val dimension = inner.dimension() // asked at every step: one field read, not a chain of calls

    override fun dimension() = dimension
    override fun value(x: DoubleArray) = inner.value(x)

    override fun valueAndGradient(x: DoubleArray, gradient: DoubleArray): Double {
        val f = inner.valueAndGradient(x, gradient)
        for (i in gradient.indices) gradient[i] += noise * gaussian()
        return f
    }

    /** Box-Muller; the second variate is dropped so each draw uses exactly two uniforms. */
    private fun gaussian(): Double {
        val u = 1.0 - random.nextDouble()
        val v = random.nextDouble()
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v)
    }

    override fun variableNames(): List<String> = inner.variableNames()
    override fun hasHessian() = inner.hasHessian()
    override fun hessian(x: DoubleArray, hessian: Array<DoubleArray>) = inner.hessian(x, hessian)
    override fun metric(): Optional<Metric> = inner.metric()
    override fun minimum(): OptionalDouble = inner.minimum()
    override fun smoothness(): OptionalDouble = inner.smoothness()
    override fun strongConvexity(): OptionalDouble = inner.strongConvexity()
}
