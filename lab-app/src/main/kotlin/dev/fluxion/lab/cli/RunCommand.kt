package dev.fluxion.lab.cli

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.report.ConsoleTable
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.RunSpec
import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Option
import picocli.CommandLine.Spec
import java.util.concurrent.Callable

/** `fluxion run`: one optimizer on one landscape from one start; prints the outcome and a trace summary. */
@Command(name = "run", description = ["One run: prints the outcome and a summary of the trace."])
class RunCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Option(names = ["--optimizer", "-o"], required = true, description = ["optimizer spec, e.g. 'adam(lr=0.05)'"])
    lateinit var optimizer: String

    @Option(names = ["--landscape", "-l"], required = true, description = ["landscape spec, e.g. 'rosenbrock(dim=2)'"])
    lateinit var landscape: String

    @Option(names = ["--start"], paramLabel = "x1,x2,...", description = ["start (default: the landscape's)"])
    var start: String? = null

    @Option(names = ["--steps"], description = ["step budget (default: \${DEFAULT-VALUE})"])
    var steps = 2000L

    @Option(names = ["--noise"], description = ["gradient noise standard deviation (default: \${DEFAULT-VALUE})"])
    var noise = 0.0

    @Option(names = ["--seed"], description = ["seed (default: \${DEFAULT-VALUE})"])
    var seed = 0L

    override fun call(): Int {
        val engine = Engine(1, FluxionCommand.pluginsOf(spec).registries)
        val l = engine.landscape(landscape)
        val o = engine.optimizer(optimizer)
        val x0 = start?.let { parseVector(it, l.dimension()) } ?: l.facts().start()
        val run = RunSpec(optimizer, o.spec(), landscape, l.spec(), 0, x0.toList(), 0, seed,
            Budget(maxSteps = steps, gradientNoise = noise))
        val result = engine.run(run)
        val out = spec.commandLine().out
        out.println(result.summary())
        out.println("final point ${result.finalPoint}")
        val hits = result.spec.budget.targets.indices.filter { result.hit(it) }
        if (hits.isNotEmpty()) {
            out.println("targets: " + hits.joinToString(", ") { "${ConsoleTable.g(result.spec.budget.targets[it])} at step ${result.hitSteps[it]}" })
        }
        val t = result.trace
        val shown = (listOf(0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000).map { it.toLong() }
            .mapNotNull { k -> t.steps.indexOfFirst { it >= k }.takeIf { it >= 0 } } + (t.size - 1)).distinct().sorted()
        out.print(ConsoleTable.render(listOf("step", "f", "|grad f|", "|step|"), shown.map { i ->
            listOf(t.steps[i].toString(), ConsoleTable.e(t.loss[i]), ConsoleTable.e(t.gradientNorm[i]), ConsoleTable.e(t.stepLength[i]))
        }))
        out.flush()
        return 0
    }
}
