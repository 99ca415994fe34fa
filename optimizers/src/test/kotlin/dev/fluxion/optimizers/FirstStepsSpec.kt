package dev.fluxion.optimizers

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import kotlin.math.exp
import kotlin.math.max
import kotlin.math.sqrt

/**
 * Each rule's first three steps on f(x) = x^2 (g = 2x) from x = 1, against the rule's formula worked by hand,
 * for every formulation option. Where a hand value is not a short decimal, the arithmetic is written out.
 */
class FirstStepsSpec : FunSpec({
    val tolerance = 1e-12

    fun List<Double>.shouldMatch(vararg expected: Double) {
        size shouldBe expected.size
        forEachIndexed { k, x -> x shouldBe (expected[k] plusOrMinus tolerance) }
    }

    // lr_t = 0.1, 0.05, 0.025: a changing rate is what separates "lr inside" from "lr outside" the buffer
    val halving = "step(init=0.1, factor=0.5, every=1)"

    test("gradient descent: x <- x - 0.1 * 2x") {
        // 1 - 0.2 = 0.8; 0.8 - 0.16 = 0.64; 0.64 - 0.128 = 0.512
        firstThree("gd(lr=0.1)").shouldMatch(0.8, 0.64, 0.512)
    }

    test("heavy ball, lr inside the buffer (Polyak): v <- 0.5 v - lr_t g, x <- x + v") {
        // v1 = -0.1*2 = -0.2, x1 = 0.8; g1 = 1.6, v2 = -0.1 - 0.05*1.6 = -0.18, x2 = 0.62;
        // g2 = 1.24, v3 = -0.09 - 0.025*1.24 = -0.121, x3 = 0.499
        firstThree("momentum(lr=$halving, momentum=0.5, lrInBuffer=true)").shouldMatch(0.8, 0.62, 0.499)
    }

    test("heavy ball, lr outside the buffer (PyTorch): b <- 0.5 b + g, x <- x - lr_t b") {
        // b1 = 2, x1 = 1 - 0.1*2 = 0.8; b2 = 1 + 1.6 = 2.6, x2 = 0.8 - 0.05*2.6 = 0.67;
        // g2 = 1.34, b3 = 1.3 + 1.34 = 2.64, x3 = 0.67 - 0.025*2.64 = 0.604
        firstThree("momentum(lr=$halving, momentum=0.5, lrInBuffer=false)").shouldMatch(0.8, 0.67, 0.604)
    }

    test("heavy ball with a constant rate: both placements give the same iterates") {
        // v1 = -0.2, x1 = 0.8; v2 = -0.1 - 0.16 = -0.26, x2 = 0.54; v3 = -0.13 - 0.108 = -0.238, x3 = 0.302
        firstThree("momentum(lr=0.1, momentum=0.5, lrInBuffer=true)").shouldMatch(0.8, 0.54, 0.302)
        firstThree("momentum(lr=0.1, momentum=0.5, lrInBuffer=false)").shouldMatch(0.8, 0.54, 0.302)
    }

    test("Nesterov, lr inside (Sutskever): v' = 0.5 v - lr_t g, x <- x + 0.5 v' - lr_t g") {
        // v1 = -0.2, u = -0.1 - 0.2 = -0.3, x1 = 0.7; g1 = 1.4, v2 = -0.1 - 0.07 = -0.17, u = -0.085 - 0.07,
        // x2 = 0.545; g2 = 1.09, v3 = -0.085 - 0.02725 = -0.11225, u = -0.056125 - 0.02725, x3 = 0.461625
        firstThree("nesterov(lr=$halving, momentum=0.5, lrInBuffer=true)").shouldMatch(0.7, 0.545, 0.461625)
    }

    test("Nesterov, lr outside (PyTorch): b' = 0.5 b + g, x <- x - lr_t (g + 0.5 b')") {
        // b1 = 2, x1 = 1 - 0.1*(2 + 1) = 0.7; g1 = 1.4, b2 = 2.4, x2 = 0.7 - 0.05*(1.4 + 1.2) = 0.57;
        // g2 = 1.14, b3 = 1.2 + 1.14 = 2.34, x3 = 0.57 - 0.025*(1.14 + 1.17) = 0.51225
        firstThree("nesterov(lr=$halving, momentum=0.5, lrInBuffer=false)").shouldMatch(0.7, 0.57, 0.51225)
    }

    // Adam family with beta1 = beta2 = 0.5 and a large eps = 0.1, so that every option shows
    val adamish = "lr=0.1, beta1=0.5, beta2=0.5, eps=0.1"

    test("Adam, eps outside the root (Kingma and Ba)") {
        // t=1: g=2, m=1, v=2, mHat = 1/0.5 = 2, vHat = 2/0.5 = 4
        val x1 = 1 - 0.1 * 2 / (sqrt(4.0) + 0.1)
        // t=2: m = 0.5 + 0.5 g, v = 1 + 0.5 g^2, corrections 1 - 0.25 = 0.75
        val g1 = 2 * x1
        val m2 = 0.5 * 1 + 0.5 * g1
        val v2 = 0.5 * 2 + 0.5 * g1 * g1
        val x2 = x1 - 0.1 * (m2 / 0.75) / (sqrt(v2 / 0.75) + 0.1)
        // t=3: corrections 1 - 0.125 = 0.875
        val g2 = 2 * x2
        val m3 = 0.5 * m2 + 0.5 * g2
        val v3 = 0.5 * v2 + 0.5 * g2 * g2
        val x3 = x2 - 0.1 * (m3 / 0.875) / (sqrt(v3 / 0.875) + 0.1)
        firstThree("adam($adamish)").shouldMatch(x1, x2, x3)
    }

    test("Adam, eps inside the root") {
        val x1 = 1 - 0.1 * 2 / sqrt(4.0 + 0.1)
        val g1 = 2 * x1
        val m2 = 0.5 + 0.5 * g1
        val v2 = 1 + 0.5 * g1 * g1
        val x2 = x1 - 0.1 * (m2 / 0.75) / sqrt(v2 / 0.75 + 0.1)
        val g2 = 2 * x2
        val m3 = 0.5 * m2 + 0.5 * g2
        val v3 = 0.5 * v2 + 0.5 * g2 * g2
        val x3 = x2 - 0.1 * (m3 / 0.875) / sqrt(v3 / 0.875 + 0.1)
        firstThree("adam($adamish, epsInsideSqrt=true)").shouldMatch(x1, x2, x3)
    }

    test("Adam without bias correction") {
        // t=1: m = 1, v = 2, no division
        val x1 = 1 - 0.1 * 1 / (sqrt(2.0) + 0.1)
        val g1 = 2 * x1
        val m2 = 0.5 + 0.5 * g1
        val v2 = 1 + 0.5 * g1 * g1
        val x2 = x1 - 0.1 * m2 / (sqrt(v2) + 0.1)
        val g2 = 2 * x2
        val m3 = 0.5 * m2 + 0.5 * g2
        val v3 = 0.5 * v2 + 0.5 * g2 * g2
        val x3 = x2 - 0.1 * m3 / (sqrt(v3) + 0.1)
        firstThree("adam($adamish, biasCorrection=false)").shouldMatch(x1, x2, x3)
    }

    test("AdamW: x <- x - lr (adam direction + 0.5 x)") {
        val x1 = 1 - 0.1 * (2 / (sqrt(4.0) + 0.1) + 0.5 * 1)
        val g1 = 2 * x1
        val m2 = 0.5 + 0.5 * g1
        val v2 = 1 + 0.5 * g1 * g1
        val x2 = x1 - 0.1 * ((m2 / 0.75) / (sqrt(v2 / 0.75) + 0.1) + 0.5 * x1)
        val g2 = 2 * x2
        val m3 = 0.5 * m2 + 0.5 * g2
        val v3 = 0.5 * v2 + 0.5 * g2 * g2
        val x3 = x2 - 0.1 * ((m3 / 0.875) / (sqrt(v3 / 0.875) + 0.1) + 0.5 * x2)
        firstThree("adamw($adamish, weightDecay=0.5)").shouldMatch(x1, x2, x3)
    }

    // AMSGrad on a gradient that shrinks fast (lr = 0.4), so v falls and its running maximum matters
    val ams = "lr=0.4, beta1=0.5, beta2=0.5, eps=0.1"

    test("AMSGrad, maximum over raw second moments (Reddi et al.; PyTorch)") {
        // t=1: m=1, v=2, vMax=2, vHat = 2/0.5 = 4
        val x1 = 1 - 0.4 * 2 / (sqrt(4.0) + 0.1)
        val g1 = 2 * x1
        val m2 = 0.5 + 0.5 * g1
        val v2 = 1 + 0.5 * g1 * g1
        val vMax2 = max(2.0, v2)
        val x2 = x1 - 0.4 * (m2 / 0.75) / (sqrt(vMax2 / 0.75) + 0.1)
        val g2 = 2 * x2
        val m3 = 0.5 * m2 + 0.5 * g2
        val v3 = 0.5 * v2 + 0.5 * g2 * g2
        val vMax3 = max(vMax2, v3)
        val x3 = x2 - 0.4 * (m3 / 0.875) / (sqrt(vMax3 / 0.875) + 0.1)
        vMax2 shouldBe 2.0  // the raw v fell from 2 to v2 < 2: the maximum held
        firstThree("amsgrad($ams)").shouldMatch(x1, x2, x3)
    }

    test("AMSGrad, maximum over bias-corrected second moments (optax)") {
        // t=1: vMax = 2/0.5 = 4
        val x1 = 1 - 0.4 * 2 / (sqrt(4.0) + 0.1)
        val g1 = 2 * x1
        val m2 = 0.5 + 0.5 * g1
        val v2 = 1 + 0.5 * g1 * g1
        val vMax2 = max(4.0, v2 / 0.75)
        val x2 = x1 - 0.4 * (m2 / 0.75) / (sqrt(vMax2) + 0.1)
        val g2 = 2 * x2
        val m3 = 0.5 * m2 + 0.5 * g2
        val v3 = 0.5 * v2 + 0.5 * g2 * g2
        val vMax3 = max(vMax2, v3 / 0.875)
        val x3 = x2 - 0.4 * (m3 / 0.875) / (sqrt(vMax3) + 0.1)
        firstThree("amsgrad($ams, maxOfCorrected=true)").shouldMatch(x1, x2, x3)
        firstThree("amsgrad($ams, maxOfCorrected=true, epsInsideSqrt=true)")[0] shouldBe
            (1 - 0.4 * 2 / sqrt(4.0 + 0.1) plusOrMinus tolerance)
    }

    // RMSProp with rho = 0.5, eps = 0.1, lr = 0.1
    test("RMSProp, eps inside the root (Graves; TensorFlow): x <- x - lr g / sqrt(s + eps)") {
        // s1 = 0.5*4 = 2
        val x1 = 1 - 0.1 * 2 / sqrt(2 + 0.1)
        val g1 = 2 * x1
        val s2 = 0.5 * 2 + 0.5 * g1 * g1
        val x2 = x1 - 0.1 * g1 / sqrt(s2 + 0.1)
        val g2 = 2 * x2
        val s3 = 0.5 * s2 + 0.5 * g2 * g2
        val x3 = x2 - 0.1 * g2 / sqrt(s3 + 0.1)
        firstThree("rmsprop(lr=0.1, decay=0.5, eps=0.1)").shouldMatch(x1, x2, x3)
    }

    test("RMSProp, eps outside the root (PyTorch), accumulator starting at 1 (TensorFlow 1)") {
        // s1 = 0.5*1 + 0.5*4 = 2.5
        val x1 = 1 - 0.1 * 2 / (sqrt(2.5) + 0.1)
        val g1 = 2 * x1
        val s2 = 0.5 * 2.5 + 0.5 * g1 * g1
        val x2 = x1 - 0.1 * g1 / (sqrt(s2) + 0.1)
        val g2 = 2 * x2
        val s3 = 0.5 * s2 + 0.5 * g2 * g2
        val x3 = x2 - 0.1 * g2 / (sqrt(s3) + 0.1)
        firstThree("rmsprop(lr=0.1, decay=0.5, eps=0.1, epsInsideSqrt=false, initialAccumulator=1)")
            .shouldMatch(x1, x2, x3)
    }

    test("RMSProp centered (Graves): divide by sqrt(s - a^2 + eps)") {
        // s1 = 2, a1 = 0.5*2 = 1, s1 - a1^2 = 1
        val x1 = 1 - 0.1 * 2 / sqrt(1 + 0.1)
        val g1 = 2 * x1
        val s2 = 0.5 * 2 + 0.5 * g1 * g1
        val a2 = 0.5 * 1 + 0.5 * g1
        val x2 = x1 - 0.1 * g1 / sqrt(s2 - a2 * a2 + 0.1)
        val g2 = 2 * x2
        val s3 = 0.5 * s2 + 0.5 * g2 * g2
        val a3 = 0.5 * a2 + 0.5 * g2
        val x3 = x2 - 0.1 * g2 / sqrt(s3 - a3 * a3 + 0.1)
        firstThree("rmsprop(lr=0.1, decay=0.5, eps=0.1, centered=true)").shouldMatch(x1, x2, x3)
    }

    test("Adagrad, eps outside the root (Duchi et al.): G <- G + g^2, x <- x - lr g / (sqrt(G) + eps)") {
        // G1 = 4: x1 = 1 - 0.5*2/(2 + 0.1)
        val x1 = 1 - 0.5 * 2 / (2 + 0.1)
        val g1 = 2 * x1
        val sum2 = 4 + g1 * g1
        val x2 = x1 - 0.5 * g1 / (sqrt(sum2) + 0.1)
        val g2 = 2 * x2
        val sum3 = sum2 + g2 * g2
        val x3 = x2 - 0.5 * g2 / (sqrt(sum3) + 0.1)
        firstThree("adagrad(lr=0.5, eps=0.1)").shouldMatch(x1, x2, x3)
    }

    test("Adagrad, eps inside the root, accumulator starting at 0.1 (TensorFlow)") {
        val x1 = 1 - 0.5 * 2 / sqrt(0.1 + 4 + 0.1)
        val g1 = 2 * x1
        val sum2 = 4.1 + g1 * g1
        val x2 = x1 - 0.5 * g1 / sqrt(sum2 + 0.1)
        val g2 = 2 * x2
        val sum3 = sum2 + g2 * g2
        val x3 = x2 - 0.5 * g2 / sqrt(sum3 + 0.1)
        firstThree("adagrad(lr=0.5, eps=0.1, epsInsideSqrt=true, initialAccumulator=0.1)").shouldMatch(x1, x2, x3)
    }

    test("clip by value, then gradient descent: x <- x - 0.1 clamp(2x, -1, 1)") {
        // g = 2, 1.8, 1.6 all clamp to 1: 0.9, 0.8, 0.7
        firstThree("chain(clipValue(value=1), gd(lr=0.1))").shouldMatch(0.9, 0.8, 0.7)
    }

    test("clip by global norm, then gradient descent: x <- x - 0.1 min(1, 1.5/|g|) g") {
        // |g| = 2 > 1.5 -> 1.5, x1 = 0.85; |g| = 1.7 -> 1.5, x2 = 0.7; |g| = 1.4 stays, x3 = 0.7 - 0.14 = 0.56
        firstThree("chain(clip(norm=1.5), gd(lr=0.1))").shouldMatch(0.85, 0.7, 0.56)
    }

    test("weight decay before the rule is L2: x <- x - 0.1 (2x + 0.5 x) = 0.75 x") {
        firstThree("chain(weightDecay(rate=0.5), gd(lr=0.1))").shouldMatch(0.75, 0.5625, 0.421875)
    }

    test("Newton on an indefinite quadratic f = x^2 - y^2 from (1, 1), g = (2x, -2y), H = diag(2, -2)") {
        val saddle = dev.fluxion.dsl.expr.Expr.parse("x^2 - y^2").compile("x", "y")
        // shift with beta = 1: min H_ii = -2, tau = 1 + 2 = 3, H + 3I = diag(5, 1) is positive definite:
        // d = (2x/5, -2y), x <- x - d: (0.6, 3), (0.36, 9), (0.216, 27)
        val shifted = trajectory("newton(lr=1, indefinite=shift, minShift=1)", saddle, 1.0, 1.0)
        listOf(shifted.map { it[0] }, shifted.map { it[1] }).flatten()
            .shouldMatch(0.6, 0.36, 0.216, 3.0, 9.0, 27.0)
        // abs: |H| = diag(2, 2), d = (x, -y): (0, 2), (0, 4), (0, 8): saddle-free Newton flees the saddle
        val absolute = trajectory("newton(lr=1, indefinite=abs)", saddle, 1.0, 1.0)
        listOf(absolute.map { it[0] }, absolute.map { it[1] }).flatten()
            .shouldMatch(0.0, 0.0, 0.0, 2.0, 4.0, 8.0)
        // damped, positive definite: f = x^2 + 10 y^2 from (1, 1), half steps halve the point: 0.5, 0.25, 0.125
        val bowl = dev.fluxion.dsl.expr.Expr.parse("x^2 + 10*y^2").compile("x", "y")
        trajectory("newton(lr=0.5, indefinite=fail)", bowl, 1.0, 1.0).map { it[1] }.shouldMatch(0.5, 0.25, 0.125)
    }

    test("natural gradient on the Gaussian likelihood: Fisher diag(exp(-2s), 2), lr = 0.5, from (0, 0)") {
        // grad = ((mu - 1) e^(-2s), 1 - ((mu - 1)^2 + 4) e^(-2s)); natural step: mu <- mu - 0.5 (mu - 1),
        // s <- s - 0.5 (1 - ((mu - 1)^2 + 4) e^(-2s)) / 2
        val s1 = 0 - 0.25 * (1 - (1 + 4) * 1.0)          // = 1
        val s2 = s1 - 0.25 * (1 - (0.25 + 4) * exp(-2 * s1))
        val s3 = s2 - 0.25 * (1 - (0.0625 + 4) * exp(-2 * s2))
        val steps = trajectory("natural(lr=0.5)", GaussianLikelihood(), 0.0, 0.0)
        steps.map { it[0] }.shouldMatch(0.5, 0.75, 0.875)
        steps.map { it[1] }.shouldMatch(s1, s2, s3)
        // fallback=identity on an objective without a metric is plain gradient descent
        firstThree("natural(lr=0.1, fallback=identity)").shouldMatch(0.8, 0.64, 0.512)
        // fallback=hessian: H = 2, so one step of lr 0.5 halves x: 0.5, 0.25, 0.125
        firstThree("natural(lr=0.5, fallback=hessian)").shouldMatch(0.5, 0.25, 0.125)
    }
})
