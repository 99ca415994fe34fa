// Natural gradient against gradient descent on a Gaussian's parameters (mu, s = log sigma).
//
// The landscape gaussian-nll is the negative log-likelihood per sample of N = 100 samples,
// f(mu, s) = ((mu - m)^2 + v) / (2 e^(2s)) + s + log(2 pi) / 2, with m the samples' mean and v their (biased)
// variance, so the minimum is at mu* = m, s* = log(v) / 2. Its gradient is
//   df/dmu = (mu - m) / sigma^2,    df/ds = 1 - ((mu - m)^2 + v) / sigma^2,
// and its Fisher metric is G = diag(1 / sigma^2, 2). Descent's step in mu is lr (mu - m) / sigma^2: tiny while
// sigma is large. The natural gradient G^-1 grad f = (mu - m, (1 - ((mu - m)^2 + v) / sigma^2) / 2) measures the
// step in the distribution's own units, so its mu error shrinks by exactly 1 - lr per step, whatever sigma is.
//
// Run: fluxion script examples/scripts/NaturalGradientGaussian.lab.kts OUTPUT_FOLDER

import dev.fluxion.lab.report.LetsPlotFigures
import dev.fluxion.lab.report.Series

val folder = Path.of(args.firstOrNull() ?: ".")
val gaussian = LandscapeRegistry.standard().create("gaussian-nll")
val (muStar, sStar) = gaussian.facts().globalMinimizers().single().toList()
val start = gaussian.facts().start()
val learningRate = 0.5
val tolerance = 1e-8
println(String.format(Locale.ROOT, "%s: m = %.12f, v = %.12f, so (mu*, s*) = (%.12f, %.12f)", gaussian.spec(),
    muStar, exp(2 * sStar), muStar, sStar))
println(String.format(Locale.ROOT, "start (mu, s) = (%.6f, %.6f), sigma = %.4f; lr = %s for both",
    start[0], start[1], exp(start[1]), learningRate))

/** The points (mu_k, s_k) of a run until it is within [tolerance] of the minimizer, or after 2000 steps. */
fun descend(spec: String): List<DoubleArray> {
    val run = Optimizers.parse(spec).start(2)
    val x = start.clone()
    val points = mutableListOf(x.clone())
    while (hypot(x[0] - muStar, x[1] - sStar) >= tolerance && points.size <= 2000) {
        run.step(gaussian.objective(), x)
        points += x.clone()
    }
    return points
}

val natural = descend("natural(lr=$learningRate)")
val gd = descend("gd(lr=$learningRate)")
fun distance(p: DoubleArray) = hypot(p[0] - muStar, p[1] - sStar)

println("step  |mu - mu*| natural  |s - s*| natural  |mu - mu*| gd  |s - s*| gd")
for (k in listOf(0, 1, 2, 3, 5, 10, 20, 30, 50, 100, 150)) {
    fun cell(run: List<DoubleArray>, i: Int) =
        if (k < run.size) String.format(Locale.ROOT, "%.3e", abs(run[k][i] - (if (i == 0) muStar else sStar))) else "-"
    println(String.format(Locale.ROOT, "%-5d %-19s %-17s %-14s %s", k, cell(natural, 0), cell(natural, 1), cell(gd, 0), cell(gd, 1)))
}
// mu's error ratio per step: exactly 1 - lr for the natural gradient; 1 - lr / sigma_k^2 for descent
val ratios = (1 until natural.size).filter { abs(natural[it - 1][0] - muStar) > 1e-6 }
    .map { (natural[it][0] - muStar) / (natural[it - 1][0] - muStar) }
println(String.format(Locale.ROOT, "natural gradient's mu error ratio per step: min %.12f, max %.12f", ratios.min(), ratios.max()))
println(String.format(Locale.ROOT, "gd's first mu error ratio = %.9f", (gd[1][0] - muStar) / (gd[0][0] - muStar)))
println("steps to |(mu, s) - (mu*, s*)| < 1e-8: natural ${natural.size - 1}, gd ${gd.size - 1}")

Files.createDirectories(folder)
val figure = folder.resolve("natural-gradient-gaussian.svg")
fun series(name: String, run: List<DoubleArray>) =
    Series(name, DoubleArray(run.size) { it.toDouble() }, DoubleArray(run.size) { max(distance(run[it]), 1e-16) })
Files.writeString(figure, LetsPlotFigures.lines("Gaussian NLL in (mu, log sigma), lr = $learningRate", "step",
    "|(mu, s) - (mu*, s*)|", listOf(series("natural gradient", natural), series("gradient descent", gd)),
    logX = false, logY = true).svg)
println("figure: $figure")
