package dev.fluxion.lab.cli

import dev.fluxion.dsl.calculus.GradientCheck
import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Option
import picocli.CommandLine.Parameters
import picocli.CommandLine.Spec
import java.util.concurrent.Callable

/** `fluxion check LANDSCAPE`: the exact gradient of a landscape against Richardson differences at a point. */
@Command(name = "check", description = ["Gradient check of a landscape at its default start (or --at)."])
class CheckCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Parameters(index = "0", paramLabel = "LANDSCAPE")
    lateinit var landscape: String

    @Option(names = ["--at"], paramLabel = "x1,x2,...", description = ["the point (default: the landscape's start)"])
    var at: String? = null

    @Option(names = ["--tolerance"], description = ["the largest relative error that passes (default: \${DEFAULT-VALUE})"])
    var tolerance = 1e-6

    override fun call(): Int {
        val l = FluxionCommand.pluginsOf(spec).registries.landscapes.create(landscape)
        val x = at?.let { parseVector(it, l.dimension()) } ?: l.facts().start()
        val analytic = DoubleArray(l.dimension())
        l.objective().valueAndGradient(x, analytic)
        val check = GradientCheck.byRichardson({ p -> l.value(p) }, x, analytic)
        val out = spec.commandLine().out
        out.println("${l.spec()} at ${x.toList()}")
        out.println("relative error ${check.relativeError()} (worst component ${check.worstComponent()}): " +
            if (check.passes(tolerance)) "passes" else "FAILS at tolerance $tolerance")
        for (i in analytic.indices.take(10)) {
            out.println("  [$i] analytic ${analytic[i]}  numerical ${check.numerical()[i]}")
        }
        out.flush()
        return if (check.passes(tolerance)) 0 else 1
    }
}
