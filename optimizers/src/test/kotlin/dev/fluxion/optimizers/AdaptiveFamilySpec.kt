package dev.fluxion.optimizers

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import kotlin.math.abs
import kotlin.math.max
import kotlin.math.pow
import kotlin.math.sqrt

/**
 * NAdam, RAdam, Adamax, AdaBelief and Yogi: each one's first steps on f(x) = x^2 (g = 2x) from x = 1, against the
 * published update worked by hand with plain doubles, for every formulation option, and their defaults against the
 * peers' published ones. Large decays and eps (0.5, 0.1) make every option show within three steps.
 */
class AdaptiveFamilySpec : FunSpec({
    val tolerance = 1e-12

    fun List<Double>.shouldMatch(vararg expected: Double) {
        size shouldBe expected.size
        forEachIndexed { k, x -> x shouldBe (expected[k] plusOrMinus tolerance) }
    }

    val moments = "lr=0.1, beta1=0.5, beta2=0.5, eps=0.1"

    test("NAdam, Dozat's momentum schedule (PyTorch): mu_t = beta1 (1 - 0.5 * 0.96^(t psi)), psi = 1") {
        // mu_1 = 0.5 (1 - 0.48) = 0.26, mu_2 = 0.5 (1 - 0.4608) = 0.2696, mu_3 = 0.5 (1 - 0.442368) = 0.278816,
        // mu_4 = 0.5 (1 - 0.42467328) = 0.28766336; P_t = mu_1 ... mu_t
        val mu = doubleArrayOf(0.0, 0.26, 0.2696, 0.278816, 0.28766336)
        // x <- x - lr [ (1 - mu_t)/(1 - P_t) g + mu_{t+1}/(1 - P_t mu_{t+1}) m ] / (sqrt(v / (1 - 0.5^t)) + eps)
        // t=1: m = 1, v = 2, sqrt(2/0.5) + 0.1 = 2.1; (1 - mu_1)/(1 - P_1) = 1
        val p1 = 0.26
        val x1 = 1 - 0.1 * (1.0 * 2 + mu[2] / (1 - p1 * mu[2]) * 1) / 2.1
        val g1 = 2 * x1
        val m2 = 0.5 * 1 + 0.5 * g1
        val v2 = 0.5 * 2 + 0.5 * g1 * g1
        val p2 = p1 * mu[2]
        val x2 = x1 - 0.1 * ((1 - mu[2]) / (1 - p2) * g1 + mu[3] / (1 - p2 * mu[3]) * m2) / (sqrt(v2 / 0.75) + 0.1)
        val g2 = 2 * x2
        val m3 = 0.5 * m2 + 0.5 * g2
        val v3 = 0.5 * v2 + 0.5 * g2 * g2
        val p3 = p2 * mu[3]
        val x3 = x2 - 0.1 * ((1 - mu[3]) / (1 - p3) * g2 + mu[4] / (1 - p3 * mu[4]) * m3) / (sqrt(v3 / 0.875) + 0.1)
        firstThree("nadam($moments, momentumDecay=1)").shouldMatch(x1, x2, x3)
    }

    test("NAdam, constant beta1 (optax): mHat = beta1 m / (1 - beta1^(t+1)) + (1 - beta1) g / (1 - beta1^t)") {
        // t=1: m = 1, v = 2: mHat = 0.5/0.75 + 0.5*2/0.5
        val x1 = 1 - 0.1 * (0.5 * 1 / 0.75 + 0.5 * 2 / 0.5) / (sqrt(2 / 0.5) + 0.1)
        val g1 = 2 * x1
        val m2 = 0.5 + 0.5 * g1
        val v2 = 1 + 0.5 * g1 * g1
        val x2 = x1 - 0.1 * (0.5 * m2 / 0.875 + 0.5 * g1 / 0.75) / (sqrt(v2 / 0.75) + 0.1)
        val g2 = 2 * x2
        val m3 = 0.5 * m2 + 0.5 * g2
        val v3 = 0.5 * v2 + 0.5 * g2 * g2
        val x3 = x2 - 0.1 * (0.5 * m3 / 0.9375 + 0.5 * g2 / 0.875) / (sqrt(v3 / 0.875) + 0.1)
        firstThree("nadam($moments, momentumSchedule=false)").shouldMatch(x1, x2, x3)
        // psi belongs to the schedule alone
        firstThree("nadam($moments, momentumSchedule=false, momentumDecay=3)").shouldMatch(x1, x2, x3)
    }

    /**
     * RAdam by Liu et al.'s rule with beta1 = 0.5, beta2 = 0.999, eps = 0.1, lr = 0.1, for seven steps: the
     * rectified step needs rho_t > threshold, and rho_t <= t.
     */
    fun radam(threshold: Double, epsOnRawRoot: Boolean): List<Double> {
        val rhoInf = 2 / (1 - 0.999) - 1
        var x = 1.0
        var m = 0.0
        var v = 0.0
        return (1..7).map { t ->
            val g = 2 * x
            m = 0.5 * m + 0.5 * g
            v = 0.999 * v + 0.001 * g * g
            val mHat = m / (1 - 0.5.pow(t))
            val b2t = 0.999.pow(t)
            val rho = rhoInf - 2 * t * b2t / (1 - b2t)
            val step = if (rho > threshold) {
                val r = sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho))
                if (epsOnRawRoot) r * mHat * sqrt(1 - b2t) / (sqrt(v) + 0.1) else r * mHat / (sqrt(v / (1 - b2t)) + 0.1)
            } else mHat
            x -= 0.1 * step
            x
        }
    }

    test("RAdam: momentum alone while rho_t <= threshold, then the rectified step (PyTorch, optax, the paper)") {
        // rho_inf = 1999; rho_t = 1999 - 2 t 0.999^t / (1 - 0.999^t): rho_1 = 1, rho_5 = 4.996, rho_6 = 5.994
        val rho = { t: Int -> 1999 - 2 * t * 0.999.pow(t) / (1 - 0.999.pow(t)) }
        rho(1) shouldBe (1.0 plusOrMinus 1e-9)
        rho(5) shouldBeGreaterThan 4.0
        rho(5) shouldBeLessThan 5.0
        rho(6) shouldBeGreaterThan 5.0
        // the first three steps are momentum with Adam's correction: x <- x - 0.1 m / (1 - 0.5^t)
        val x1 = 1 - 0.1 * 1 / 0.5                         // m1 = 1
        val m2 = 0.5 * 1 + 0.5 * 2 * x1
        val x2 = x1 - 0.1 * m2 / 0.75
        val m3 = 0.5 * m2 + 0.5 * 2 * x2
        val x3 = x2 - 0.1 * m3 / 0.875
        val spec = "radam(lr=0.1, beta1=0.5, beta2=0.999, eps=0.1"
        for (options in listOf("", ", epsOnRawRoot=false", ", threshold=4")) {
            firstThree("$spec$options)").shouldMatch(x1, x2, x3)
        }
        val pytorch = trajectory("$spec)", square, 1.0, steps = 7).map { it[0] }
        val optax = trajectory("$spec, epsOnRawRoot=false)", square, 1.0, steps = 7).map { it[0] }
        val paper = trajectory("$spec, threshold=4)", square, 1.0, steps = 7).map { it[0] }
        pytorch.shouldMatch(*radam(5.0, epsOnRawRoot = true).toDoubleArray())
        optax.shouldMatch(*radam(5.0, epsOnRawRoot = false).toDoubleArray())
        paper.shouldMatch(*radam(4.0, epsOnRawRoot = true).toDoubleArray())
        // threshold 4 rectifies from step 5, threshold 5 from step 6, where the two eps forms part
        paper[4] shouldNotBe pytorch[4]
        pytorch[4] shouldBe optax[4]
        pytorch[5] shouldNotBe optax[5]
    }

    // Adamax with beta2 = 0.9 and lr = 0.4: the gradient falls fast, so the decayed u wins the maximum
    val adamax = "lr=0.4, beta1=0.5, beta2=0.9, eps=0.1"

    test("Adamax, eps inside the maximum (PyTorch, optax): u <- max(beta2 u, |g| + eps), x <- x - lr mHat / u") {
        // t=1: m = 1, mHat = 2, u = 2.1
        val x1 = 1 - 0.4 * 2 / 2.1
        val g1 = 2 * x1
        val m2 = 0.5 + 0.5 * g1
        val u2 = max(0.9 * 2.1, abs(g1) + 0.1)
        val x2 = x1 - 0.4 * (m2 / 0.75) / u2
        val g2 = 2 * x2
        val m3 = 0.5 * m2 + 0.5 * g2
        val u3 = max(0.9 * u2, abs(g2) + 0.1)
        val x3 = x2 - 0.4 * (m3 / 0.875) / u3
        u2 shouldBe 0.9 * 2.1   // |g1| + eps = 1.338 < 1.89: the decayed maximum held
        firstThree("adamax($adamax)").shouldMatch(x1, x2, x3)
    }

    test("Adamax, eps in the denominator (Keras): u <- max(beta2 u, |g|), x <- x - lr mHat / (u + eps)") {
        val x1 = 1 - 0.4 * 2 / (2 + 0.1)
        val g1 = 2 * x1
        val m2 = 0.5 + 0.5 * g1
        val u2 = max(0.9 * 2, abs(g1))
        val x2 = x1 - 0.4 * (m2 / 0.75) / (u2 + 0.1)
        val g2 = 2 * x2
        val m3 = 0.5 * m2 + 0.5 * g2
        val u3 = max(0.9 * u2, abs(g2))
        val x3 = x2 - 0.4 * (m3 / 0.875) / (u3 + 0.1)
        firstThree("adamax($adamax, epsInsideMax=false)").shouldMatch(x1, x2, x3)
    }

    test("AdaBelief: s <- beta2 s + (1 - beta2)(g - m)^2 + epsRoot, x <- x - lr mHat / (sqrt(sHat) + eps)") {
        fun firstThreeByHand(epsRoot: Double): DoubleArray {
            // t=1: m = 1, s = 0.5 (2 - 1)^2 + epsRoot
            val s1 = 0.5 * 1.0 + epsRoot
            val x1 = 1 - 0.1 * (1 / 0.5) / (sqrt(s1 / 0.5) + 0.1)
            val g1 = 2 * x1
            val m2 = 0.5 + 0.5 * g1
            val s2 = 0.5 * s1 + 0.5 * (g1 - m2) * (g1 - m2) + epsRoot
            val x2 = x1 - 0.1 * (m2 / 0.75) / (sqrt(s2 / 0.75) + 0.1)
            val g2 = 2 * x2
            val m3 = 0.5 * m2 + 0.5 * g2
            val s3 = 0.5 * s2 + 0.5 * (g2 - m3) * (g2 - m3) + epsRoot
            val x3 = x2 - 0.1 * (m3 / 0.875) / (sqrt(s3 / 0.875) + 0.1)
            return doubleArrayOf(x1, x2, x3)
        }
        // the paper and the authors' code: one eps in both places
        firstThree("adabelief($moments, epsRoot=0.1)").shouldMatch(*firstThreeByHand(0.1))
        // optax: eps_root apart from eps
        firstThree("adabelief($moments, epsRoot=0.02)").shouldMatch(*firstThreeByHand(0.02))
    }

    // Yogi with lr = 0.4 and v0 = 1: the gradient's square falls below v at the second step, so v moves down
    val yogi = "lr=0.4, beta1=0.5, beta2=0.5, eps=0.1, initialAccumulator=1"

    test("Yogi as optax has it: m and v start at v0, both bias-corrected") {
        // t=1: g^2 = 4 > v0: v = 1 + 0.5*4 = 3; m = 0.5*1 + 0.5*2 = 1.5; mHat = 3, vHat = 6
        val x1 = 1 - 0.4 * 3 / (sqrt(6.0) + 0.1)
        val g1 = 2 * x1
        val m2 = 0.5 * 1.5 + 0.5 * g1
        val v2 = 3 - 0.5 * g1 * g1       // g1^2 = 1.12 < 3: sign(v - g^2) = +1
        val x2 = x1 - 0.4 * (m2 / 0.75) / (sqrt(v2 / 0.75) + 0.1)
        val g2 = 2 * x2
        val m3 = 0.5 * m2 + 0.5 * g2
        val v3 = v2 - 0.5 * (if (v2 > g2 * g2) 1 else -1) * g2 * g2
        val x3 = x2 - 0.4 * (m3 / 0.875) / (sqrt(v3 / 0.875) + 0.1)
        (g1 * g1) shouldBeLessThan 3.0
        firstThree("yogi($yogi, initialMomentum=1)").shouldMatch(x1, x2, x3)
    }

    test("Yogi as the paper's Algorithm 2 has it: m starts at 0, no bias correction") {
        // t=1: v = 3, m = 1
        val x1 = 1 - 0.4 * 1 / (sqrt(3.0) + 0.1)
        val g1 = 2 * x1
        val m2 = 0.5 + 0.5 * g1
        val v2 = 3 - 0.5 * (if (3 > g1 * g1) 1 else -1) * g1 * g1
        val x2 = x1 - 0.4 * m2 / (sqrt(v2) + 0.1)
        val g2 = 2 * x2
        val m3 = 0.5 * m2 + 0.5 * g2
        val v3 = v2 - 0.5 * (if (v2 > g2 * g2) 1 else -1) * g2 * g2
        val x3 = x2 - 0.4 * m3 / (sqrt(v3) + 0.1)
        firstThree("yogi($yogi, initialMomentum=0, biasCorrection=false)").shouldMatch(x1, x2, x3)
    }

    test("the defaults are the peers' published ones") {
        Optimizers.nadam().spec() shouldBe
            "nadam(lr=0.002, beta1=0.9, beta2=0.999, eps=1.0E-8, momentumDecay=0.004, momentumSchedule=true)"
        Optimizers.radam().spec() shouldBe
            "radam(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8, threshold=5.0, epsOnRawRoot=true)"
        Optimizers.adamax().spec() shouldBe
            "adamax(lr=0.002, beta1=0.9, beta2=0.999, eps=1.0E-8, epsInsideMax=true)"
        Optimizers.adabelief().spec() shouldBe
            "adabelief(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-16, epsRoot=1.0E-16)"
        Optimizers.yogi().spec() shouldBe "yogi(lr=0.01, beta1=0.9, beta2=0.999, eps=0.001," +
            " initialAccumulator=1.0E-6, initialMomentum=1.0E-6, biasCorrection=true)"
    }

    test("each is the chain of its direction and the learning rate") {
        Optimizers.nadam().chain() shouldBe Optimizers.chain(Optimizers.scaleByNadam(), Optimizers.scale().lr(0.002))
        Optimizers.radam().chain() shouldBe Optimizers.chain(Optimizers.scaleByRadam(), Optimizers.scale().lr(0.001))
        Optimizers.adamax().chain() shouldBe Optimizers.chain(Optimizers.scaleByAdamax(), Optimizers.scale().lr(0.002))
        Optimizers.adabelief().chain() shouldBe
            Optimizers.chain(Optimizers.scaleByAdaBelief(), Optimizers.scale().lr(0.001))
        Optimizers.yogi().chain() shouldBe Optimizers.chain(Optimizers.scaleByYogi(), Optimizers.scale().lr(0.01))
        textMessage("radam(threshold=3)") shouldBe
            "radam: hyperparameter threshold = 3 is out of range; threshold must be a real number in [4, inf)"
    }
})
