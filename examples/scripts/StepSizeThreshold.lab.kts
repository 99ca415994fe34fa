// Gradient descent's step-size threshold on a quadratic. On f(x, y) = (x^2 + 10 y^2) / 2 the Hessian is diag(1, 10),
// so the smoothness constant is L = 10 and a step x <- x - lr grad f multiplies each coordinate by (1 - lr lambda).
// Descent converges when |1 - lr lambda| < 1 for every eigenvalue lambda, that is lr < 2 / L = 0.2, and diverges
// above, where the steep coordinate y flips sign and grows each step. The script runs 200 steps of gd(lr) from (1, 1)
// for lr = 0.004, 0.008, ..., 0.3, prints the distance to the minimum, the last converging and first diverging rate,
// and draws step-size-threshold.svg: the distance after 200 steps against the learning rate.
//
// Run: fluxion script examples/scripts/StepSizeThreshold.lab.kts OUTPUT_FOLDER

val quadratic = Expr.parse("(x^2 + 10*y^2) / 2").compile("x", "y")
val smoothness = 10.0 // the largest eigenvalue of the Hessian
val rates = DoubleArray(75) { 0.004 * (it + 1) }
val distances = rates.map { lr ->
    doubleArrayOf(1.0, 1.0).also { gd(lr = lr).minimize(quadratic, it, 200) }.let { hypot(it[0], it[1]) }
}
// the start is at distance sqrt 2: a run that ends 100 times closer has converged, one that ends farther away has
// diverged; the rest stall: rates too small for 200 steps, and lr = 2 / L itself, where y flips sign forever
val verdicts = distances.map { if (it < sqrt(2.0) / 100) "converges" else if (it > sqrt(2.0)) "diverges" else "stalls" }
println("lr      |x - x*| after 200 steps  verdict")
for (k in rates.indices) if (k % 5 == 4 || abs(rates[k] - 2 / smoothness) < 0.0081) {
    println("%.3f   %.3e               %s".format(Locale.ROOT, rates[k], distances[k], verdicts[k]))
}
val lastConverging = rates[verdicts.lastIndexOf("converges")]
val firstDiverging = rates[verdicts.indexOf("diverges")]
println("last converging lr = %.3f, first diverging lr = %.3f".format(Locale.ROOT, lastConverging, firstDiverging))
println("threshold estimate = %.4f, 2 / L = %.4f".format(Locale.ROOT, (lastConverging + firstDiverging) / 2,
    2 / smoothness))
println("fastest lr in theory = 2 / (mu + L) = %.4f, contraction per step %.4f"
    .format(Locale.ROOT, 2 / (1 + smoothness), (smoothness - 1) / (smoothness + 1)))
val figure = Figures.lines("Distance after 200 steps against the learning rate", Axis.linear("learning rate"),
    Axis.log("|x - x*| after 200 steps"), listOf(Series("gd on (x^2 + 10 y^2) / 2", rates, distances.toDoubleArray())))
println("figure: ${figure.save(Path.of(args.firstOrNull() ?: ".", "step-size-threshold.svg"))}")
