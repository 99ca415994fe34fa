// Natural gradient against gradient descent on a Gaussian's parameters (mu, s = log sigma).
//
// gaussian-nll is the negative log-likelihood per sample of 100 samples with mean m and (biased) variance v,
// f(mu, s) = ((mu - m)^2 + v) / (2 e^(2s)) + s + log(2 pi) / 2, least at (m, log(v) / 2). Descent's mu step
// lr (mu - m) / sigma^2 is tiny while sigma is large; the natural gradient's, with the Fisher metric
// G = diag(1 / sigma^2, 2), is lr (mu - m): mu's error shrinks by 1 - lr per step. Each run goes until (mu, s) is
// within 1e-8 of the minimizer, closer than f's rounding tells (which would end a study's run at its finest target):
// so both are fixed-length runs of 1000 steps, cut where they first come within 1e-8.
//
// Run: fluxion script examples/scripts/NaturalGradientGaussian.lab.kts OUTPUT_FOLDER

val gaussian = landscape("gaussian-nll")
val (muStar, sStar) = gaussian.facts().globalMinimizers().single().toList()
val start = gaussian.facts().start()
println(String.format(Locale.ROOT, "%s: m = %.12f, v = %.12f, so (mu*, s*) = (%.12f, %.12f)", gaussian.spec(),
    muStar, exp(2 * sStar), muStar, sStar))
println(String.format(Locale.ROOT, "start (mu, s) = (%.6f, %.6f), sigma = %.4f; lr = 0.5 for both", start[0], start[1], exp(start[1])))
val results = compare {
    optimizers(natural(lr = 0.5), gd(lr = 0.5)); landscapes(gaussian); starts(default())
    steps(1000); fixedLength(); traces("every:1")
}.run()
/** The errors (mu_k - mu*, s_k - s*) of each run from the start until they are first within 1e-8 of 0. */
val runs = results.runs.map { run -> run.trace.positions.toList().chunked(2) { listOf(it[0] - muStar, it[1] - sStar) }
    .let { errors -> errors.take(errors.indexOfFirst { hypot(it[0], it[1]) < 1e-8 } + 1) } }
println("step  |mu - mu*| natural  |s - s*| natural  |mu - mu*| gd  |s - s*| gd")
for (k in listOf(0, 1, 2, 3, 5, 10, 20, 30, 50, 100, 150)) println(String.format(Locale.ROOT, "%-5d %-19s %-17s %-14s %s", k,
    *runs.flatMap { run -> run.getOrNull(k)?.map { "%.3e".format(Locale.ROOT, abs(it)) } ?: listOf("-", "-") }.toTypedArray()))
// mu's error ratio per step: exactly 1 - lr for the natural gradient; 1 - lr / sigma_k^2 for descent
val ratios = runs[0].zipWithNext().filter { abs(it.first[0]) > 1e-6 }.map { (a, b) -> b[0] / a[0] }
println(String.format(Locale.ROOT, "natural gradient's mu error ratio per step: min %.12f, max %.12f", ratios.min(), ratios.max()))
println(String.format(Locale.ROOT, "gd's first mu error ratio = %.9f", runs[1][1][0] / runs[1][0][0]))
println("steps to |(mu, s) - (mu*, s*)| < 1e-8: natural ${runs[0].size - 1}, gd ${runs[1].size - 1}")
val curves = runs.zip(listOf("natural gradient", "gradient descent")) { run, name -> Series(name,
    DoubleArray(run.size) { it.toDouble() }, DoubleArray(run.size) { max(hypot(run[it][0], run[it][1]), 1e-16) }) }
println("figure: " + Figures.lines("gaussian-nll, lr = 0.5", Axis.linear("step"), Axis.log("|(mu, s) - (mu*, s*)|"), curves)
    .save(Path.of(args[0], "natural-gradient-gaussian.svg")))
