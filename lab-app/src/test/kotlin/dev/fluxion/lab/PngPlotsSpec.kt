package dev.fluxion.lab

import dev.fluxion.lab.cli.FluxionCommand
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.report.Figure
import dev.fluxion.lab.report.HtmlReport
import dev.fluxion.lab.report.LetsPlotFigures
import dev.fluxion.lab.report.Marker
import dev.fluxion.lab.report.ScanReport
import dev.fluxion.lab.report.Series
import dev.fluxion.lab.report.SvgToPng
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.ScanStudy
import dev.fluxion.lab.study.Studies
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.w3c.dom.Element
import java.awt.image.BufferedImage
import java.io.ByteArrayInputStream
import java.io.PrintWriter
import java.io.StringWriter
import java.nio.file.Files
import javax.imageio.ImageIO
import javax.xml.parsers.DocumentBuilderFactory
import kotlin.io.path.name

/**
 * The plots are Lets-Plot's SVG and, beside the page, PNG transcoded from it. The pixel checks place what they
 * look for by the plot's own axes: [Axes] reads the tick labels of the SVG (their numbers and where they sit, with
 * every enclosing translation added up) and maps a value to a pixel through two of them, linearly or, on a log
 * axis, linearly in log10. So a check fails when the curve is not where the axis labels say it is.
 */
