// The Taylor approximation: the polynomial T_n(x) = sum_{k <= n} f^(k)(a) (x - a)^k / k! of exp and sin at a = 0,
// evaluated at x = 1, against the order n. Lagrange's remainder bounds the error by
// max |f^(n+1)| |x - a|^(n+1) / (n+1)!, which is e / (n+1)! for exp at 1 and 1 / (n+1)! for sin. The script prints
// the error and the bound for orders 0 to 16 (TaylorErrors), the first order reaching 1e-10, and draws
// taylor-approximation.svg: the error against the order.
//
// Run: fluxion script examples/scripts/TaylorApproximation.lab.kts OUTPUT_FOLDER

val exp = TaylorErrors.of(Expr.parse("exp(x)"), 0.0, 1.0, 16, E) // |exp^(n+1)| <= e on [0, 1]
val sin = TaylorErrors.of(Expr.parse("sin(x)"), 0.0, 1.0, 16, 1.0)
println("order  T_n exp(1)          error exp   bound e/(n+1)!  error sin   bound 1/(n+1)!")
for (n in 0..16) println("%-6d %.15f  %.3e   %.3e       %.3e   %.3e".format(Locale.ROOT, n, exp.values()[n],
    exp.errors()[n], exp.bounds()[n], sin.errors()[n], sin.bounds()[n]))
println("T_3 of exp at 0: ${TaylorPolynomial.of(Expr.parse("exp(x)"), 0.0, 3)}")
println("first order with exp error below 1e-10 = ${exp.firstOrderBelow(1e-10)}")
// the bound holds up to the rounding of the sum, about 1e-16 relative
println("every error within the Lagrange bound: ${exp.withinBounds(1e-15) && sin.withinBounds(1e-15)}")
val orders = DoubleArray(17) { it.toDouble() }
val figure = Figures.lines("Taylor polynomials' error at x = 1", Axis.linear("order n"), Axis.log("|T_n(1) - f(1)|"),
    listOf(Series("exp at x = 1", orders, exp.errors()), Series("sin at x = 1", orders, sin.errors())))
println("figure: ${figure.save(Path.of(args.firstOrNull() ?: ".", "taylor-approximation.svg"))}")
