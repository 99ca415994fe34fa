// Optimizers as values: built from the Kotlin factories, chained from building blocks, printed as specs that parse
// back to equal values, and compared on Rosenbrock's and Beale's functions.
//
// adam(lr = 0.02) is Adam with the paper's defaults but for the learning rate; named parameters change any
// hyperparameter, and a learning rate is a number or a schedule. Every named optimizer is a chain of building
// blocks, as in optax: adam is chain(scaleByAdam(...), scale(lr=...)), momentum is chain(scale(lr), trace(decay)),
// and chain(...) puts clipping or a schedule wherever it belongs. The script prints each optimizer's spec, checks
// that it parses back to an equal value, runs each for 3000 steps from the landscapes' standard starts, and writes
// composing-optimizers.svg: f - f* against the step on Rosenbrock's function.
//
// Run: fluxion script examples/scripts/ComposingOptimizers.lab.kts OUTPUT_FOLDER

import dev.fluxion.lab.report.LetsPlotFigures
import dev.fluxion.lab.report.Series

val folder = Path.of(args.firstOrNull() ?: ".")
val steps = 3000
val landscapes = listOf("rosenbrock(dim=2)", "beale").map { LandscapeRegistry.standard().create(it) }
val optimizers: Map<String, Optimizer> = linkedMapOf(
    "adam" to adam(lr = 0.02),
    "momentum" to momentum(lr = 1e-3, momentum = 0.9),
    "clipped nesterov" to chain(clip(norm = 1.0), nesterov(lr = cosine(init = 0.003, steps = 3000, final = 1e-4))),
    "adam's parts" to chain(scaleByAdam(beta2 = 0.99),
        scale(lr = warmup(steps = 100, then = cosine(init = 0.02, steps = 2900)))),
)

for ((name, optimizer) in optimizers) {
    println(String.format(Locale.ROOT, "%-17s %s", name, optimizer.spec()))
    val parsed = Optimizers.parse(optimizer.spec())
    println(String.format(Locale.ROOT, "%-17s parses back to an equal optimizer: %s", "", parsed == optimizer))
}

// a named optimizer is its chain of building blocks, step for step (adam's state is its chain's; a run takes the
// chain's three passes in one, with the same arithmetic)
fun bits(optimizer: Optimizer, landscape: Landscape): List<Long> {
    val x = landscape.facts().start()
    val run = optimizer.start(x.size)
    return (1..200).flatMap { run.step(landscape.objective(), x); x.map { it.toRawBits() } }
}
println("adam(lr = 0.02).chain() = ${adam(lr = 0.02).chain().spec()}")
val same = bits(adam(lr = 0.02), landscapes[0]) == bits(chain(scaleByAdam(), scale(lr = 0.02)), landscapes[0])
println("adam(lr = 0.02) and chain(scaleByAdam(), scale(lr = 0.02)) step the same bits: $same")

// a value out of range is refused with the spec's own message (less the column)
println("adam(beta1 = 1.5): " + runCatching { adam(beta1 = 1.5) }.exceptionOrNull()?.message)
println("adam(beta1=1.5):   " + runCatching { Optimizers.parse("adam(beta1=1.5)") }.exceptionOrNull()?.message)

/** f - f* after each of [steps] steps from the standard start. */
fun gaps(optimizer: Optimizer, landscape: Landscape): DoubleArray {
    val x = landscape.facts().start()
    val run = optimizer.start(x.size)
    return DoubleArray(steps) { run.step(landscape.objective(), x); landscape.valueGap(x) }
}
val first = landscapes[0].let { rosenbrock ->
    val x = rosenbrock.facts().start()
    adam(lr = 0.02).start(2).step(rosenbrock.objective(), x)
    x.zip(rosenbrock.facts().start().toList()) { after, before -> after - before }
}
println(String.format(Locale.ROOT, "adam's first step on rosenbrock(dim=2) from (-1.2, 1): (%.12f, %.12f)",
    first[0], first[1]))

println("landscape          optimizer          f - f* after $steps steps   steps to f - f* < 1e-6")
val curves = mutableListOf<Series>()
for (landscape in landscapes) {
    for ((name, optimizer) in optimizers) {
        val gap = gaps(optimizer, landscape)
        val reached = gap.indexOfFirst { it < 1e-6 }
        println(String.format(Locale.ROOT, "%-18s %-18s %-26.3e %s", landscape.spec(), name, gap.last(),
            if (reached < 0) "not reached" else "${reached + 1}"))
        if (landscape === landscapes[0]) {
            curves += Series(name, DoubleArray(steps) { it + 1.0 }, DoubleArray(steps) { max(gap[it], 1e-20) })
        }
    }
}

Files.createDirectories(folder)
val figure = folder.resolve("composing-optimizers.svg")
Files.writeString(figure, LetsPlotFigures.lines("rosenbrock(dim=2) from (-1.2, 1)", "step", "f - f*", curves,
    logX = false, logY = true).svg)
println("figure: $figure")
