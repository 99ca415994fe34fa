// A landscape written in the script itself, as an Objective (its value and gradient are the script's code, not an
// expression), takes part in a stored study next to Beale's function, with no jar.
//
// HuberValley is f(x, y) = h(x - 1) + 10 h(y + 2), Huber's loss h(r) = r^2 / 2 for |r| <= 1 and |r| - 1/2 beyond:
// quadratic near its minimum f* = 0 at (1, -2), linear far from it, a function given by cases. Its gradient is
// (c(x - 1), 10 c(y + 2)) with c(r) = max(-1, min(1, r)). The study names it huberValley(lower=-5.0, ...)#HASH: its
// facts and a hash of its compiled code. It is stored in OUTPUT_FOLDER/script-objective.sqlite, its report beside it.
// Running the script again computes nothing; changing HuberValley's code and running it again computes the runs on
// it again and keeps Beale's, since the hash and so the runs' keys have changed.
//
// Run: fluxion script examples/scripts/ScriptObjective.lab.kts OUTPUT_FOLDER

class HuberValley : Objective {
    private fun huber(r: Double) = if (abs(r) <= 1) r * r / 2 else abs(r) - 0.5

    override fun dimension() = 2
    override fun value(x: DoubleArray) = huber(x[0] - 1) + 10 * huber(x[1] + 2)
    override fun valueAndGradient(x: DoubleArray, gradient: DoubleArray): Double {
        gradient[0] = (x[0] - 1).coerceIn(-1.0, 1.0)
        gradient[1] = 10 * (x[1] + 2).coerceIn(-1.0, 1.0)
        return value(x)
    }
}

val folder = Path.of(args.firstOrNull() ?: ".")
val valley = landscape("huberValley", HuberValley(), minimizers = listOf(doubleArrayOf(1.0, -2.0)))
val results = compare {
    optimizers(adam(lr = 0.05), gd(lr = 0.05))
    landscapes(beale(), valley)
    starts(default() + random(4))
    steps(2000)
    name("script-objective")
    store(folder.resolve("script-objective.sqlite"))
}.run { event -> if (event is Progress.Planned) println("${event.total} runs, ${event.stored} stored, ${event.total - event.stored} to compute") }
print(results.table)
val onValley = results.runs.filter { it.spec.landscapeSpec == valley.spec() }
val gdFromDefault = onValley.single { it.spec.optimizerLabel.startsWith("gd") && it.spec.startIndex == 0 }
println("gd from the default start reaches f - f* <= 1e-8 on huberValley at step ${gdFromDefault.hitSteps.last()}")
println("figure: " + Figures.trajectories(valley, onValley).save(folder.resolve("script-objective-trajectories.svg")))
println("report: " + results.report(folder).joinToString(", ") { it.fileName.toString() })
