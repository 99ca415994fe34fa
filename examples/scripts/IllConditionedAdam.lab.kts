// Gradient descent against Adam on the ill-conditioned quadratic f(x, y) = (x^2 + 100 y^2) / 2 (kappa = 100), from
// (1, 1), for 1000 steps at lr = 0.01 = 1 / L. Descent must keep lr below 2 / L for the steep y, and then crawls along
// the flat x at 1 - lr per step; Adam divides each coordinate's step by the root mean square of its own gradient, so
// both coordinates move about lr per step whatever their curvature.
//
// Run: fluxion script examples/scripts/IllConditionedAdam.lab.kts OUTPUT_FOLDER. Prints both runs' distances to the
// minimum every 100 steps (from their traces) and the steps each needs to come within 1e-2 of it, and writes
// ill-conditioned-adam.svg, their loss curves.

val quadratic = landscape(Expr.parse("(x^2 + 100*y^2) / 2"), minimum = 0.0)
// fixed-length runs: Adam's would stall at step 688, its steps below 1e-14 (the lab's rule); so both go 1000 steps
val runs = compare {
    optimizers(gd(lr = 0.01), adam(lr = 0.01)); landscapes(quadratic); starts(point(1.0, 1.0))
    steps(1000); fixedLength(); traces("every:1")
}.run().runs
fun distance(run: RunResult, k: Int) = run.trace.positions.let { hypot(it[2 * k], it[2 * k + 1]) }

println("step   |x - x*| gd   |x - x*| adam")
for (k in 0..1000 step 100) println(String.format(Locale.ROOT, "%-6d %.3e     %.3e", k, distance(runs[0], k), distance(runs[1], k)))
val reached = runs.map { run -> (0 until run.trace.size).first { distance(run, it) < 1e-2 } }
println("steps to |x - x*| < 1e-2: gd ${reached[0]}, adam ${reached[1]}")
println(String.format(Locale.ROOT, "gd's rate per step along x: 1 - lr = %.4f", 1 - 0.01))
val figure = Figures.lossCurves(quadratic, runs, "(x^2 + 100 y^2) / 2 from (1, 1): f - f* against step")
println("figure: ${figure.save(Path.of(args[0], "ill-conditioned-adam.svg"))}")
