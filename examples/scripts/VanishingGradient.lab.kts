// Activation functions, their derivatives, and the vanishing gradient through a deep chain.
//
// The sigmoid's derivative s(1 - s) is at most 1/4 (at 0), so the gradient of a chain a_k = sigmoid(a_{k-1}) is a
// product of factors at most 1/4 and shrinks at least as fast as 0.25^depth. The tanh's derivative 1 - tanh^2
// reaches 1 at 0, and the chain's values drift to 0, so its gradient decays far more slowly. The script prints each
// activation's largest derivative, the gradient d a_depth / d a_0 for depths 1 to 30 and its ratio per layer, and
// draws activation-derivatives.svg and vanishing-gradient.svg (the gradient against depth, on a log axis).
//
// Run: fluxion script examples/scripts/VanishingGradient.lab.kts OUTPUT_FOLDER

val folder = Path.of(args.firstOrNull() ?: ".")
val grid = DoubleArray(200) { -5 + 10.0 * (it + 0.5) / 200 } // an even count: the grid steps over the kinks at 0
val derivatives = listOf("sigmoid", "tanh", "softplus", "gelu").map { activation ->
    val derivative = Expr.parse("$activation(x)").derivative("x")
    Series(activation, grid, DoubleArray(grid.size) { derivative.valueAt(Point.of("x", grid[it])) })
}
for (d in derivatives) println("largest derivative of %s on [-5, 5] = %.4f".format(Locale.ROOT, d.name, d.y.max()))

/** d a_k / d a_0 at a_0 = 0.5 for the chain a_k = activation(a_{k-1}), k = 1..30, by the dsl's tape. */
fun chainGradients(activation: String): DoubleArray = (1..30).runningFold("a0") { chain, _ -> "$activation($chain)" }
    .drop(1).map { chain ->
        DoubleArray(1).also { Expr.parse(chain).compile("a0").valueAndGradient(doubleArrayOf(0.5), it) }[0]
    }.toDoubleArray()
val sigmoid = chainGradients("sigmoid")
val tanh = chainGradients("tanh")
val ratios = sigmoid.mapIndexed { d, g -> if (d == 0) g else g / sigmoid[d - 1] }
println("depth  d/da0 sigmoid chain  ratio    0.25^depth   d/da0 tanh chain")
for (d in sigmoid.indices) if (d < 5 || (d + 1) % 5 == 0) {
    println("%-6d %.4e             %.4f   %.4e   %.4e"
        .format(Locale.ROOT, d + 1, sigmoid[d], ratios[d], 0.25.pow(d + 1), tanh[d]))
}
println("largest ratio per sigmoid layer = %.4f".format(Locale.ROOT, ratios.max()))
println("sigmoid chain gradient at depth 30 = %.3e, tanh chain = %.3e".format(Locale.ROOT, sigmoid.last(), tanh.last()))

val depths = DoubleArray(30) { it + 1.0 }
val activationFigure = Figures.lines("Derivatives of activation functions", Axis.linear("x"), Axis.linear("derivative"),
    derivatives)
println("figure: ${activationFigure.save(folder.resolve("activation-derivatives.svg"))}")
val chainFigure = Figures.lines("Gradient through a chain of activations", Axis.linear("depth"),
    Axis.log("d(a_depth)/d(a_0)"),
    listOf(Series("sigmoid chain", depths, sigmoid), Series("tanh chain", depths, tanh)))
println("figure: ${chainFigure.save(folder.resolve("vanishing-gradient.svg"))}")
