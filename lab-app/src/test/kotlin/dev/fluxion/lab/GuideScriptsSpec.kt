package dev.fluxion.lab

import dev.fluxion.lab.cli.FluxionCommand
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.doubles.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
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
import kotlin.math.exp
import kotlin.math.hypot
import kotlin.math.ln
import kotlin.math.sqrt

/**
 * Every guide script in `examples/scripts/` runs through `fluxion script FILE OUTPUT_FOLDER` (a Java file or a
 * Kotlin script `FILE.lab.kts`), writes its figures, and prints the numbers `docs/guide.md` quotes: the orders of
 * the difference quotients, the best steps, the vanishing gradient's ratio per layer, the step-size threshold
 * 2 / L, and so on. Each test derives the numbers it expects from the mathematics, not from Fluxion.
 */
class GuideScriptsSpec : FunSpec({
    val scripts = exampleScripts
    val eps = Math.ulp(1.0)

    /** The output of the script [name] (`Name` for `Name.java`, or `Name.lab.kts`); it must succeed and write its figures. */
    fun run(name: String): String {
        val folder = temporaryFolder("fluxion-guide")
        val out = StringWriter()
        val err = StringWriter()
        val code = FluxionCommand.commandLine(PrintWriter(out, true), PrintWriter(err, true))
            .execute("script", scripts.resolve(if (name.endsWith(".lab.kts")) name else "$name.java").toString(), folder.toString())
        val text = out.toString()
        withClue(name, err) { code shouldBe 0 }
        val figures = Regex("figure: (.+)").findAll(text).map { Path.of(it.groupValues[1].trim()) }.toList()
        (figures.size >= 1) shouldBe true
        figures.forEach {
            it.parent shouldBe folder
            val svg = it.readText()
            svg shouldStartWith "<svg"
            // a drawn curve: a polyline (the Java scripts' own SVG) or an unfilled, stroked path of several segments
            // (Lets-Plot's; its background is a filled path)
            svg shouldContain Regex("<polyline|<path d=\"M[^\"]*L[^\"]*L[^\"]*\" fill=\"none\"[^>]* stroke=\"rgb")
        }
        return text
    }

    /** The number after `label` (`label = 1.23e-4`, `label 1.23e-4` or `label: 1.23e-4`) in the output. */
    fun String.number(label: String): Double =
        Regex(Regex.escape(label) + "[ =:]+([-+0-9.eE]+)").find(this)?.groupValues?.get(1)?.toDouble()
            ?: error("no number after '$label' in:\n$this")

    test("every script in examples/scripts has a test below") {
        scripts.listDirectoryEntries().map { it.name }.filter { it.endsWith(".java") || it.endsWith(".kts") } shouldContainExactlyInAnyOrder listOf(
            "DerivativeAsLimit.java", "FiniteDifferenceError.java", "GradientCheckDemo.java",
            "VanishingGradient.lab.kts", "TaylorApproximation.lab.kts", "CriticalPointsDemo.lab.kts",
            "StepSizeThreshold.lab.kts", "AdamVersusDescent.java", "ConditionNumberRate.java",
            "IllConditionedAdam.lab.kts", "NaturalGradientGaussian.lab.kts", "GradientClipping.java",
            "BealeTrajectories.lab.kts", "ComposingOptimizers.lab.kts", "QuasiNewton.lab.kts",
            "StochasticGradients.lab.kts", "ResultsAsData.lab.kts",
            "ScriptOptimizer.lab.kts", // run by ScriptExtensionsSpec
            "ScriptObjective.lab.kts", // run by ScriptObjectiveSpec
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
        val out = run("VanishingGradient.lab.kts")
        out.number("largest derivative of sigmoid on [-5, 5]") shouldBe (0.25 plusOrMinus 1e-4)
        out.number("largest derivative of tanh on [-5, 5]") shouldBe (1.0 plusOrMinus 1e-3)
        out.number("largest ratio per sigmoid layer") shouldBeLessThanOrEqual 0.25
        out.number("sigmoid chain gradient at depth 30") shouldBeLessThan Math.pow(0.25, 30.0)
        out.number("tanh chain =") shouldBeGreaterThan 1e-2
    }

    test("the Taylor polynomials of exp stay within Lagrange's bound and reach 1e-10 at order 13") {
        val out = run("TaylorApproximation.lab.kts")
        out.number("first order with exp error below 1e-10") shouldBe 13.0
        out shouldContain "every error within the Lagrange bound: true"
        out shouldContain "T_3 of exp at 0: 1 + x + 0.5*x^2 + 0.16666666666666666*x^3"
    }

    test("x^4 - 4x^2 has minima at -sqrt 2 and sqrt 2 and a maximum at 0; x^3 - 3x a maximum at -1, a minimum at 1") {
        val out = run("CriticalPointsDemo.lab.kts")
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
        val out = run("StepSizeThreshold.lab.kts")
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
        val out = run("IllConditionedAdam.lab.kts")
        val gdSteps = out.number("steps to |x - x*| < 1e-2: gd")
        // lr = 1 / L zeroes y in one step, and x shrinks by 0.99 per step: 0.99^k < 1e-2 from k = 459
        gdSteps shouldBe (kotlin.math.ceil(kotlin.math.ln(1e-2) / kotlin.math.ln(0.99)) plusOrMinus 1.0)
        out.number(", adam") shouldBeLessThan gdSteps / 1.5
        val last = out.lines().first { it.startsWith("1000 ") }.split(Regex(" +")).map { it.toDouble() }
        last[1] shouldBe (Math.pow(0.99, 1000.0) plusOrMinus 1e-7)
        last[2] shouldBeLessThan 1e-15
    }

    test("natural gradient shrinks mu's error by exactly 1 - lr per step and needs fewer steps than descent") {
        val out = run("NaturalGradientGaussian.lab.kts")
        val (m, v) = Regex("m = ([-0-9.]+), v = ([0-9.]+)").find(out)!!.destructured.toList().map { it.toDouble() }
        // 100 samples of N(1, 2^2): the mean is within 4 standard errors (4 * 2 / 10) of 1, the variance near 4
        m shouldBe (1.0 plusOrMinus 0.8)
        v shouldBe (4.0 plusOrMinus 2.0)
        val lr = 0.5
        val mu0 = 1 + 2 * 2.0 // the landscape's start: mean + 2 sd, log sd + 1.5
        val s0 = ln(2.0) + 1.5
        val ratio = out.number("natural gradient's mu error ratio per step: min")
        ratio shouldBe ((1 - lr) plusOrMinus 1e-9)
        out.number(", max") shouldBe ((1 - lr) plusOrMinus 1e-9)
        // descent's mu step is lr (mu - m) / sigma^2, so its first ratio is 1 - lr e^(-2 s0) = 1 - 0.5 / (4 e^3)
        out.number("gd's first mu error ratio") shouldBe (1 - lr * exp(-2 * s0) plusOrMinus 1e-9)

        // Both methods written out from the gradient (mu - m) / sigma^2, 1 - ((mu - m)^2 + v) / sigma^2 and the
        // Fisher metric diag(1 / sigma^2, 2); steps until (mu, s) is within 1e-8 of (m, log(v) / 2)
        fun steps(natural: Boolean): Int {
            var mu = mu0
            var s = s0
            var k = 0
            while (hypot(mu - m, s - ln(v) / 2) >= 1e-8) {
                val gradMu = (mu - m) * exp(-2 * s)
                val gradS = 1 - ((mu - m) * (mu - m) + v) * exp(-2 * s)
                mu -= lr * if (natural) gradMu * exp(2 * s) else gradMu
                s -= lr * if (natural) gradS / 2 else gradS
                k++
            }
            return k
        }
        val naturalSteps = out.number("< 1e-8: natural")
        val gdSteps = out.number(", gd")
        naturalSteps shouldBe (steps(natural = true).toDouble() plusOrMinus 1.0)
        gdSteps shouldBe (steps(natural = false).toDouble() plusOrMinus 1.0)
        // and the bounds behind them: natural gradient halves mu's error, so it needs at least log2(|mu0 - m| / 1e-8)
        // steps; descent's mu error shrinks by at least 1 - lr / v per step while s >= s*
        naturalSteps shouldBeGreaterThan ln(abs(mu0 - m) / 1e-8) / ln(2.0)
        gdSteps shouldBeGreaterThan ln(abs(mu0 - m) / 1e-8) / -ln(1 - lr / v)
        gdSteps shouldBeGreaterThan 4 * naturalSteps
    }

    test("clipping keeps the direction and caps the step at lr * c, where plain descent overshoots without bound") {
        val out = run("GradientClipping")
        // f = r^4 / 4 + r^2 / 2 along the ray from (3, 4): descent maps r to r (1 - lr (1 + r^2)), lr = 0.1
        val radii = generateSequence(5.0) { r -> r * (1 - 0.1 * (1 + r * r)) }.take(5).map { abs(it) }.toList()
        // 5 (1 - 2.6) = -8, -8 (1 - 6.5) = 44, 44 (1 - 193.7) = -8478.8
        radii.take(4).zip(listOf(5.0, 8.0, 44.0, 8478.8)).forEach { (r, exact) -> r shouldBe (exact plusOrMinus 1e-9) }
        val printed = Regex("step (\\d)  r = ([-+0-9.e]+)").findAll(out).map { it.groupValues[2].toDouble() }.toList()
        printed.zip(radii).forEach { (p, r) -> p shouldBe (r plusOrMinus 1e-9 * r) }
        out.number("r above 1e12 (diverged) at step") shouldBe 5.0
        // clipped: ||grad f|| = r^3 + r > 1 while r > 0.6823, and each such step moves 0.1 along the ray: r_k = 5 - k / 10
        val clippedSteps = generateSequence(0) { it + 1 }.first { k -> val r = 5 - k / 10.0; r * r * r + r <= 1 }
        clippedSteps shouldBe 44
        out.number("clipped steps (||grad f|| > 1)") shouldBe clippedSteps.toDouble()
        val (shortest, longest) = Regex("step lengths from ([0-9.]+) to ([0-9.]+)").find(out)!!.destructured
        shortest.toDouble() shouldBe (0.1 plusOrMinus 1e-12) // lr * c
        longest.toDouble() shouldBe (0.1 plusOrMinus 1e-12)
        out.number("largest distance from the line y = 4x/3") shouldBeLessThan 1e-12
        // then plain descent from r = 5 - 4.4 = 0.6: r <- r (1 - 0.1 (1 + r^2)) until r < 1e-8
        var r = 5 - clippedSteps / 10.0
        var steps = clippedSteps
        while (r >= 1e-8) {
            r *= 1 - 0.1 * (1 + r * r)
            steps++
        }
        out.number("steps to r < 1e-8 with clipping") shouldBe (steps.toDouble() plusOrMinus 1.0)
    }

    test("on Beale's function the runs that converge end at (3, 0.5), descent at the rate 1 - lr * lambda_min") {
        val out = run("BealeTrajectories.lab.kts")
        // optimizer  (start x, start y)  (end x, end y)  f(end)  steps or "not reached"
        val rows = Regex("\\(([- 0-9.]+), ([- 0-9.]+)\\) +\\(([- 0-9.]+), ([- 0-9.]+)\\) +(\\S+) +(\\d+|not reached)")
            .findAll(out).map { row -> row.groupValues.drop(1) }.toList()
        rows.size shouldBe 18
        val reached = rows.filter { it[5] != "not reached" }
        reached.forEach { (_, _, x, y, f) ->
            x.trim().toDouble() shouldBe (3.0 plusOrMinus 1e-5)
            y.trim().toDouble() shouldBe (0.5 plusOrMinus 1e-5)
            f.toDouble() shouldBeLessThan 1e-11
        }
        // every optimizer reaches the minimum from the literature's start (1, 1)
        rows.filter { it[0].trim() == "1.0" && it[1].trim() == "1.0" }.map { it[5] }.none { it == "not reached" } shouldBe true
        // Beale is a sum of squared residuals r_i = c_i - x (1 - y^i), all zero at (3, 0.5), so there its Hessian is
        // 2 J^T J with J's rows (-(1 - y^i), i x y^(i-1)) for i = 1, 2, 3
        val jacobian = (1..3).map { i -> doubleArrayOf(-(1 - Math.pow(0.5, i.toDouble())), i * 3 * Math.pow(0.5, i - 1.0)) }
        val a = 2 * jacobian.sumOf { it[0] * it[0] }
        val b = 2 * jacobian.sumOf { it[0] * it[1] }
        val c = 2 * jacobian.sumOf { it[1] * it[1] }
        (a to c) shouldBe (3.15625 to 46.125)
        val lambdaMin = (a + c) / 2 - sqrt((a - c) * (a - c) / 4 + b * b)
        lambdaMin shouldBe (0.3015 plusOrMinus 1e-4)
        out.number("gd from (1, 1): rate per step near the minimum") shouldBe (1 - 0.01 * lambdaMin plusOrMinus 2e-6)
    }

    test("optimizers built from the Kotlin factories print specs that parse back, and adam is its chain of parts") {
        val out = run("ComposingOptimizers.lab.kts")
        Regex("parses back to an equal optimizer: (\\w+)").findAll(out).map { it.groupValues[1] }.toList() shouldBe
            List(4) { "true" }
        out shouldContain "adam(lr = 0.02) and chain(scaleByAdam(), scale(lr = 0.02)) step the same bits: true"
        // the typed value and the text refuse beta1 = 1.5 with one message, the text's with its column
        val typed = Regex("adam\\(beta1 = 1.5\\): (.+)").find(out)!!.groupValues[1]
        val text = Regex("adam\\(beta1=1.5\\): +(.+)").find(out)!!.groupValues[1]
        typed shouldBe "adam: hyperparameter beta1 = 1.5 is out of range; beta1 must be a real number in [0, 1)"
        text shouldBe typed.replace("1.5 is", "1.5 (column 12) is")
        // Adam's first step has m^ = g and v^ = g^2, so each coordinate moves by lr |g| / (|g| + eps) against g; at
        // (-1.2, 1), Rosenbrock's g = (-2 (1 - x) - 400 x (y - x^2), 200 (y - x^2)) = (-215.6, -88)
        val (dx, dy) = Regex("first step on rosenbrock\\(dim=2\\) from \\(-1.2, 1\\): \\(([0-9.]+), ([0-9.]+)\\)").find(out)!!
            .destructured.toList().map { it.toDouble() }
        dx shouldBe (0.02 * 215.6 / (215.6 + 1e-8) plusOrMinus 1e-12)
        dy shouldBe (0.02 * 88 / (88 + 1e-8) plusOrMinus 1e-12)
        // every optimizer comes within 1e-6 of f* on both landscapes within the 3000 steps
        val rows = Regex("(rosenbrock\\(dim=2\\)|beale) +(.+?) {2,}(\\S+) +(\\d+|not reached)").findAll(out).toList()
        rows.size shouldBe 8
        rows.forEach { it.groupValues[4] shouldNotBe "not reached" }
    }

    test("the step a strong Wolfe search accepts meets both conditions; L-BFGS reaches Rosenbrock's minimum in few evaluations") {
        val out = run("QuasiNewton.lab.kts")
        // at (-1.2, 1): f = 100 (1 - 1.44)^2 + 2.2^2 = 24.2 and g = (-215.6, -88), so phi'(0) = -|g|^2 = -54227.36
        out.number("phi(0)") shouldBe (24.2 plusOrMinus 1e-4)
        out.number("phi'(0)") shouldBe (-54227.36 plusOrMinus 1e-3)
        fun rosenbrock(x: Double, y: Double) = 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x)
        fun slope(alpha: Double): Double { // phi'(alpha) = grad f(x0 + alpha d)'d with d = -g = (215.6, 88)
            val x = -1.2 + 215.6 * alpha
            val y = 1 + 88 * alpha
            return (-400 * x * (y - x * x) - 2 * (1 - x)) * 215.6 + 200 * (y - x * x) * 88
        }
        val alpha = out.number("wolfe accepts alpha")
        rosenbrock(-1.2 + 215.6 * alpha, 1 + 88 * alpha) shouldBeLessThanOrEqual 24.2 - 1e-4 * alpha * 54227.36
        abs(slope(alpha)) shouldBeLessThanOrEqual 0.9 * 54227.36
        out shouldContain Regex("after \\d+ evaluations: decrease true, curvature true")
        val rows = Regex("(rosenbrock\\(dim=\\d+\\)) +(gd|newton-tr|newton|lbfgs) +(\\d+|not within \\d+) +(\\d+) +(\\S+)")
            .findAll(out).associate { (it.groupValues[1] + " " + it.groupValues[2]) to it.groupValues.drop(3) }
        rows.size shouldBe 8
        val (lbfgs2Steps, _, lbfgs2Gap) = rows.getValue("rosenbrock(dim=2) lbfgs")
        val (gd2Steps, _, _) = rows.getValue("rosenbrock(dim=2) gd")
        lbfgs2Gap.toDouble() shouldBeLessThan 1e-10
        gd2Steps.toDouble() shouldBeGreaterThan 100.0 * lbfgs2Steps.toDouble()
        rows.getValue("rosenbrock(dim=2) newton")[2].toDouble() shouldBeLessThan 1e-10
        // in 100 variables L-BFGS reaches f* in less than the budget's hundredth of evaluations; plain descent
        // does not get there within the budget; Newton stops at a critical point with f > f* (a second minimum)
        val (lbfgsSteps, lbfgsEvaluations, lbfgsGap) = rows.getValue("rosenbrock(dim=100) lbfgs")
        lbfgsGap.toDouble() shouldBeLessThan 1e-10
        lbfgsEvaluations.toDouble() shouldBeLessThan rows.getValue("rosenbrock(dim=100) newton")[1].toDouble()
        rows.getValue("rosenbrock(dim=100) gd")[0] shouldStartWith "not within"
        rows.getValue("rosenbrock(dim=100) newton")[2].toDouble() shouldBeGreaterThan 1.0
        // the chapter's claim: damped Newton stops near (-1, 1, ..., 1), at a minimum other than x* = (1, ..., 1): its
        // gradient vanishes there and its Hessian is positive definite (the smallest eigenvalue is positive), so it is
        // not a saddle, and f there is about 3.99, near (1 - x_1)^2 = 4 with x_1 = -1
        out.number("newton on rosenbrock(dim=100) ends at x_1") shouldBe (-1.0 plusOrMinus 0.01)
        out.number("max over i >= 2 of |x_i - 1|") shouldBeLessThan 0.01
        out.number("its |grad f|") shouldBeLessThan 1e-6
        out.number("smallest Hessian eigenvalue") shouldBeGreaterThan 0.1
        val endValue = out.number("value f")
        endValue shouldBe ((1 - out.number("newton on rosenbrock(dim=100) ends at x_1")).let { it * it } plusOrMinus 0.05)
        // the trust region keeps Newton's steps out of that basin: it reaches f* in 100 variables too, paying for a
        // Hessian (100 evaluations in the cost model) at nearly every step
        rows.getValue("rosenbrock(dim=100) newton-tr")[2].toDouble() shouldBeLessThan 1e-10
        rows.getValue("rosenbrock(dim=100) newton-tr")[1].toDouble() shouldBeGreaterThan 10 * lbfgsEvaluations.toDouble()
        // a quasi-Newton step mostly takes the unit step, which costs one evaluation
        out.number("evaluations per step") shouldBe (lbfgsEvaluations.toDouble() / lbfgsSteps.toDouble() plusOrMinus 0.01)
        out.number("evaluations per step") shouldBeLessThan 1.5
    }

    test("constant-step SGD's floor: eta tr(S) / 4, so a slope of 2 against the noise level and -1 against the batch") {
        val out = run("StochasticGradients.lab.kts")
        // the prediction, from the data: tr(C) of the per-example logistic gradients -y sigmoid(-y x.w*) x at w*
        val logistic = dev.fluxion.landscapes.LandscapeRegistry.standard()
            .create("logistic-regression(samples=256, features=5, l2=0.01, seed=0)")
        val w = logistic.facts().globalMinimizers().single()
        val x = logistic.data().get().inputs()
        val y = logistic.data().get().targets()
        val g = x.indices.map { i ->
            val margin = y[i] * (0 until 5).sumOf { x[i][it] * w[it] }
            DoubleArray(5) { -y[i] * x[i][it] / (1 + exp(margin)) }
        }
        val mean = DoubleArray(5) { j -> g.sumOf { it[j] } / g.size }
        val traceC = g.sumOf { v -> (0 until 5).sumOf { (v[it] - mean[it]) * (v[it] - mean[it]) } } / g.size
        val eta = 0.1
        out.number("tr(C)") shouldBe (traceC plusOrMinus 1e-6)
        val rows = out.lines().filter { it.matches(Regex("(1|4|16|64) +[0-9].*")) }.map { it.trim().split(Regex(" +")) }
        rows.size shouldBe 4
        for (row in rows) {
            val b = row[0].toDouble()
            val measured = row[1].toDouble()
            val ratio = measured / (eta * traceC / (4 * b))
            io.kotest.assertions.withClue("batch $b: measured $measured") { ratio shouldBe (1.0 plusOrMinus 0.35) }
            row[3].toDouble() shouldBeLessThan measured // shuffled batches' errors cancel within an epoch
        }
        out.number("slope of the floor against the batch size") shouldBe (-1.0 plusOrMinus 0.2)
        // the lab's gradient noise sigma per component: S = sigma^2 I, floor eta d sigma^2 / 4
        val noiseRows = out.lines().filter { it.matches(Regex("0\\.[0-9]+ +[0-9].*")) }.map { it.trim().split(Regex(" +")) }
        noiseRows.size shouldBe 4
        for (row in noiseRows) {
            val sigma = row[0].toDouble()
            val ratio = row[1].toDouble() / (eta * 5 * sigma * sigma / 4)
            io.kotest.assertions.withClue("noise $sigma") { ratio shouldBe (1.0 plusOrMinus 0.6) }
        }
        out.number("slope of the floor against the noise level") shouldBe (2.0 plusOrMinus 0.15)
        out.number("full") shouldBeLessThan 1e-6
    }

    test("a store read into a DataFrame: each group's median final gap and steps are the closed form's") {
        val out = run("ResultsAsData.lab.kts")
        Regex("(\\d+) runs; median").find(out)!!.groupValues[1] shouldBe "54"
        // a 3 x 3 grid over the domain [-5, 5]^2: the cells' centres at -10/3, 0 and 10/3 on each axis
        val centres = (0..2).map { -5 + 10 * (it + 0.5) / 3 }

        /**
         * (steps, final f - f*) of the runs from the nine starts on the quadratic [spec] with eigenvalues [mu] and
         * 10 mu on its axes in order (separable: rotated=false), a new [stepper] each, moving the error e = x - x*.
         */
        fun runs(spec: String, mu: Double, stepper: () -> (DoubleArray, DoubleArray) -> Unit): List<Pair<Double, Double>> {
            val xStar = dev.fluxion.landscapes.LandscapeRegistry.standard().create(spec).facts().globalMinimizers().single()
            val lambdas = doubleArrayOf(mu, 10 * mu)
            fun gap(e: DoubleArray) = (0..1).sumOf { 0.5 * lambdas[it] * e[it] * e[it] }
            return centres.flatMap { b -> centres.map { a -> doubleArrayOf(a - xStar[0], b - xStar[1]) } }.map { e ->
                val step = stepper()
                var k = 0
                // a run ends at the first step where f - f* <= 1e-8, the finest default target, or after 200 steps
                while (k < 200 && gap(e) > 1e-8) {
                    step(e, lambdas)
                    k++
                }
                k.toDouble() to gap(e)
            }
        }

        /** Gradient descent: e <- (1 - lr lambda) e on each axis. */
        fun descent(lr: Double): (DoubleArray, DoubleArray) -> Unit = { e, lambdas -> for (i in 0..1) e[i] -= lr * lambdas[i] * e[i] }

        /** Adam (Kingma and Ba, 2015), beta1 = 0.9, beta2 = 0.999, eps = 1e-8: coordinate by coordinate, as its gradient. */
        fun adam(lr: Double): (DoubleArray, DoubleArray) -> Unit {
            val m = DoubleArray(2)
            val v = DoubleArray(2)
            var t = 0
            return { e, lambdas ->
                t++
                for (i in 0..1) {
                    val g = lambdas[i] * e[i]
                    m[i] = 0.9 * m[i] + 0.1 * g
                    v[i] = 0.999 * v[i] + 0.001 * g * g
                    e[i] -= lr * (m[i] / (1 - Math.pow(0.9, t.toDouble()))) / (sqrt(v[i] / (1 - Math.pow(0.999, t.toDouble()))) + 1e-8)
                }
            }
        }

        fun median(values: List<Double>) = values.sorted()[values.size / 2]
        val rows = Regex("(\\S+\\(lr=([0-9.]+)\\)) +(quadratic\\((mu=([0-9.]+), )?rotated=false\\)) +(\\S+) +(\\S+) +(\\d) of 9")
            .findAll(out).map { it.groupValues.drop(1) }.toList()
        rows.size shouldBe 6
        for (row in rows) {
            val lr = row[1].toDouble()
            val expected = runs(row[2], row[4].ifEmpty { "1" }.toDouble()) { if (row[0].startsWith("gd")) descent(lr) else adam(lr) }
            io.kotest.assertions.withClue(row.joinToString(" ")) {
                val gap = median(expected.map { it.second })
                row[5].toDouble() shouldBe (gap plusOrMinus 1e-6 * gap)
                row[6].toDouble() shouldBe median(expected.map { it.first })
                row[7].toInt() shouldBe expected.count { it.second <= 1e-8 }
            }
        }
        // the traces' frame: from start 0, (-10/3, -10/3), gd(lr=0.08) on eigenvalues 1 and 10 after 50 steps
        val xStar = dev.fluxion.landscapes.LandscapeRegistry.standard().create("quadratic(rotated=false)")
            .facts().globalMinimizers().single()
        val at50 = listOf(1.0, 10.0).withIndex().sumOf { (i, lambda) ->
            0.5 * lambda * Math.pow(1 - 0.08 * lambda, 100.0) * (-10.0 / 3 - xStar[i]) * (-10.0 / 3 - xStar[i])
        }
        out.number("f - f* at step 50") shouldBe (at50 plusOrMinus 1e-12 * at50)
    }
})

private inline fun withClue(name: String, err: StringWriter, check: () -> Unit) =
    io.kotest.assertions.withClue("$name failed:\n$err") { check() }
