package dev.fluxion.lab

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.report.Figure
import dev.fluxion.lab.report.Figures
import dev.fluxion.lab.report.HtmlReport
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.lab.study.Studies
import dev.fluxion.lab.report.Axis
import dev.fluxion.lab.report.Series
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import java.awt.image.BufferedImage
import java.nio.file.Files
import javax.imageio.ImageIO
import kotlin.math.pow

/**
 * The figures scripts draw ([Figures]) are the report's: saved as SVG or PNG by the file's extension, with the
 * curves where the mathematics puts them, and refused in one line when there is nothing to draw. Gradient descent
 * with lr on the separable quadratic with eigenvalues 1 and 10 from x* + (3, 3) has f - f* = (9/2) sum lambda
 * (1 - lr lambda)^(2k) after k steps.
 */
class FiguresSpec : FunSpec({
    val quadratic = "quadratic(dim=2, kappa=10, rotated=false)"
    val lr = 0.05
    fun gap(k: Int): Double = listOf(1.0, 10.0).sumOf { 4.5 * it * (1 - lr * it).pow(2.0 * k) }
    val study = CompareStudy(listOf("gd(lr=$lr)"), listOf(quadratic), budget = Budget(maxSteps = 60, targets = listOf(1e-300)),
        name = "figures")
    val folder = temporaryFolder("fluxion-figures")
    val results = ResultStore.open(folder.resolve("figures.sqlite")).use { Studies.run(study, it, threads = 1) }
    val engine = Engine(1)
    val landscape = engine.landscape(quadratic)
    val blue = intArrayOf(0x00, 0x72, 0xB2) // the first series' colour

    fun BufferedImage.blueNear(x: Double, y: Double): Boolean = (-2..2).any { dx ->
        (-2..2).any { dy ->
            val v = getRGB(Math.floor(x).toInt() + dx, Math.floor(y).toInt() + dy)
            val c = intArrayOf((v shr 16) and 0xff, (v shr 8) and 0xff, v and 0xff)
            (0..2).all { Math.abs(c[it] - blue[it]) < 40 }
        }
    }

    test("a loss curve saved as PNG has the image of its SVG, with the closed form's gaps where its axes put them") {
        val figure = Figures.lossCurves(landscape, results)
        figure.title shouldBe "quadratic: f - f* against step"
        val png = figure.save(folder.resolve("loss.png"))
        val image = ImageIO.read(png.toFile())
        (image.width to image.height) shouldBe (figure.width to figure.height)
        val axes = Axes.of(figure.svg, logX = true, logY = true)
        for (k in listOf(2, 10, 30, 55)) image.blueNear(axes.x(k + 1.0), axes.y(gap(k))) shouldBe true
        // ten times above or below the curve, nothing
        for (k in listOf(10, 30)) {
            image.blueNear(axes.x(k + 1.0), axes.y(gap(k) * 10)) shouldBe false
            image.blueNear(axes.x(k + 1.0), axes.y(gap(k) / 10)) shouldBe false
        }
    }

    test("a figure saved as SVG is its SVG document; another extension is refused before anything is written") {
        val figure = Figures.trajectories(landscape, results)
        val svg = figure.save(folder.resolve("sub/trajectories.svg"))
        Files.readString(svg) shouldBe figure.svg
        figure.svg shouldStartWith "<svg"
        val error = shouldThrow<LabException> { figure.save(folder.resolve("trajectories.pdf")) }
        error.message shouldBe "figure file ${folder.resolve("trajectories.pdf")}: the name must end in .svg or .png"
        Files.exists(folder.resolve("trajectories.pdf")) shouldBe false
    }

    test("the report's page draws its figures with the same functions") {
        val page = HtmlReport.render(study, results, engine)
        val drawn = Figure.onPage(page)
        drawn.map { it.title } shouldBe listOf("quadratic: trajectories from start 0", "quadratic: f - f* against step",
            "Performance profile at f - f* <= 1.00e-300")
        drawn[0].svg shouldBe Figures.trajectories(landscape, results, "quadratic: trajectories from start 0").svg
        drawn[1].svg shouldBe Figures.lossCurves(landscape, results).svg
        drawn[2].svg shouldBe Figures.performanceProfile(results, 0).svg
    }

    test("a figure with nothing to draw is refused in one line saying why") {
        shouldThrow<LabException> { Figures.ecdf(results) }.message shouldContain "no run reached any target"
        shouldThrow<LabException> { Figures.trajectories(engine.landscape("sphere(dim=3)"), results) }.message shouldBe
            "trajectories of sphere(dim=3): contours need a two-dimensional landscape, this one has 3 variables"
        shouldThrow<LabException> { Figures.performanceProfile(results, 3) }.message shouldBe
            "target index 3: the budget has targets 0 to 0"
    }

    test("any series on log-log axes: y = x^2 is drawn where the axes put x^2, not ten times off, and its title kept") {
        val x = DoubleArray(41) { 10.0.pow(-2 + it / 10.0) } // 1e-2 to 1e2
        val figure = Figures.lines("a power law", Axis.log("h"), Axis.log("h^2"), listOf(Series("x^2", x, DoubleArray(41) { x[it] * x[it] })))
        figure.title shouldBe "a power law"
        val image = ImageIO.read(figure.save(folder.resolve("power-law.png")).toFile())
        val axes = Axes.of(figure.svg, logX = true, logY = true)
        for (h in listOf(0.03, 1.0, 30.0)) {
            image.blueNear(axes.x(h), axes.y(h * h)) shouldBe true
            image.blueNear(axes.x(h), axes.y(h * h * 10)) shouldBe false
        }
        // on linear axes the same points make a parabola: at x = 50 and 100 the heights 2500 and 10000
        val linear = Figures.lines("a parabola", Axis.linear("x"), Axis.linear("x^2"), listOf(Series("x^2", x, DoubleArray(41) { x[it] * x[it] })))
        val drawn = ImageIO.read(linear.save(folder.resolve("parabola.png")).toFile())
        val linearAxes = Axes.of(linear.svg, logX = false, logY = false)
        drawn.blueNear(linearAxes.x(50.0), linearAxes.y(2500.0)) shouldBe true
        drawn.blueNear(linearAxes.x(50.0), linearAxes.y(5000.0)) shouldBe false
    }

    test("a line plot with no point its axes can show is refused in one line") {
        val error = shouldThrow<LabException> {
            Figures.lines("errors", Axis.log("h"), Axis.log("error"), listOf(Series("exact", doubleArrayOf(0.1, 0.01), doubleArrayOf(0.0, 0.0))))
        }
        error.message shouldBe "figure 'errors': none of its 1 series has a point to draw on these axes (finite values, positive on a log axis)"
    }
})
