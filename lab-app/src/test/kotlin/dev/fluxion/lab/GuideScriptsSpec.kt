package dev.fluxion.lab

import dev.fluxion.lab.cli.FluxionCommand
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.doubles.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import java.io.PrintWriter
import java.io.StringWriter
import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.listDirectoryEntries
import kotlin.io.path.name
import kotlin.io.path.readText
import kotlin.math.abs
import kotlin.math.cbrt
import kotlin.math.sqrt

/**
 * Every guide script in `examples/scripts/` runs through `fluxion script FILE.java OUTPUT_FOLDER`, writes its
 * figures, and prints the numbers `docs/guide.md` quotes: the orders of the difference quotients, the best steps,
 * the vanishing gradient's ratio per layer, the step-size threshold 2 / L, and so on.
 */
class GuideScriptsSpec : FunSpec({
    val scripts = listOf(Path.of("../examples/scripts"), Path.of("examples/scripts"))
        .first { Files.isDirectory(it) }.toAbsolutePath().normalize()
    val eps = Math.ulp(1.0)

    /** The script's output; the run must succeed and write every figure it names. */
    fun run(name: String): String {
        val folder = Files.createTempDirectory("fluxion-guide")
        val out = StringWriter()
        val err = StringWriter()
        val code = FluxionCommand.commandLine(PrintWriter(out, true), PrintWriter(err, true))
            .execute("script", scripts.resolve("$name.java").toString(), folder.toString())
        val text = out.toString()
        withClue(name, err) { code shouldBe 0 }
        val figures = Regex("figure: (.+)").findAll(text).map { Path.of(it.groupValues[1].trim()) }.toList()
        (figures.size >= 1) shouldBe true
        figures.forEach {
            it.parent shouldBe folder
            val svg = it.readText()
            svg shouldStartWith "<svg"
            svg shouldContain "<polyline"
        }
        return text
    }

    /** The number after `label` (`label = 1.23e-4`, `label 1.23e-4` or `label: 1.23e-4`) in the output. */
    fun String.number(label: String): Double =
        Regex(Regex.escape(label) + "[ =:]+([-+0-9.eE]+)").find(this)?.groupValues?.get(1)?.toDouble()
            ?: error("no number after '$label' in:\n$this")

    test("every script in examples/scripts has a test below") {
        scripts.listDirectoryEntries("*.java").map { it.name } shouldContainExactlyInAnyOrder listOf(
            "DerivativeAsLimit.java", "FiniteDifferenceError.java", "GradientCheckDemo.java",
            "VanishingGradient.java", "TaylorApproximation.java", "CriticalPointsDemo.java",
            "StepSizeThreshold.java", "AdamVersusDescent.java", "ConditionNumberRate.java",
            "IllConditionedAdam.java",
        )
    }

    test("the secant slope's error is first order, with error / h tending to sin(1) / 2") {
        val out = run("DerivativeAsLimit")
        out.number("fitted order") shouldBe (1.0 plusOrMinus 0.01)
        out.number("limit of error / h: sin(1) / 2") shouldBe (kotlin.math.sin(1.0) / 2 plusOrMinus 1e-6)
        // the table's last row, h = 2^-20: error / h is within 1e-4 of its limit
        val rows = out.lines().filter { it.matches(Regex("\\d\\.\\d{4}e[-+]\\d\\d .*")) }
        rows.size shouldBe 21
        rows.last().split(Regex(" +")).last().toDouble() shouldBe (kotlin.math.sin(1.0) / 2 plusOrMinus 1e-4)
    }

    test("forward differences are first order and centered ones second, each with its best step near the model's") {
        val out = run("FiniteDifferenceError")
        out.number("forward order") shouldBe (1.0 plusOrMinus 0.05)
        out.number("centered order") shouldBe (2.0 plusOrMinus 0.05)
        val centered = out.number("best centered step")
        abs(kotlin.math.log10(centered / cbrt(eps))) shouldBeLessThan 1.0 // within 10x of cbrt(eps)
        // For f = exp at x = 1, f = f'' = e. The error h |f''| / 2 + 2 eps |f| / h is least at
        // h* = 2 sqrt(eps |f| / |f''|) = 2 sqrt(eps); the error curve averaged over points near 1 has its minimum
        // within 10x of it (one point's curve need not: its rounding errors are particular numbers).
        val modelStep = 2 * sqrt(eps * Math.E / Math.E)
        val forward = out.number("best forward step")
        abs(kotlin.math.log10(forward / modelStep)) shouldBeLessThan 1.0
        // Two roundings of e (ulp 2^-51), each uniform within half an ulp, differ on average by a third of an ulp:
        // h |f''| / 2 + ulp / (3 h) is least at sqrt(2 ulp / (3 e)) = 1.04e-8, which the quarter-decade grid hits
        // within one grid step (10^0.25 = 1.78)
        val averageStep = sqrt(2 * Math.pow(2.0, -51.0) / (3 * Math.E))
        abs(kotlin.math.log10(forward / averageStep)) shouldBeLessThan 0.25
        out.number("best centered step = ${"%.3e".format(centered)} (error") shouldBeLessThan 1e-10
    }

    test("a correct gradient passes the check and one with a chain-rule bug fails it in its first component") {
        val out = run("GradientCheckDemo")
        out.number("correct gradient: relative error") shouldBeLessThan 1e-9
        out.number("buggy gradient: relative error") shouldBeGreaterThan 1e-2
        out shouldContain "worst component = 0"
        out.number("dsl gradient: relative error") shouldBeLessThan 1e-12
    }

    test("the sigmoid's derivative is at most 1/4, so a sigmoid chain's gradient shrinks by at least 4 per layer") {
        val out = run("VanishingGradient")
        out.number("largest derivative of sigmoid on [-5, 5]") shouldBe (0.25 plusOrMinus 1e-4)
        out.number("largest derivative of tanh on [-5, 5]") shouldBe (1.0 plusOrMinus 1e-3)
        out.number("largest ratio per sigmoid layer") shouldBeLessThanOrEqual 0.25
        out.number("sigmoid chain gradient at depth 30") shouldBeLessThan Math.pow(0.25, 30.0)
        out.number("tanh chain =") shouldBeGreaterThan 1e-2
    }

    test("the Taylor polynomials of exp stay within Lagrange's bound and reach 1e-10 at order 13") {
        val out = run("TaylorApproximation")
        out.number("first order with exp error below 1e-10") shouldBe 13.0
        out shouldContain "every error within the Lagrange bound: true"
        out shouldContain "T_3 of exp at 0: 1 + x + 0.5*x^2 + 0.16666666666666666*x^3"
    }

    test("x^4 - 4x^2 has minima at -sqrt 2 and sqrt 2 and a maximum at 0; x^3 - 3x a maximum at -1, a minimum at 1") {
        val out = run("CriticalPointsDemo")
        val points = Regex("x = ([-+0-9.]+) +f = ([-+0-9.]+) +(\\w+)").findAll(out)
            .map { Triple(it.groupValues[1].toDouble(), it.groupValues[2].toDouble(), it.groupValues[3]) }.toList()
        points.map { it.third } shouldBe listOf("LOCAL_MIN", "LOCAL_MAX", "LOCAL_MIN", "LOCAL_MAX", "LOCAL_MIN", "INFLECTION")
        points.map { it.first }.zip(listOf(-sqrt(2.0), 0.0, sqrt(2.0), -1.0, 1.0, 0.0)).forEach { (found, exact) ->
            found shouldBe (exact plusOrMinus 1e-10)
        }
        points.map { it.second }.take(5).zip(listOf(-4.0, 0.0, -4.0, 2.0, -2.0)).forEach { (found, exact) ->
            found shouldBe (exact plusOrMinus 1e-10)
        }
    }

    test("gradient descent on a quadratic with L = 10 converges below lr = 2 / L and diverges above it") {
        val out = run("StepSizeThreshold")
        val lastConverging = out.number("last converging lr")
        val firstDiverging = out.number("first diverging lr")
        lastConverging shouldBeLessThan 0.2
        firstDiverging shouldBeGreaterThan 0.2
        (firstDiverging - lastConverging) shouldBeLessThanOrEqual 0.0081
        out.number("threshold estimate") shouldBe (0.2 plusOrMinus 0.005)
    }

    test("on (x - 3)^2 + 0.1 sin(5x) both reach the minimum; descent's shrinking steps get there first") {
        val out = run("AdamVersusDescent")
        val xStar = out.number("at x*")
        xStar shouldBe (3.2273616 plusOrMinus 1e-6)
        val gdSteps = out.number("steps to f - f* < 1e-8: gd")
        val adamSteps = out.number(", adam")
        gdSteps shouldBeLessThan adamSteps
        adamSteps shouldBeLessThan 200.0
        out.number("final x: gd") shouldBe (xStar plusOrMinus 1e-8)
    }

    test("gradient descent's fitted rate is (kappa - 1) / (kappa + 1) at its best step, so 1 - rate falls like 1 / kappa") {
        val out = run("ConditionNumberRate")
        out.number("largest deviation from theory") shouldBeLessThan 1e-9
        out.number("slope of log(1 - rate) against log kappa") shouldBe (-1.0 plusOrMinus 0.01)
        val row = out.lines().first { it.startsWith("1000 ") }.split(Regex(" +")).map { it.toDouble() }
        row[3] shouldBe (999.0 / 1001.0 plusOrMinus 1e-6)
    }

    test("on a quadratic with kappa = 100 descent crawls at 0.99 per step while Adam's per-coordinate steps do not") {
        val out = run("IllConditionedAdam")
        val gdSteps = out.number("steps to |x - x*| < 1e-2: gd")
        // lr = 1 / L zeroes y in one step, and x shrinks by 0.99 per step: 0.99^k < 1e-2 from k = 459
        gdSteps shouldBe (kotlin.math.ceil(kotlin.math.ln(1e-2) / kotlin.math.ln(0.99)) plusOrMinus 1.0)
        out.number(", adam") shouldBeLessThan gdSteps / 1.5
        val last = out.lines().first { it.startsWith("1000 ") }.split(Regex(" +")).map { it.toDouble() }
        last[1] shouldBe (Math.pow(0.99, 1000.0) plusOrMinus 1e-7)
        last[2] shouldBeLessThan 1e-15
    }
})

private inline fun withClue(name: String, err: StringWriter, check: () -> Unit) =
    io.kotest.assertions.withClue("$name failed:\n$err") { check() }
