// Line searches and quasi-Newton methods on Rosenbrock's function.
//
// A line search picks the step alpha along a descent direction d: the strong Wolfe conditions ask for sufficient
// decrease, phi(alpha) <= phi(0) + c1 alpha phi'(0), and a flattened slope, |phi'(alpha)| <= c2 |phi'(0)|, where
// phi(alpha) = f(x + alpha d). The script tabulates both along -g from Rosenbrock's start and checks the step
// chain(wolfe(...)) accepts there. Then a stored comparison runs gradient descent (clipped, lr = 0.0015), damped Newton
// with its full step, trust-region Newton (Steihaug's CG) and L-BFGS (ten pairs, a strong Wolfe search trying the unit
// step first) on Rosenbrock's function in 2 and 100 variables until f - f* <= 1e-12 (or a stall, or 60000 steps), and
// counts steps and evaluations (values + gradients + n Hessians): a line search spends evaluations inside a step. It prints where damped Newton
// stops in 100 variables (near (-1, 1, ..., 1), H positive definite: another minimum), and writes
// quasi-newton-steps.svg and quasi-newton-evaluations.svg, f - f* on rosenbrock(dim=100) against the step and the
// evaluations at which each target 1e-1, ..., 1e-12 was first reached.
//
// Run: fluxion script examples/scripts/QuasiNewton.lab.kts OUTPUT_FOLDER

val folder = Path.of(args.firstOrNull() ?: ".")
val f = rosenbrock(dim = 2).objective()
val x0 = rosenbrock(dim = 2).facts().start()
val g0 = DoubleArray(2).also { f.valueAndGradient(x0, it) }
/** phi(alpha) = f(x0 - alpha g0) and phi'(alpha) = grad f(x0 - alpha g0)' (-g0). */
fun phi(alpha: Double): Pair<Double, Double> = DoubleArray(2).let { g ->
    f.valueAndGradient(DoubleArray(2) { x0[it] - alpha * g0[it] }, g) to -(g[0] * g0[0] + g[1] * g0[1])
}
val (f0, slope0) = phi(0.0)
fun decrease(alpha: Double) = phi(alpha).first <= f0 + 1e-4 * alpha * slope0
fun curvature(alpha: Double) = abs(phi(alpha).second) <= 0.9 * abs(slope0)
println(String.format(Locale.ROOT, "phi(0) = %.4f, phi'(0) = %.4f", f0, slope0))
println("alpha      phi(alpha)     phi'(alpha)     decrease  curvature")
for (alpha in listOf(1e-2, 3e-3, 2e-3, 1e-3, 3e-4, 1e-4)) println(String.format(Locale.ROOT, "%-10.1e %-14.6f %-15.4f %-9s %s",
    alpha, phi(alpha).first, phi(alpha).second, decrease(alpha), curvature(alpha)))
val searched = x0.copyOf()
val info = chain(wolfe(c1 = 1e-4, c2 = 0.9)).start(2).step(f, searched)
val accepted = (x0[0] - searched[0]) / g0[0]
println(String.format(Locale.ROOT, "wolfe accepts alpha = %.6e after %d evaluations: decrease %s, curvature %s",
    accepted, info.gradientEvaluations(), decrease(accepted), curvature(accepted)))

val optimizers = linkedMapOf<String, Optimizer>("gd" to chain(clip(norm = 10.0), gd(lr = 0.0015)), "newton" to newton(lr = 1.0),
    "newton-tr" to newtonTr(), "lbfgs" to lbfgs(memory = 10))
val targets = DoubleArray(12) { 10.0.pow(-it - 1.0) }
val results = compare {
    optimizers(*optimizers.values.toTypedArray()); landscapes(rosenbrock(dim = 2), rosenbrock(dim = 100))
    starts(default()); steps(60_000); targets(*targets); threads(2); name("quasi-newton")
}.run()
fun name(run: RunResult) = optimizers.entries.first { it.value.spec() == run.spec.optimizerLabel }.key
println("landscape            optimizer  steps              evaluations   f - f* at the end  outcome")
for (run in results.runs) println(String.format(Locale.ROOT, "%-20s %-10s %-18s %-13d %-18.3e %s", run.spec.landscapeLabel,
    name(run), if (run.outcome.kind == "budget") "not within 60000" else "${run.steps}", run.evaluations, run.finalGap, run.outcome.kind))

val rosenbrock100 = rosenbrock(dim = 100)
val on100 = results.runs.filter { it.spec.landscapeLabel == rosenbrock100.spec() }
val newtonEnd = on100.single { name(it) == "newton" }.finalPoint.toDoubleArray()
val newtonGradient = DoubleArray(100)
val newtonValue = rosenbrock100.objective().valueAndGradient(newtonEnd, newtonGradient)
println(String.format(Locale.ROOT, "newton on rosenbrock(dim=100) ends at x_1 = %.6f, max over i >= 2 of |x_i - 1| = %.6f,"
    + " value f = %.6f, its |grad f| = %.3e, smallest Hessian eigenvalue = %.4f", newtonEnd[0],
    (1 until 100).maxOf { abs(newtonEnd[it] - 1) }, newtonValue, sqrt(newtonGradient.sumOf { it * it }),
    rosenbrock100.hessianSpectrumAt(newtonEnd).smallest()))
val lbfgs100 = on100.single { name(it) == "lbfgs" }
println(String.format(Locale.ROOT, "lbfgs on rosenbrock(dim=100), evaluations per step: %.2f", lbfgs100.evaluations.toDouble() / lbfgs100.steps))

val legend = java.util.function.Function<RunResult, String> { name(it) }
println("figure: " + Figures.lossCurves(rosenbrock100, on100, "rosenbrock(dim=100)", legend).save(folder.resolve("quasi-newton-steps.svg")))
val reached = on100.map { run -> Series(name(run), run.hitEvaluations.filter { it >= 0 }.map { it.toDouble() }.toDoubleArray(),
    targets.filterIndexed { i, _ -> run.hitEvaluations[i] >= 0 }.toDoubleArray()) }
println("figure: " + Figures.lines("rosenbrock(dim=100)", Axis.log("evaluations (values + gradients + n Hessians)"),
    Axis.log("f - f* first reached"), reached).save(folder.resolve("quasi-newton-evaluations.svg")))
