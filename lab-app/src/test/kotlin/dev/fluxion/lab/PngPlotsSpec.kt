package dev.fluxion.lab

import dev.fluxion.lab.cli.FluxionCommand
import dev.fluxion.lab.report.Svg
import dev.fluxion.lab.report.SvgRaster
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.awt.image.BufferedImage
import java.io.PrintWriter
import java.io.StringWriter
import java.nio.file.Files
import javax.imageio.ImageIO
import kotlin.io.path.name

/**
 * Every plot of a report is also a PNG beside the page, drawn headless from the same SVG. The pixel checks place
 * the curve by the plot's layout, worked out here by hand: a line plot is 640 x 400 with its frame from x = 70 to
 * 640 - 190 = 450 and from y = 30 to 400 - 50 = 350, so the value (u, v) on axes from 0 to 1 sits at
 * (70 + 380 u, 350 - 320 v), and on log axes from 1 to 1000 at (70 + 380 log10(u) / 3, 350 - 320 log10(v) / 3).
 */
class PngPlotsSpec : FunSpec({
    val blue = 0x0072B2 // the first series' colour

    /** Whether some pixel within one of (x, y) is the series' blue, give or take antialiasing. */
    fun BufferedImage.curveNear(x: Double, y: Double): Boolean = (-1..1).any { dx ->
        (-1..1).any { dy ->
            val rgb = getRGB(Math.floor(x).toInt() + dx, Math.floor(y).toInt() + dy)
            val r = (rgb shr 16) and 0xff
            val g = (rgb shr 8) and 0xff
            val b = rgb and 0xff
            Math.abs(r - 0x00) < 40 && Math.abs(g - 0x72) < 40 && Math.abs(b - 0xB2) < 40
        }
    }

    fun BufferedImage.white(x: Double, y: Double) = getRGB(x.toInt(), y.toInt()) and 0xffffff == 0xffffff

    test("a line plot on linear axes: the PNG has the plot's size and the diagonal where the mapping puts it") {
        val svg = Svg.linePlot("diagonal", "u", "v", listOf(Svg.Series("v = u", doubleArrayOf(0.0, 1.0), doubleArrayOf(0.0, 1.0))),
            logX = false, logY = false)
        val image = SvgRaster.image(svg)
        image.width shouldBe 640
        image.height shouldBe 400
        for (u in listOf(0.1, 0.3, 0.5, 0.7, 0.9)) {
            image.curveNear(70 + 380 * u, 350 - 320 * u) shouldBe true
        }
        // off the curve and off the grid lines (at multiples of 0.2): the plot's white background
        image.white(70 + 380 * 0.3, 350 - 320 * 0.9) shouldBe true
        image.white(70 + 380 * 0.9, 350 - 320 * 0.1) shouldBe true
        image.curveNear(70 + 380 * 0.3, 350 - 320 * 0.9) shouldBe false
        // the legend's swatch: a thick line of the series' colour from x = 462 to 482 at y = 40
        image.curveNear(472.0, 40.0) shouldBe true
    }

    test("a line plot on log axes: y = x^2 from 1 to 1000 along the mapped curve") {
        val xs = (0..30).map { Math.pow(10.0, it / 10.0) }
        val svg = Svg.linePlot("square", "u", "v", listOf(Svg.Series("u^2", xs.toDoubleArray(), xs.map { it * it }.toDoubleArray())),
            logX = true, logY = true)
        val image = SvgRaster.image(svg)
        // the axes span 1..1000 and 1..1e6: log10(v) / 6 on y
        for (u in listOf(2.0, 10.0, 50.0, 300.0)) {
            image.curveNear(70 + 380 * Math.log10(u) / 3, 350 - 320 * Math.log10(u * u) / 6) shouldBe true
        }
        image.curveNear(70 + 380 * Math.log10(300.0) / 3, 350 - 320 * Math.log10(10.0) / 6) shouldBe false
    }

    test("a heat map with a trajectory: 680 x 500, the start circle where the mapping puts it") {
        // the frame is 420 x 420 from (70, 30); x and y from -1 to 1 map to 70 + 420 (x + 1)/2 and 450 - 420 (y + 1)/2
        val svg = Svg.heatMap("bowl", { x, y -> x * x + y * y }, -1.0 to 1.0, -1.0 to 1.0,
            listOf(Svg.Series("path", doubleArrayOf(0.5, 0.0), doubleArrayOf(0.5, 0.0))))
        val image = SvgRaster.image(svg)
        image.width shouldBe 680
        image.height shouldBe 500
        // the start circle (radius 4, white fill, blue ring) at (0.5, 0.5): white in its middle, blue on its ring
        val cx = 70 + 420 * 0.75
        val cy = 450 - 420 * 0.75
        image.white(cx, cy) shouldBe true
        image.curveNear(cx + 4, cy) shouldBe true
        // the trajectory's midpoint (0.25, 0.25)
        image.curveNear(70 + 420 * 0.625, 450 - 420 * 0.625) shouldBe true
        // the colour map: the centre cell (the minimum) is dark, the corner light
        val centre = image.getRGB(70 + 210 - 4, 30 + 210 + 4) // off the trajectory, which ends at the centre
        val corner = image.getRGB(72, 32)
        val centreGreen = (centre shr 8) and 0xff
        val cornerGreen = (corner shr 8) and 0xff
        (centreGreen < cornerGreen) shouldBe true
    }

    test("fluxion compare writes one PNG per plot of its page, each readable and of its plot's size") {
        val out = Files.createTempDirectory("fluxion-png")
        val code = FluxionCommand.commandLine(PrintWriter(StringWriter()), PrintWriter(StringWriter())).execute("compare",
            "--optimizers", "gd(lr=0.01); adam(lr=0.05)", "--landscapes", "beale; quadratic(dim=3, kappa=10)",
            "--starts", "default", "--steps", "200", "--threads", "2", "--out", out.toString(), "--name", "pictures")
        code shouldBe 0
        val page = Files.readString(out.resolve("pictures.html"))
        val sizes = Regex("<svg[^>]* width=\"([\\d.]+)\" height=\"([\\d.]+)\"").findAll(page)
            .map { it.groupValues[1].toDouble().toInt() to it.groupValues[2].toDouble().toInt() }.toList()
        val pngs = Files.list(out).use { files -> files.filter { it.name.endsWith(".png") }.sorted().toList() }
        pngs.size shouldBe sizes.size
        pngs.first().name shouldBe "pictures-01-beale-trajectories-from-start-0.png"
        pngs.zip(sizes).forEach { (png, size) ->
            val image = ImageIO.read(png.toFile())
            (image.width to image.height) shouldBe size
        }
        page shouldContain "<svg"
    }
})
