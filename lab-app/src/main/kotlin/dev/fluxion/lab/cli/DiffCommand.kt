package dev.fluxion.lab.cli

import dev.fluxion.dsl.expr.Expr
import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Option
import picocli.CommandLine.Parameters
import picocli.CommandLine.Spec
import java.util.concurrent.Callable

/** `fluxion diff FORMULA --by x`: the simplified symbolic derivative. */
@Command(name = "diff", description = ["The simplified derivative of a formula, e.g. diff \"x^3\" --by x"])
class DiffCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Parameters(index = "0", paramLabel = "FORMULA")
    lateinit var formula: String

    @Option(names = ["--by"], required = true, paramLabel = "VARIABLE", description = ["the variable"])
    lateinit var by: String

    @Option(names = ["--latex"], description = ["print LaTeX instead of text"])
    var latex = false

    override fun call(): Int {
        val derivative = Expr.parse(formula).derivative(by)
        spec.commandLine().out.println(if (latex) derivative.toLatex() else derivative.toString())
        spec.commandLine().out.flush()
        return 0
    }
}
