// Critical points: where f'(x) = 0, classified by the second-derivative test (and higher ones when f'' = 0).
// f(x) = x^4 - 4x^2 has f' = 4x(x^2 - 2): minima at -sqrt 2 and sqrt 2 (value -4) and a maximum at 0.
// g(x) = x^3 - 3x has g' = 3(x^2 - 1): a maximum at -1 (value 2) and a minimum at 1 (value -2).
// h(x) = x^3 has h'(0) = h''(0) = 0 and h'''(0) = 6: an inflection, neither minimum nor maximum.
// The script prints each point with its value, class and the test that decided, the global extrema on [-2.5, 2.5],
// and draws critical-points.svg (the first two functions, their critical points marked).
//
// Run: fluxion script examples/scripts/CriticalPointsDemo.lab.kts OUTPUT_FOLDER

val formulas = listOf("x^4 - 4*x^2", "x^3 - 3*x", "x^3")
val found = formulas.map { CriticalPoints.find(Expr.parse(it), -2.5, 2.5) }
for ((formula, critical) in formulas.zip(found)) {
    println("f(x) = $formula on [-2.5, 2.5]:")
    for (p in critical.points()) {
        println("  x = %+.12f  f = %+.12f  %s (by %s)"
            .format(Locale.ROOT, p.location(), p.value(), p.classification(), p.decidedBy()))
    }
    println("  global minimum %.6f at %s, global maximum %.6f at %s".format(Locale.ROOT, critical.minimum().value(),
        critical.minimum().locations(), critical.maximum().value(), critical.maximum().locations()))
}
val grid = DoubleArray(101) { -2.5 + 5.0 * it / 100 }
val curves = formulas.take(2).map { f ->
    Series(f, grid, DoubleArray(grid.size) { Expr.parse(f).valueAt(Point.of("x", grid[it])) })
}
val marked = found.take(2).flatMap { it.points() }
val points = Series("critical points", DoubleArray(marked.size) { marked[it].location() },
    DoubleArray(marked.size) { marked[it].value() }, dots = true, line = false)
val figure = Figures.lines("Critical points", Axis.linear("x"), Axis.linear("f(x)"), curves + points)
println("figure: ${figure.save(Path.of(args.firstOrNull() ?: ".", "critical-points.svg"))}")
