// Trajectories on Beale's function from several starts: gradient descent, Nesterov momentum and Adam.
//
// f(x, y) = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2 has its minimum f = 0 at (3, 0.5), a
// saddle at (0, 1), a flat valley running off to x -> -infinity along y = 1, and walls that steepen like x y^3
// towards the corners. Each optimizer starts from six points and runs until f - f* <= 1e-14 (about 3e-7 from
// (3, 0.5) along the valley) or for 20,000 steps; the script prints where each run ends and the steps it took, fits
// gradient descent's rate per step near the minimum from its trace, and draws each optimizer's paths over the
// contours of f (Figures.trajectories), one figure per optimizer.
//
// Run: fluxion script examples/scripts/BealeTrajectories.lab.kts OUTPUT_FOLDER

val folder = Path.of(args.firstOrNull() ?: ".")
val engine = Engine(threads = 1, registries = registries)
val beale = engine.landscape("beale")
val minimizer = beale.facts().globalMinimizers().single()
val starts = listOf(1.0 to 1.0, 2.0 to -1.0, 0.5 to -1.5, 4.0 to 1.0, -2.0 to -2.0, -1.0 to 1.5)
val optimizers = listOf("gd(lr=0.01)", "nesterov(lr=0.005, momentum=0.9)", "adam(lr=0.05)")
val budget = Budget(maxSteps = 20_000, targets = listOf(1e-14))
val runs = optimizers.associateWith { spec ->
    starts.mapIndexed { i, (x, y) ->
        engine.run(RunSpec(spec, engine.optimizer(spec).spec(), "beale", beale.spec(), i, listOf(x, y), 0, 0, budget))
    }
}

println("optimizer                         start         end                         f(end)     steps to 1e-14")
for ((spec, results) in runs) for ((start, r) in starts.zip(results)) {
    println(String.format(Locale.ROOT, "%-33s (%4.1f, %4.1f)  (%11.6f, %11.6f)  %.3e  %s", spec, start.first, start.second,
        r.finalPoint[0], r.finalPoint[1], r.finalValue, if (r.outcome is Outcome.ReachedTarget) "${r.steps}" else "not reached"))
}
for ((spec, results) in runs) println("reached (3, 0.5): $spec ${results.count { it.outcome is Outcome.ReachedTarget }} of ${starts.size}")

// Near the minimum f is a quadratic with Hessian H, and descent multiplies the error along H's flattest
// eigenvector by 1 - lr * lambda_min per step. Fit that rate over the kept steps from distance 1e-3 to the end.
val trace = runs.getValue(optimizers[0])[0].trace
val d = List(trace.size) { hypot(trace.positions[2 * it] - minimizer[0], trace.positions[2 * it + 1] - minimizer[1]) }
val near = d.indexOfFirst { it < 1e-3 }
val end = trace.size - 1
println(String.format(Locale.ROOT, "gd from (1, 1): rate per step near the minimum = %.6f (steps %d to %d)",
    exp(ln(d[end] / d[near]) / (trace.steps[end] - trace.steps[near])), trace.steps[near], trace.steps[end]))

for ((spec, results) in runs) {
    val figure = Figures.trajectories(beale, results, "beale: $spec", legend = { "from (${it.spec.start[0]}, ${it.spec.start[1]})" })
    println("figure: ${figure.save(folder.resolve("beale-${spec.substringBefore('(')}.svg"))}")
}
