// An optimizer written in the script itself takes part in a stored study, next to Adam, with no jar.
//
// SignDescent moves every coordinate against the sign of its gradient component, by a step that shrinks as
// step / sqrt(t + 1) (sign descent; Bernstein et al., "signSGD", ICML 2018). It is a class over the optimizers'
// contract, a Transform whose state rewrites the direction in place, so the study names it
// signDescent(step=0.05)#HASH: its spec and a hash of its compiled code. The study is stored in
// OUTPUT_FOLDER/script-optimizer.sqlite, its report beside it. Running the script again computes nothing; changing SignDescent's code and
// running it again computes its runs again and keeps Adam's, since the hash and so the runs' keys have changed.
//
// Run: fluxion script examples/scripts/ScriptOptimizer.lab.kts OUTPUT_FOLDER

class SignDescent(private val step: Double) : Transform {
    override fun init(dimension: Int): TransformState = object : TransformState() {
        override fun update(direction: DoubleArray, context: StepContext) {
            val lr = step / sqrt(context.step() + 1.0)
            for (i in direction.indices) direction[i] = -lr * sign(direction[i])
        }
    }

    override fun spec() = "signDescent(step=$step)"
}

val folder = Path.of(args.firstOrNull() ?: ".")
val results = compare {
    optimizers(SignDescent(step = 0.05), adam(lr = 0.05))
    landscapes(beale())
    starts(default() + random(8))
    steps(2000)
    name("script-optimizer")
    store(folder.resolve("script-optimizer.sqlite"))
}.run { event -> if (event is Progress.Planned) println("${event.total} runs, ${event.stored} stored, ${event.total - event.stored} to compute") }
print(results.table)
println("report: " + results.report(folder).joinToString(", ") { it.fileName.toString() })
