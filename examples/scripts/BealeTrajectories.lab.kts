// Trajectories on Beale's function from several starts: gradient descent, Nesterov momentum and Adam.
//
// f(x, y) = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2 has its minimum f = 0 at (3, 0.5), a
// saddle at (0, 1), a flat valley running off to x -> -infinity along y = 1, and walls that steepen like x y^3
// towards the corners. Each optimizer starts from six points; the script prints where each run ends and how
// many steps it took to come within 1e-6 of (3, 0.5), fits gradient descent's rate per step near the minimum,
// and writes beale-trajectories.svg: the contours of f with each run's path, one panel per optimizer.
//
// Run: fluxion script examples/scripts/BealeTrajectories.lab.kts OUTPUT_FOLDER

val folder = Path.of(args.firstOrNull() ?: ".")
val beale = LandscapeRegistry.standard().create("beale")
val minimizer = beale.facts().globalMinimizers().single()
val starts = listOf(1.0 to 1.0, 2.0 to -1.0, 0.5 to -1.5, 4.0 to 1.0, -2.0 to -2.0, -1.0 to 1.5)
val optimizers = listOf("gd(lr=0.01)", "nesterov(lr=0.005, momentum=0.9)", "adam(lr=0.05)")
val maxSteps = 20_000

/** A run's path (x_0, x_1, ...), ending at the step it came within 1e-6 of the minimizer, left the box, or ran out. */
class Trajectory(val xs: List<Double>, val ys: List<Double>, val reached: Boolean)

fun distance(x: Double, y: Double) = hypot(x - minimizer[0], y - minimizer[1])

fun descend(spec: String, start: Pair<Double, Double>): Trajectory {
    val point = doubleArrayOf(start.first, start.second)
    val run = Optimizers.parse(spec).start(2)
    val xs = mutableListOf(point[0])
    val ys = mutableListOf(point[1])
    while (xs.size <= maxSteps && distance(point[0], point[1]) >= 1e-6 && abs(point[0]) < 1e3 && abs(point[1]) < 1e3) {
        run.step(beale.objective(), point)
        xs += point[0]
        ys += point[1]
    }
    return Trajectory(xs, ys, distance(point[0], point[1]) < 1e-6)
}

val paths = optimizers.associateWith { spec -> starts.map { descend(spec, it) } }

println("optimizer                         start         end                         f(end)     steps to 1e-6")
for ((spec, runs) in paths) {
    for ((start, path) in starts.zip(runs)) {
        val x = path.xs.last()
        val y = path.ys.last()
        val f = if (x.isFinite() && y.isFinite()) beale.value(doubleArrayOf(x, y)) else Double.NaN
        println(String.format(Locale.ROOT, "%-33s (%4.1f, %4.1f)  (%11.6f, %11.6f)  %.3e  %s", spec, start.first,
            start.second, x, y, f, if (path.reached) "${path.xs.size - 1}" else "not reached"))
    }
}
for ((spec, runs) in paths) println("reached (3, 0.5): $spec ${runs.count { it.reached }} of ${starts.size}")

// Near the minimum f is a quadratic with Hessian H, and descent multiplies the error along H's flattest
// eigenvector by 1 - lr * lambda_min per step. Fit that rate over the steps from distance 1e-3 to 1e-6.
val gd = paths.getValue(optimizers[0])[0]
val d = gd.xs.indices.map { distance(gd.xs[it], gd.ys[it]) }
val near = d.indexOfFirst { it < 1e-3 }
val end = d.size - 1
println(String.format(Locale.ROOT, "gd from (1, 1): rate per step near the minimum = %.6f (steps %d to %d)",
    exp(ln(d[end] / d[near]) / (end - near)), near, end))

// The figure: contours of f at 10^(k/2) from 1e-1 to 1e5, found cell by cell (marching squares), and the paths.
val low = -4.5
val high = 4.5
val cells = 80
val panel = 300.0
fun grid(i: Int) = low + (high - low) * i / cells
val values = Array(cells + 1) { j -> DoubleArray(cells + 1) { i -> beale.value(doubleArrayOf(grid(i), grid(j))) } }

