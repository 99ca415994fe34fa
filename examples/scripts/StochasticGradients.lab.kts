// Stochastic gradients: the final gap of constant-step SGD against the batch size and against gradient noise.
//
// With a constant step eta and gradients of noise covariance S, gradient descent settles near x* with
// E[f - f*] = eta tr(S) / 4 to first order in eta. The lab's gradient noise sigma has S = sigma^2 I (slope 2 against
// sigma on log-log axes); minibatches of B drawn with replacement have S = C / B, C the per-example gradients'
// covariance at x* (slope -1 against B); shuffled batches' errors cancel within an epoch. Each floor is the mean final
// gap of 32 seeded runs of gd on logistic regression (a compare study), printed beside its prediction; the script
// fits the log-log slopes and writes stochastic-gradients.svg.
//
// Run: fluxion script examples/scripts/StochasticGradients.lab.kts OUTPUT_FOLDER

val data = "logistic-regression(samples=256, features=5, l2=0.01, seed=0"
val learningRate = 0.1
val logistic = landscape("$data)")

/** The mean final gap f(x_T) - f* (on the full objective) of 32 seeded runs of gd on [spec] with gradient noise [noise]. */
fun floor(spec: String, noise: Double = 0.0) = compare {
    optimizers(gd(lr = learningRate)); landscapes(spec); starts(default()); seeds(32); steps(1000); noise(noise)
    targets(1e-300); traces("none"); threads(2)
}.run().runs.sumOf { it.finalGap } / 32 // in seed order
/** The least-squares slope of log y against log x. */
fun slope(x: List<Double>, y: List<Double>): Double {
    val (lx, ly) = x.map { ln(it) } to y.map { ln(it) }
    return lx.indices.sumOf { (lx[it] - lx.average()) * (ly[it] - ly.average()) } / lx.sumOf { (it - lx.average()).pow(2) }
}
// tr(C) at the minimizer w: the per-example gradients of log(1 + exp(-y x.w)) are -y sigmoid(-y x.w) x
val w = logistic.facts().globalMinimizers().single()
val (inputs, labels) = logistic.data().get().let { it.inputs() to it.targets() }
val gradients = inputs.indices.map { i ->
    val margin = labels[i] * inputs[i].indices.sumOf { inputs[i][it] * w[it] }
    DoubleArray(w.size) { -labels[i] / (1 + exp(margin)) * inputs[i][it] }
}
val mean = DoubleArray(w.size) { j -> gradients.sumOf { it[j] } / gradients.size }
val traceC = gradients.sumOf { g -> g.indices.sumOf { (g[it] - mean[it]).pow(2) } } / gradients.size
println(String.format(Locale.ROOT, "%s: N = %d, d = %d, eta = %s, 1000 steps, 32 seeds; tr(C) = %.6f",
    logistic.spec(), gradients.size, w.size, learningRate, traceC))

println("batch  with replacement  eta tr(C) / (4 B)  shuffled")
val batches = listOf(1.0, 4.0, 16.0, 64.0)
val (replaced, shuffled) = listOf("replacement", "shuffle")
    .map { sampling -> batches.map { floor("$data, batch=${it.toInt()}, sampling=$sampling)") } }
for ((i, b) in batches.withIndex()) println(String.format(Locale.ROOT, "%-6d %.4e        %.4e         %.4e", b.toInt(),
    replaced[i], learningRate * traceC / (4 * b), shuffled[i]))
println(String.format(Locale.ROOT, "full   %.4e        0", floor("$data)")))
println("noise  mean final gap  eta d sigma^2 / 4")
val noises = listOf(0.01, 0.03, 0.1, 0.3)
val noiseFloors = noises.map { floor("$data)", it) }
for ((sigma, gap) in noises.zip(noiseFloors)) println(String.format(Locale.ROOT, "%-6s %.4e      %.4e", sigma, gap,
    learningRate * w.size * sigma * sigma / 4))
println(String.format(Locale.ROOT, "slope of the floor against the batch size = %.3f (predicted -1)", slope(batches, replaced)))
println(String.format(Locale.ROOT, "slope of the shuffled floor against the batch size = %.3f", slope(batches, shuffled)))
println(String.format(Locale.ROOT, "slope of the floor against the noise level = %.3f (predicted 2)", slope(noises, noiseFloors)))
// the floors against B on log-log axes (a series plot of this script's own)
fun series(name: String, floors: List<Double>) = dev.fluxion.lab.report.Series(name, batches.toDoubleArray(), floors.toDoubleArray())
val figure = dev.fluxion.lab.report.LetsPlotFigures.lines("gd(lr = $learningRate) on logistic regression: final gap",
    "batch size B", "mean f - f* after 1000 steps", listOf(series("with replacement", replaced), series("shuffled", shuffled),
        series("eta tr(C) / (4 B)", batches.map { learningRate * traceC / (4 * it) })), logX = true, logY = true)
println("figure: ${figure.save(Path.of(args[0], "stochastic-gradients.svg"))}")
