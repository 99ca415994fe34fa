// Stochastic gradients: the final gap of constant-step SGD against the batch size and against gradient noise.
//
// With a constant learning rate eta, gradient descent on noisy gradients g = grad f + xi (mean-zero noise of
// covariance S) does not converge: near the minimizer, where f - f* = (x - x*)' H (x - x*) / 2, the iterates settle
// into a stationary spread whose covariance P solves H P + P H - eta H P H = eta S. Taking the trace,
// E[f - f*] = tr(H P) / 2 = eta tr(S) / 4 to first order in eta: a noise floor proportional to the learning rate
// and to the noise's variance. Two sources of noise:
//   - the lab's gradient noise (Budget.gradientNoise = sigma): S = sigma^2 I, so the floor is eta d sigma^2 / 4,
//     a slope of 2 against sigma on log-log axes;
//   - minibatches drawn with replacement (batch=B, sampling=replacement): S = C / B, with C the per-example
//     gradients' covariance at x*, so the floor is eta tr(C) / (4 B): a slope of -1 against B.
// Shuffled batches (sampling=shuffle, each epoch a permutation) are not independent draws: within an epoch their
// errors cancel (the epoch's mean is the full gradient), so their floor is lower and falls faster with B.
// The script runs gd (plain SGD on minibatches) on logistic regression over batch sizes 1, 4, 16, 64 and the full
// 256, both samplings, and over four noise levels with the full batch; each floor is the mean final gap of 32 seeded
// runs. It prints the tables with the predictions, the fitted log-log slopes, and writes stochastic-gradients.svg.
//
// Run: fluxion script examples/scripts/StochasticGradients.lab.kts OUTPUT_FOLDER

import dev.fluxion.lab.report.LetsPlotFigures
import dev.fluxion.lab.report.Series

val folder = Path.of(args.firstOrNull() ?: ".")
val data = "logistic-regression(samples=256, features=5, l2=0.01, seed=0"
val learningRate = 0.1
val steps = 1000L
val seeds = 32
val engine = Engine()
val logistic = LandscapeRegistry.standard().create("$data)")
val n = logistic.data().get().size()
val d = logistic.dimension()

/** The mean final gap f(x_T) - f* (on the full objective) of [seeds] runs of gd on [spec] with gradient noise [noise]. */
fun floor(spec: String, noise: Double): Double {
    val study = CompareStudy(listOf("gd(lr=$learningRate)"), listOf(spec), seeds = seeds,
        budget = Budget(maxSteps = steps, targets = listOf(1e-300), gradientNoise = noise), traces = TracePolicy.NONE)
    val results = mutableListOf<RunResult>()
    engine.forEachResult(study.runs(engine)) { synchronized(results) { results += it } }
    // summed in seed order, whatever order the threads finished in
    return results.sortedBy { it.spec.seedIndex }.sumOf { it.finalGap } / seeds
}

/** The least-squares slope of log y against log x. */
fun slope(x: List<Double>, y: List<Double>): Double {
    val lx = x.map { ln(it) }
    val ly = y.map { ln(it) }
    val mx = lx.average()
    val my = ly.average()
    return lx.indices.sumOf { (lx[it] - mx) * (ly[it] - my) } / lx.indices.sumOf { (lx[it] - mx) * (lx[it] - mx) }
}

// tr(C) at the minimizer: the per-example gradients of log(1 + exp(-y x.w)) are -y sigmoid(-y x.w) x
val optimum = logistic.facts().globalMinimizers().single()
val inputs = logistic.data().get().inputs()
val labels = logistic.data().get().targets()
val perExample = List(n) { i ->
    val margin = labels[i] * inputs[i].indices.sumOf { inputs[i][it] * optimum[it] }
    DoubleArray(d) { -labels[i] / (1 + exp(margin)) * inputs[i][it] }
}
val meanGradient = DoubleArray(d) { j -> perExample.sumOf { it[j] } / n }
val traceC = perExample.sumOf { g -> g.indices.sumOf { (g[it] - meanGradient[it]).pow(2) } } / n
println(String.format(Locale.ROOT, "%s: N = %d, d = %d, eta = %s, %d steps, %d seeds; tr(C) = %.6f",
    logistic.spec(), n, d, learningRate, steps, seeds, traceC))

println("batch  with replacement  eta tr(C) / (4 B)  shuffled")
val batches = listOf(1, 4, 16, 64)
val batchFloors = batches.map { floor("$data, batch=$it, sampling=replacement)", 0.0) }
val shuffledFloors = batches.map { floor("$data, batch=$it, sampling=shuffle)", 0.0) }
for (i in batches.indices) {
    println(String.format(Locale.ROOT, "%-6d %.4e        %.4e         %.4e", batches[i], batchFloors[i],
        learningRate * traceC / (4.0 * batches[i]), shuffledFloors[i]))
}
val fullBatch = floor("$data)", 0.0)
println(String.format(Locale.ROOT, "full   %.4e        0", fullBatch))

println("noise  mean final gap  eta d sigma^2 / 4")
val noises = listOf(0.01, 0.03, 0.1, 0.3)
val noiseFloors = noises.map { floor("$data)", it) }
for ((sigma, gap) in noises.zip(noiseFloors)) {
    println(String.format(Locale.ROOT, "%-6s %.4e      %.4e", sigma, gap, learningRate * d * sigma * sigma / 4))
}
println(String.format(Locale.ROOT, "slope of the floor against the batch size = %.3f (predicted -1)",
    slope(batches.map { it.toDouble() }, batchFloors)))
println(String.format(Locale.ROOT, "slope of the shuffled floor against the batch size = %.3f",
    slope(batches.map { it.toDouble() }, shuffledFloors)))
println(String.format(Locale.ROOT, "slope of the floor against the noise level = %.3f (predicted 2)",
    slope(noises, noiseFloors)))

Files.createDirectories(folder)
val figure = folder.resolve("stochastic-gradients.svg")
Files.writeString(figure, LetsPlotFigures.lines("gd(lr = $learningRate) on logistic regression: final gap", "batch size B",
    "mean f - f* after $steps steps", listOf(
        Series("with replacement", batches.map { it.toDouble() }.toDoubleArray(), batchFloors.toDoubleArray()),
        Series("shuffled", batches.map { it.toDouble() }.toDoubleArray(), shuffledFloors.toDoubleArray()),
        Series("eta tr(C) / (4 B)", batches.map { it.toDouble() }.toDoubleArray(),
            batches.map { learningRate * traceC / (4.0 * it) }.toDoubleArray())),
    logX = true, logY = true).svg)
println("figure: $figure")
