// Line searches and quasi-Newton methods on Rosenbrock's function.
//
// A line search picks the step alpha along a descent direction d: the strong Wolfe conditions ask for sufficient
// decrease, phi(alpha) <= phi(0) + c1 alpha phi'(0), and a flattened slope, |phi'(alpha)| <= c2 |phi'(0)|, where
// phi(alpha) = f(x + alpha d). The script first tabulates both conditions along -g from Rosenbrock's start and
// checks the step chain(wolfe(...)) accepts there. Then it runs gradient descent (clipped, lr = 0.0015), damped
// Newton with its full step, trust-region Newton (Steihaug's CG), and L-BFGS (ten pairs and a strong Wolfe search that tries the unit step first) on
// Rosenbrock's function in 2 and in 100 variables until |grad f| <= 1e-6, and counts steps and evaluations: a line
// search spends evaluations inside a step, so "steps" and "evaluations" tell different stories. It prints where damped
// Newton stops in 100 variables (near (-1, 1, ..., 1), with a positive-definite Hessian: another minimum). It writes
// quasi-newton-steps.svg and quasi-newton-evaluations.svg: f - f* on rosenbrock(dim=100) against the step and against
// the evaluations so far (values + gradients + n Hessians).
//
// Run: fluxion script examples/scripts/QuasiNewton.lab.kts OUTPUT_FOLDER

import dev.fluxion.lab.report.LetsPlotFigures
import dev.fluxion.lab.report.Series

val folder = Path.of(args.firstOrNull() ?: ".")
val registry = LandscapeRegistry.standard()

// ---- the Wolfe conditions along -g from (-1.2, 1) ----
val rosenbrock = registry.create("rosenbrock(dim=2)")
val x0 = rosenbrock.facts().start()
val g0 = DoubleArray(2)
val f0 = rosenbrock.objective().valueAndGradient(x0, g0)
val slope0 = -(g0[0] * g0[0] + g0[1] * g0[1])
val c1 = 1e-4
val c2 = 0.9

/** phi(alpha) = f(x0 - alpha g0) and phi'(alpha) = grad f(x0 - alpha g0)' (-g0). */
fun phi(alpha: Double): Pair<Double, Double> {
    val g = DoubleArray(2)
    val value = rosenbrock.objective().valueAndGradient(DoubleArray(2) { x0[it] - alpha * g0[it] }, g)
    return value to -(g[0] * g0[0] + g[1] * g0[1])
}

fun sufficientDecrease(alpha: Double) = phi(alpha).first <= f0 + c1 * alpha * slope0
fun curvature(alpha: Double) = abs(phi(alpha).second) <= c2 * abs(slope0)

println(String.format(Locale.ROOT, "phi(0) = %.4f, phi'(0) = %.4f", f0, slope0))
println("alpha      phi(alpha)     phi'(alpha)     decrease  curvature")
for (alpha in listOf(1e-2, 3e-3, 2e-3, 1e-3, 3e-4, 1e-4)) {
    val (value, slope) = phi(alpha)
    println(String.format(Locale.ROOT, "%-10.1e %-14.6f %-15.4f %-9s %s", alpha, value, slope,
        sufficientDecrease(alpha), curvature(alpha)))
}
val searched = x0.copyOf()
val info = chain(wolfe(c1 = c1, c2 = c2)).start(2).step(rosenbrock.objective(), searched)
val accepted = (x0[0] - searched[0]) / g0[0]
println(String.format(Locale.ROOT, "wolfe accepts alpha = %.6e after %d evaluations: decrease %s, curvature %s",
    accepted, info.gradientEvaluations(), sufficientDecrease(accepted), curvature(accepted)))

// ---- gradient descent, Newton and L-BFGS in 2 and 100 variables ----
val optimizers: Map<String, Optimizer> = linkedMapOf(
    "gd" to chain(clip(norm = 10.0), gd(lr = 0.0015)),
    "newton" to newton(lr = 1.0),
    "newton-tr" to newtonTr(),
    "lbfgs" to lbfgs(memory = 10),
)
val budget = 60000

