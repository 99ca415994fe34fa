// Optimizers as values: built from the Kotlin factories, chained from building blocks, printed as specs that parse
// back to equal values, and compared on Rosenbrock's and Beale's functions.
//
// adam(lr = 0.02) is Adam with the paper's defaults but for the learning rate; named parameters change any
// hyperparameter, and a learning rate is a number or a schedule. Every named optimizer is a chain of building
// blocks, as in optax: adam is chain(scaleByAdam(...), scale(lr=...)), and chain(...) puts clipping or a schedule
// wherever it belongs. The script prints each optimizer's spec and checks that it parses back to an equal value,
// compares them for 3000 steps from the landscapes' standard starts (a compare study), and writes
// composing-optimizers.svg: their loss curves on Rosenbrock's function.
//
// Run: fluxion script examples/scripts/ComposingOptimizers.lab.kts OUTPUT_FOLDER

val optimizers: Map<String, Optimizer> = linkedMapOf(
    "adam" to adam(lr = 0.02),
    "momentum" to momentum(lr = 1e-3, momentum = 0.9),
    "clipped nesterov" to chain(clip(norm = 1.0), nesterov(lr = cosine(init = 0.003, steps = 3000, final = 1e-4))),
    "adam's parts" to chain(scaleByAdam(beta2 = 0.99), scale(lr = warmup(steps = 100, then = cosine(init = 0.02, steps = 2900)))),
)
for ((name, optimizer) in optimizers) {
    println(String.format(Locale.ROOT, "%-17s %s", name, optimizer.spec()))
    println(String.format(Locale.ROOT, "%-17s parses back to an equal optimizer: %s", "",
        Optimizers.parse(optimizer.spec()) == optimizer))
}
// a named optimizer is its chain of building blocks, step for step: the same points, bit for bit, in a study's traces
val twins = compare {
    optimizers(adam(lr = 0.02), chain(scaleByAdam(), scale(lr = 0.02))); landscapes(rosenbrock()); starts(default())
    steps(200); traces("every:1"); threads(1)
}.run().runs.map { it.trace.positions }
println("adam(lr = 0.02).chain() = ${adam(lr = 0.02).chain().spec()}")
println("adam(lr = 0.02) and chain(scaleByAdam(), scale(lr = 0.02)) step the same bits: ${twins[0].contentEquals(twins[1])}")
println(String.format(Locale.ROOT, "adam's first step on rosenbrock(dim=2) from (-1.2, 1): (%.12f, %.12f)",
    twins[0][2] - twins[0][0], twins[0][3] - twins[0][1]))
// a value out of range is refused with the spec's own message (less the column)
println("adam(beta1 = 1.5): " + runCatching { adam(beta1 = 1.5) }.exceptionOrNull()?.message)
println("adam(beta1=1.5):   " + runCatching { Optimizers.parse("adam(beta1=1.5)") }.exceptionOrNull()?.message)

val runs = compare {
    optimizers(*optimizers.values.toTypedArray()); landscapes(rosenbrock(), beale()); starts(default())
    steps(3000); targets(1e-6, 1e-300); threads(1) // the finest target lets every run go 3000 steps
}.run().runs
val names = optimizers.entries.associate { (name, optimizer) -> optimizer.spec() to name }
println("landscape          optimizer          f - f* at the end   steps to f - f* <= 1e-6")
for (run in runs) println(String.format(Locale.ROOT, "%-18s %-18s %-19.3e %s", run.spec.landscapeLabel,
    names[run.spec.optimizerLabel], run.finalGap, if (run.hit(0)) "${run.hitSteps[0]}" else "not reached"))
val figure = Figures.lossCurves(rosenbrock(), runs.filter { it.spec.landscapeLabel == "rosenbrock(dim=2)" },
    legend = { names.getValue(it.spec.optimizerLabel) })
println("figure: ${figure.save(Path.of(args[0], "composing-optimizers.svg"))}")