class PngPlotsSpec : FunSpec({
    val blue = intArrayOf(0x00, 0x72, 0xB2) // the first series' colour

    fun BufferedImage.rgb(x: Double, y: Double): IntArray {
        val v = getRGB(Math.floor(x).toInt(), Math.floor(y).toInt())
        return intArrayOf((v shr 16) and 0xff, (v shr 8) and 0xff, v and 0xff)
    }

    /** Whether some pixel within two of (x, y) has [colour], give or take antialiasing. */
    fun BufferedImage.colourNear(x: Double, y: Double, colour: IntArray): Boolean = (-2..2).any { dx ->
        (-2..2).any { dy ->
            val c = rgb(x + dx, y + dy)
            (0..2).all { Math.abs(c[it] - colour[it]) < 40 }
        }
    }

    /** Whether the pixel at (x, y) is the panel's background: white or nearly (a grid line is light grey). */
    fun BufferedImage.background(x: Double, y: Double) = rgb(x, y).all { it > 225 }

    fun luminance(c: IntArray) = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    test("a line plot on linear axes: the PNG has the size asked for and the diagonal where the axes put it") {
        val figure = LetsPlotFigures.lines("diagonal", "u", "v", listOf(Series("v = u", doubleArrayOf(0.0, 1.0), doubleArrayOf(0.0, 1.0))),
            logX = false, logY = false, width = 600, height = 420)
        val image = SvgToPng.image(figure.svg)
        image.width shouldBe 600
        image.height shouldBe 420
        val axes = Axes.of(figure.svg, logX = false, logY = false)
        for (u in listOf(0.1, 0.3, 0.5, 0.7, 0.9)) {
            image.colourNear(axes.x(u), axes.y(u), blue) shouldBe true
        }
        // the two corners off the diagonal stay background
        for ((u, v) in listOf(0.9 to 0.1, 0.1 to 0.9, 0.95 to 0.05)) {
            image.background(axes.x(u), axes.y(v)) shouldBe true
            image.colourNear(axes.x(u), axes.y(v), blue) shouldBe false
        }
    }

    test("a line plot on log axes: y = x^2 from 1 to 1000 along the mapped curve, and not off it") {
        val xs = (0..30).map { Math.pow(10.0, it / 10.0) }
        val figure = LetsPlotFigures.lines("square", "u", "v", listOf(Series("u^2", xs.toDoubleArray(), xs.map { it * it }.toDoubleArray())),
            logX = true, logY = true)
        val image = SvgToPng.image(figure.svg)
        val axes = Axes.of(figure.svg, logX = true, logY = true)
        for (u in listOf(2.0, 10.0, 50.0, 300.0)) {
            image.colourNear(axes.x(u), axes.y(u * u), blue) shouldBe true
        }
        image.colourNear(axes.x(300.0), axes.y(10.0), blue) shouldBe false
        image.colourNear(axes.x(2.0), axes.y(1e5), blue) shouldBe false
    }

    test("a log axis leaves out zero, negative and non-finite values instead of failing") {
        val figure = LetsPlotFigures.lines("gaps", "step", "gap", listOf(Series("run", doubleArrayOf(1.0, 2.0, 3.0, 4.0, 5.0),
            doubleArrayOf(1.0, 0.0, -1.0, Double.NaN, 1e-3))), logX = true, logY = true)
        // (2, 0), (3, -1) and (4, NaN) are dropped: the line runs straight (on log-log axes) from (1, 1) to (5, 1e-3),
        // through (sqrt 5, 10^-1.5)
        val image = SvgToPng.image(figure.svg)
        val axes = Axes.of(figure.svg, logX = true, logY = true)
        image.colourNear(axes.x(Math.sqrt(5.0)), axes.y(Math.pow(10.0, -1.5)), blue) shouldBe true
        image.colourNear(axes.x(2.0), axes.y(1e-3), blue) shouldBe false
    }

    test("filled contours of x^2 + y^2: the lowest level's colour at the centre, the highest at the corners; the trajectory over them") {
        val figure = LetsPlotFigures.landscape("bowl", { x, y -> x * x + y * y }, -1.0 to 1.0, -1.0 to 1.0,
            listOf(Series("path", doubleArrayOf(0.5, 0.0), doubleArrayOf(0.5, 0.0))), width = 640, height = 500)
        val image = SvgToPng.image(figure.svg)
        image.width shouldBe 640
        image.height shouldBe 500
        val axes = Axes.of(figure.svg, logX = false, logY = false)
        // off the trajectory, which runs from (0.5, 0.5) to the centre
        val centre = image.rgb(axes.x(-0.02), axes.y(0.03))
        val corners = listOf(-0.97 to -0.97, -0.97 to 0.97, 0.97 to -0.97, 0.97 to 0.97).map { (u, v) -> image.rgb(axes.x(u), axes.y(v)) }
        // viridis runs from dark purple (#440154) to yellow (#fde725)
        corners.forEach { (luminance(it) > luminance(centre) + 100) shouldBe true }
        (centre[2] > centre[1]) shouldBe true // purple: more blue than green
        corners.forEach { (it[0] > 200 && it[1] > 180 && it[2] < 120) shouldBe true } // yellow
        // the rings between: the level rises along the diagonal from the centre
        val along = listOf(0.1, 0.3, 0.5, 0.7, 0.9).map { luminance(image.rgb(axes.x(-it), axes.y(it))) }
        along.zipWithNext().forEach { (a, b) -> (b >= a - 1) shouldBe true }
        // the trajectory's midpoint (0.25, 0.25) in the first series' colour, its start circle white inside
        image.colourNear(axes.x(0.25), axes.y(0.25), blue) shouldBe true
        image.rgb(axes.x(0.5), axes.y(0.5)).all { it > 200 } shouldBe true
    }

    test("the scan's marker: a dashed vertical line at the x of 2/L, labelled") {
        val lr = (0..20).map { Math.pow(10.0, -2 + it / 10.0) }
        val figure = LetsPlotFigures.lines("scan", "learning rate", "gap", listOf(Series("grid", lr.toDoubleArray(),
            lr.map { if (it < 0.2) 1e-6 / (1 - it / 0.2 + 1e-3) else 1e3 }.toDoubleArray(), dots = true)),
            logX = true, logY = true, markers = listOf(Marker(0.2, "2/L")))
        val axes = Axes.of(figure.svg, logX = true, logY = true)
        val lines = Axes.verticalLines(figure.svg, "rgb(204,0,0)")
        lines.size shouldBe 1
        lines.single() shouldBe (axes.x(0.2) plusOrMinus 0.5)
        figure.svg shouldContain Regex(">\\s*2/L\\s*</text>")
    }

    test("the scan's page marks the grid points that grew past the frame at its top, and no others") {
        // gd on quadratic(dim=2, kappa=10): L = 10, so the grid's 0.316, 0.562 and 1 lie above 2/L = 0.2 and blow up
        val study = ScanStudy("gd", "quadratic(dim=2, kappa=10)", 0.01, 1.0, 9, 200)
        val store = ResultStore.open(temporaryFolder("fluxion-scan-frame").resolve("scan.sqlite"))
        val engine = Engine(2)
        val grid = Studies.run(study, store, 2)
        val outcome = study.analyse(grid, engine) { spec -> store.find(spec)!! }
        val figure = Figure.onPage(ScanReport.render(study, outcome)).single()
        store.close()
        val start = grid.first().spec.start.toDoubleArray()
        val top = engine.landscape(study.landscape).valueGap(start) * 1e4 // the frame: 10^4 times the starting gap
        val green = intArrayOf(0x00, 0x9E, 0x73) // the third series' colour
        val image = SvgToPng.image(figure.svg)
        val axes = Axes.of(figure.svg, logX = true, logY = true)
        study.learningRates.filter { it > 0.2 }.size shouldBe 3
        for (lr in study.learningRates) {
            image.colourNear(axes.x(lr), axes.y(top / 2), green) shouldBe (lr > 0.2)
        }
        figure.svg shouldContain ScanReport.BEYOND
    }

    test("the same plot gives the same SVG twice: the page is reproducible") {
        fun draw() = LetsPlotFigures.lines("twice", "u", "v", listOf(Series("a", doubleArrayOf(1.0, 2.0), doubleArrayOf(3.0, 4.0))),
            logX = false, logY = false).svg
        draw() shouldBe draw()
    }

    test("without its text (the fallback where no font is found) a plot keeps its size and its curve") {
        val figure = LetsPlotFigures.lines("diagonal", "u", "v", listOf(Series("v = u", doubleArrayOf(0.0, 1.0), doubleArrayOf(0.0, 1.0))),
            logX = false, logY = false)
        val bare = SvgToPng.withoutText(figure.svg)
        figure.svg shouldContain "<text"
        bare.contains("<text") shouldBe false
        val image = SvgToPng.image(bare)
        (image.width to image.height) shouldBe (figure.width to figure.height)
        val axes = Axes.of(figure.svg, logX = false, logY = false)
        image.colourNear(axes.x(0.5), axes.y(0.5), blue) shouldBe true
        image.background(axes.x(0.9), axes.y(0.1)) shouldBe true
    }

    test("a signed log axis: f falling to -1e6 and a diverged run to -1e106 on one axis, each curve where its labels put it") {
        // the saddle's f against step: one run escapes to -1e6 (f = -10^(k/10) at step k), one diverges to -1e106
        val steps = (1..60).map { it.toDouble() }
        val escaping = Series("escaping", steps.toDoubleArray(), steps.map { -Math.pow(10.0, it / 10) }.toDoubleArray())
        val diverging = Series("diverging", doubleArrayOf(1.0, 10.0, 20.0), doubleArrayOf(-1.0, -1e50, -1.7e106))
        val figure = LetsPlotFigures.lines("saddle", "step", "f", listOf(escaping, diverging), logX = true, logY = false,
            signedLogY = true)
        // every y label is a number: the values run from -1 to -1.7e106, so -1e0 and the powers of ten 20 decades apart
        // (every 10 decades would be 11 ticks, more than 8); a linear axis printed garbage here
        val labels = Regex("<text[^>]*class=\"axis-text-y\"[^>]*>(?:<tspan[^>]*>)?([^<]*)<").findAll(figure.svg)
            .map { it.groupValues[1].trim() }.toList()
        labels.sorted() shouldBe listOf("-1e100", "-1e80", "-1e60", "-1e40", "-1e20", "-1e0").sorted()
        val image = SvgToPng.image(figure.svg)
        val axes = Axes.of(figure.svg, logX = true, logY = false, signedLogY = true)
        // f = -10^3 at step 30 and -10^5 at step 50; on the signed log scale, 3 and 5 decades below 0
        image.colourNear(axes.x(30.0), axes.y(-1e3), blue) shouldBe true
        image.colourNear(axes.x(50.0), axes.y(-1e5), blue) shouldBe true
        image.colourNear(axes.x(30.0), axes.y(-1e40), blue) shouldBe false
    }

    test("a plot whose PNG cannot be made costs a warning naming it, not the page nor the other PNGs") {
        val out = temporaryFolder("fluxion-png-failure")
        val good = LetsPlotFigures.lines("good one", "u", "v", listOf(Series("a", doubleArrayOf(0.0, 1.0), doubleArrayOf(0.0, 1.0))),
            logX = false, logY = false)
        val broken = Figure("broken one", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect", 10, 10)
        val page = "<html><body>\n" + broken.html() + good.html() + "</body></html>\n"
        val warnings = ArrayList<String>()
        val pngs = HtmlReport.write(out.resolve("page.html"), page) { warnings += it }
        Files.readString(out.resolve("page.html")) shouldBe page + "<!-- fluxion plots: page-02-good-one.png -->\n" // the page names its PNGs
        pngs.map { it.name } shouldBe listOf("page-02-good-one.png")
        warnings.size shouldBe 1
        warnings.single() shouldContain "'broken one'"
        Files.exists(out.resolve("page-01-broken-one.png")) shouldBe false
    }

    test("fluxion compare writes one PNG per plot of its page, each readable and of its plot's size") {
        val out = temporaryFolder("fluxion-png")
        val err = StringWriter()
        val code = FluxionCommand.commandLine(PrintWriter(StringWriter()), PrintWriter(err)).execute("compare",
            "--optimizers", "gd(lr=0.01); adam(lr=0.05)", "--landscapes", "beale; quadratic(dim=3, kappa=10)",
            "--starts", "default", "--steps", "200", "--threads", "2", "--out", out.toString(), "--name", "pictures")
        code shouldBe 0
        val page = Files.readString(out.resolve("pictures.html"))
        val figures = Figure.onPage(page)
        // beale: contours and loss; the quadratic in 3 dimensions: loss only; then the ECDF and the profile
        figures.map { it.title } shouldBe listOf("beale: trajectories from start 0", "beale: f - f* against step",
            "quadratic: f - f* against step", "ECDF of runtime over targets and problems", "Performance profile at f - f* <= 1.00e-06")
        val pngs = Files.list(out).use { files -> files.filter { it.name.endsWith(".png") }.sorted().toList() }
        pngs.map { it.name } shouldBe listOf("pictures-01-beale-trajectories-from-start-0.png", "pictures-02-beale-f-f-against-step.png",
            "pictures-03-quadratic-f-f-against-step.png", "pictures-04-ecdf-of-runtime-over-targets-and-problems.png",
            "pictures-05-performance-profile-at-f-f-1-00e-06.png")
        pngs.zip(figures).forEach { (png, figure) ->
            val image = ImageIO.read(png.toFile())
            (image.width to image.height) shouldBe (figure.width to figure.height)
            val svg = Regex("<svg[^>]* width=\"([\\d.]+)\" height=\"([\\d.]+)\"").find(figure.svg)!!
            (svg.groupValues[1].toDouble().toInt() to svg.groupValues[2].toDouble().toInt()) shouldBe (figure.width to figure.height)
        }
        page shouldContain "<svg"
        page.contains("<script") shouldBe false
        err.toString().contains("warning") shouldBe false
    }
})

/**
 * A plot's axes as its SVG shows them: tick labels with their numbers and positions (every enclosing
 * `translate(x y)` added up), giving a map from data to pixels through the first and the last tick of each axis.
 */
internal class Axes(private val xTicks: List<Pair<Double, Double>>, private val yTicks: List<Pair<Double, Double>>,
                   private val logX: Boolean, private val logY: Boolean, private val signedLogY: Boolean = false) {
    fun x(value: Double) = map(xTicks, value, logX)
    fun y(value: Double) = map(yTicks, value, logY, signedLogY)

    /** Linear in v, in log10 v, or (signed log) in sign(v) log10(1 + |v|). */
    private fun map(ticks: List<Pair<Double, Double>>, value: Double, log: Boolean, signedLog: Boolean = false): Double {
        fun t(v: Double) = if (signedLog) Math.signum(v) * Math.log10(1 + Math.abs(v)) else if (log) Math.log10(v) else v
        val (a, pa) = ticks.first()
        val (b, pb) = ticks.last()
        return pa + (t(value) - t(a)) / (t(b) - t(a)) * (pb - pa)
    }

    companion object {
        fun of(svg: String, logX: Boolean, logY: Boolean, signedLogY: Boolean = false): Axes {
            val x = ArrayList<Pair<Double, Double>>()
            val y = ArrayList<Pair<Double, Double>>()
            walk(root(svg), 0.0, 0.0) { e, dx, dy ->
                if (e.tagName == "text") {
                    val number = e.textContent.trim().replace(",", "").replace('\u2212', '-').toDoubleOrNull()
                    if (number != null && e.getAttribute("class") == "axis-text-x") x += number to dx
                    if (number != null && e.getAttribute("class") == "axis-text-y") y += number to dy
                }
            }
            check(x.size >= 2 && y.size >= 2) { "too few tick labels: x $x, y $y" }
            return Axes(x.sortedBy { it.first }, y.sortedBy { it.first }, logX, logY, signedLogY)
        }

        /** The x positions of the vertical lines drawn in [stroke] (`line` elements or `path`s of one segment). */
        fun verticalLines(svg: String, stroke: String): List<Double> {
            val found = ArrayList<Double>()
            walk(root(svg), 0.0, 0.0) { e, dx, _ ->
                if (e.getAttribute("stroke").replace(" ", "") != stroke) return@walk
                when (e.tagName) {
                    "line" -> {
                        val x1 = e.getAttribute("x1").toDoubleOrNull() ?: 0.0
                        val x2 = e.getAttribute("x2").toDoubleOrNull() ?: 0.0
                        if (Math.abs(x1 - x2) < 1e-6) found += dx + x1
                    }
                    "path" -> {
                        val numbers = Regex("-?[0-9.]+(?:e-?\\d+)?").findAll(e.getAttribute("d")).map { it.value.toDouble() }.toList()
                        if (numbers.size == 4 && Math.abs(numbers[0] - numbers[2]) < 1e-6) found += dx + numbers[0]
                    }
                }
            }
            return found
        }

        private fun root(svg: String): Element {
            val factory = DocumentBuilderFactory.newInstance()
            factory.isNamespaceAware = false
            return factory.newDocumentBuilder().parse(ByteArrayInputStream(svg.toByteArray(Charsets.UTF_8))).documentElement
        }

        private fun walk(e: Element, x: Double, y: Double, visit: (Element, Double, Double) -> Unit) {
            var dx = x
            var dy = y
            Regex("translate\\(\\s*(-?[0-9.]+)[ ,]+(-?[0-9.]+)\\s*\\)").find(e.getAttribute("transform"))?.let {
                dx += it.groupValues[1].toDouble()
                dy += it.groupValues[2].toDouble()
            }
            visit(e, dx, dy)
            val children = e.childNodes
            for (i in 0 until children.length) (children.item(i) as? Element)?.let { walk(it, dx, dy, visit) }
        }
    }
}