/** The segments where f crosses [level], in plot coordinates of a panel whose left edge is at [left]. */
fun contour(level: Double, left: Double): String = buildString {
    fun px(x: Double) = left + panel * (x - low) / (high - low)
    fun py(y: Double) = 30 + panel * (1 - (y - low) / (high - low))
    for (j in 0 until cells) for (i in 0 until cells) {
        val corners = listOf(i to j, i + 1 to j, i + 1 to j + 1, i to j + 1)
        val crossings = corners.indices.mapNotNull { c ->
            val (i0, j0) = corners[c]
            val (i1, j1) = corners[(c + 1) % 4]
            val a = values[j0][i0] - level
            val b = values[j1][i1] - level
            if ((a < 0) == (b < 0)) null else {
                val t = a / (a - b)
                (grid(i0) + t * (grid(i1) - grid(i0))) to (grid(j0) + t * (grid(j1) - grid(j0)))
            }
        }
        for (k in 0 until crossings.size - 1 step 2) {
            append(String.format(Locale.ROOT, "M%.1f %.1fL%.1f %.1f", px(crossings[k].first), py(crossings[k].second),
                px(crossings[k + 1].first), py(crossings[k + 1].second)))
        }
    }
}

val colours = listOf("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
val svg = StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"${(3 * (panel + 30) + 20).toInt()}\" " +
    "height=\"${(panel + 60).toInt()}\" font-family=\"sans-serif\">\n")
for ((p, spec) in optimizers.withIndex()) {
    val left = 20 + p * (panel + 30)
    fun px(x: Double) = left + panel * (x - low) / (high - low)
    fun py(y: Double) = 30 + panel * (1 - (y - low) / (high - low))
    svg.append("<clipPath id=\"panel$p\"><rect x=\"$left\" y=\"30\" width=\"$panel\" height=\"$panel\"/></clipPath>\n")
    svg.append("<text x=\"${left + panel / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"12\">$spec</text>\n")
    svg.append("<rect x=\"$left\" y=\"30\" width=\"$panel\" height=\"$panel\" fill=\"white\" stroke=\"#444\"/>\n")
    for (k in -2..10) {
        svg.append("<path fill=\"none\" stroke=\"#bbb\" stroke-width=\"0.6\" d=\"${contour(Math.pow(10.0, k / 2.0), left)}\"/>\n")
    }
    for ((s, path) in paths.getValue(spec).withIndex()) {
        // a point less than half a pixel from the last one drawn adds nothing to the picture
        val drawn = mutableListOf<Pair<Double, Double>>()
        for (k in path.xs.indices) {
            val point = px(path.xs[k]) to py(path.ys[k])
            if (!point.first.isFinite() || !point.second.isFinite()) break
            val last = drawn.lastOrNull()
            if (last == null || hypot(point.first - last.first, point.second - last.second) >= 0.5 || k == path.xs.size - 1) drawn += point
        }
        val points = drawn.joinToString(" ") { String.format(Locale.ROOT, "%.1f,%.1f", it.first, it.second) }
        svg.append("<polyline clip-path=\"url(#panel$p)\" fill=\"none\" stroke=\"${colours[s]}\" stroke-width=\"1.5\" points=\"$points\"/>\n")
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"white\" stroke=\"%s\" stroke-width=\"1.5\"/>\n",
            px(path.xs[0]), py(path.ys[0]), colours[s]))
    }
    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"black\"/>\n", px(minimizer[0]), py(minimizer[1])))
}
svg.append("<text x=\"20\" y=\"${panel + 50}\" font-size=\"11\">x and y from -4.5 to 4.5; contours at f = 0.1, 0.3, 1, 3, ..., 1e5; " +
    "open circles: starts; black dot: the minimum (3, 0.5)</text>\n</svg>\n")
Files.createDirectories(folder)
val figure = folder.resolve("beale-trajectories.svg")
Files.writeString(figure, svg)
println("figure: $figure")