/** Where the last [trace] ended, by landscape and optimizer. */
val ends = mutableMapOf<String, DoubleArray>()

/** f - f* and the evaluation cost after each step, until |grad f| <= 1e-6 before a step or the budget is spent. */
fun trace(optimizer: Optimizer, landscape: Landscape): Pair<List<Double>, List<Long>> {
    val x = landscape.facts().start()
    ends[landscape.spec() + " " + optimizer.spec()] = x
    val run = optimizer.start(x.size)
    val gaps = mutableListOf<Double>()
    val costs = mutableListOf<Long>()
    for (k in 1..budget) {
        val step = run.step(landscape.objective(), x)
        if (step.gradientNorm() <= 1e-6) break
        gaps += landscape.valueGap(x)
        costs += step.evaluationCost(x.size)
    }
    return gaps to costs
}

println("landscape            optimizer  steps to |grad f| <= 1e-6   evaluations   f - f* at the end")
val curves = mutableMapOf<String, Pair<List<Double>, List<Long>>>()
for (spec in listOf("rosenbrock(dim=2)", "rosenbrock(dim=100)")) {
    val landscape = registry.create(spec)
    for ((name, optimizer) in optimizers) {
        val (gaps, costs) = trace(optimizer, landscape)
        val steps = if (gaps.size == budget) "not within $budget" else "${gaps.size}"
        println(String.format(Locale.ROOT, "%-20s %-10s %-27s %-13d %.3e", spec, name, steps, costs.lastOrNull() ?: 0L,
            gaps.lastOrNull() ?: 0.0))
        if (spec == "rosenbrock(dim=100)") curves[name] = gaps to costs
    }
}

// where Newton stops in 100 variables: near (-1, 1, ..., 1), and a minimum (H positive definite), not a saddle
val rosenbrock100 = registry.create("rosenbrock(dim=100)")
val newtonEnd = ends.getValue(rosenbrock100.spec() + " " + optimizers.getValue("newton").spec())
val newtonGradient = DoubleArray(100)
val newtonValue = rosenbrock100.objective().valueAndGradient(newtonEnd, newtonGradient)
val smallestEigenvalue = rosenbrock100.hessianSpectrumAt(newtonEnd).smallest()
println(String.format(Locale.ROOT, "newton on rosenbrock(dim=100) ends at x_1 = %.6f, max over i >= 2 of |x_i - 1| = %.6f,"
    + " value f = %.6f, its |grad f| = %.3e, smallest Hessian eigenvalue = %.4f", newtonEnd[0],
    (1 until 100).maxOf { abs(newtonEnd[it] - 1) }, newtonValue, sqrt(newtonGradient.sumOf { it * it }), smallestEigenvalue))

// L-BFGS's steps mostly take the unit step: evaluations per step near 1 once the pairs have learnt the curvature
val lbfgs100 = curves.getValue("lbfgs")
println(String.format(Locale.ROOT, "lbfgs on rosenbrock(dim=100), evaluations per step: %.2f",
    lbfgs100.second.last().toDouble() / lbfgs100.second.size))

Files.createDirectories(folder)
fun series(name: String, x: (Int) -> Double) = curves.getValue(name).first.let { gaps ->
    Series(name, DoubleArray(gaps.size) { x(it) }, DoubleArray(gaps.size) { max(gaps[it], 1e-20) })
}
val bySteps = folder.resolve("quasi-newton-steps.svg")
Files.writeString(bySteps, LetsPlotFigures.lines("rosenbrock(dim=100)", "step", "f - f*",
    optimizers.keys.map { name -> series(name) { it + 1.0 } }, logX = true, logY = true).svg)
println("figure: $bySteps")
val byEvaluations = folder.resolve("quasi-newton-evaluations.svg")
Files.writeString(byEvaluations, LetsPlotFigures.lines("rosenbrock(dim=100)", "evaluations (values + gradients + n Hessians)",
    "f - f*", optimizers.keys.map { name -> series(name) { curves.getValue(name).second[it].toDouble() } },
    logX = true, logY = true).svg)
println("figure: $byEvaluations")
