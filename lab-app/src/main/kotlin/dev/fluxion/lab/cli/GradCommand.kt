package dev.fluxion.lab.cli

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Point
import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Option
import picocli.CommandLine.Parameters
import picocli.CommandLine.Spec
import java.util.concurrent.Callable

/** `fluxion grad FORMULA --at x=1,y=2`: the value and the gradient of a formula at a point. */
@Command(name = "grad", description = ["The value and gradient of a formula at a point, e.g. grad \"x^2*y + sin(x)\" --at x=1,y=2"])
class GradCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Parameters(index = "0", paramLabel = "FORMULA")
    lateinit var formula: String

    @Option(names = ["--at"], required = true, paramLabel = "x=1,y=2", description = ["the point"])
    lateinit var at: String

    override fun call(): Int {
        val f = Expr.parse(formula)
        val point = parsePoint(at)
        val variables = f.variables().toList()
        val gradient = f.gradientAt(point, variables)
        val out = spec.commandLine().out
        out.println("f = $f")
        out.println("f($point) = ${f.valueAt(point)}")
        variables.forEachIndexed { i, v -> out.println("df/d$v = ${gradient[i]}") }
        out.flush()
        return 0
    }
}
