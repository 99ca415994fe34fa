package dev.fluxion.optimizers

import dev.fluxion.dsl.Metric
import dev.fluxion.dsl.Objective
import dev.fluxion.dsl.expr.Expr
import java.util.Optional

/** f(x) = x^2 in one variable: g = 2x, the quadratic of the hand-computed steps. */
val square: Objective = Expr.parse("x^2").compile("x")

/** Runs [steps] steps of [spec] from [start] and returns x after each step (the start excluded). */
fun trajectory(spec: String, objective: Objective, vararg start: Double, steps: Int = 3): List<DoubleArray> {
    val x = start.copyOf()
    val run = Optimizers.parse(spec).start(x.size)
    return List(steps) { run.step(objective, x); x.copyOf() }
}

/** The first coordinate after each of three steps of [spec] on x^2 from x = 1. */
fun firstThree(spec: String): List<Double> = trajectory(spec, square, 1.0).map { it[0] }

/**
 * The negative log-likelihood of N(mu, sigma^2) for data with mean 1 and variance 4, per sample, in the
 * coordinates (mu, s = log sigma): f = s + ((mu - 1)^2 + 4) / (2 exp(2 s)) (constants dropped). Its minimum
 * is at mu = 1, s = log 2, and its exact Fisher information per sample is diag(1 / sigma^2, 2).
 */
class GaussianLikelihood : Objective {
    private val compiled = Expr.parse("s + ((mu - 1)^2 + 4) / (2 * exp(2 * s))").compile("mu", "s")
    override fun dimension() = 2
    override fun value(x: DoubleArray) = compiled.value(x)
    override fun valueAndGradient(x: DoubleArray, gradient: DoubleArray) = compiled.valueAndGradient(x, gradient)
    override fun variableNames(): List<String> = compiled.variableNames()
    override fun hasHessian() = true
    override fun hessian(x: DoubleArray, hessian: Array<DoubleArray>) = compiled.hessian(x, hessian)
    override fun metric(): Optional<Metric> = Optional.of(Metric { x, out ->
        out[0][0] = Math.exp(-2 * x[1]); out[0][1] = 0.0
        out[1][0] = 0.0; out[1][1] = 2.0
    })
}
