package dev.fluxion.lab.cli

import dev.fluxion.dsl.calculus.GradientCheck
import dev.fluxion.dsl.expr.Expr
import dev.fluxion.dsl.expr.Point
import dev.fluxion.lab.LabException
import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Option
import picocli.CommandLine.Parameters
import picocli.CommandLine.Spec
import java.util.concurrent.Callable

/** Parses `x=1,y=2` into a point, naming the malformed part. */
internal fun parsePoint(text: String): Point {
    val coordinates = LinkedHashMap<String, Double>()
    for (part in text.split(',').map { it.trim() }.filter { it.isNotEmpty() }) {
        val name = part.substringBefore('=', "").trim()
        val value = part.substringAfter('=', "").trim().toDoubleOrNull()
        if (name.isEmpty() || value == null) {
            throw LabException("--at '$text': '$part' is not name=number (write like x=1,y=2)")
        }
        if (!value.isFinite()) throw LabException("--at '$text': '$part' is not a finite number")
        if (name in coordinates) throw LabException("--at '$text': $name is given twice")
        coordinates[name] = value
    }
    return Point.of(coordinates)
}

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

/** Parses `1,2.5` into a vector of the given dimension. */
internal fun parseVector(text: String, dimension: Int): DoubleArray {
    val values = text.split(',').map { part ->
        val value = part.trim().toDoubleOrNull() ?: throw LabException("'$text': '${part.trim()}' is not a number")
        if (!value.isFinite()) throw LabException("'$text': '${part.trim()}' is not a finite number")
        value
    }
    if (values.size != dimension) {
        throw LabException("'$text' has ${values.size} coordinates, the landscape has $dimension")
    }
    return values.toDoubleArray()
}
