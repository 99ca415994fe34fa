package dev.fluxion.optimizers

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.optimizers.named.Lookahead
import dev.fluxion.optimizers.named.Prodigy
import dev.fluxion.optimizers.named.ScheduleFreeAdamw
import dev.fluxion.optimizers.named.ScheduleFreeSgd
import dev.fluxion.optimizers.transform.ScheduleFree
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlin.math.abs
import kotlin.math.max
import kotlin.math.min
import kotlin.math.pow
import kotlin.math.sqrt

/**
 * The first three steps of Schedule-Free SGD and AdamW, Prodigy and Lookahead on f(x) = x1^2 + 3 x2^2 (g = (2 x1,
 * 6 x2)) from (1, -2), for every formulation option, against each method's published update written out below with
 * plain doubles: the reference PyTorch packages' in-place forms (schedulefree's y update without x, prodigyopt's step)
 * and optax's (x recomputed from y and z, estim_lr = max), which are arranged differently from the implementation.
 */
class ScheduleFreeProdigyLookaheadSpec : FunSpec({
    val f = Expr.parse("x1^2 + 3*x2^2").compile("x1", "x2")
    fun gradient(x: DoubleArray) = doubleArrayOf(2 * x[0], 6 * x[1])
    val start = doubleArrayOf(1.0, -2.0)

    /** The run's points after steps 1, 2, 3. */
    fun run(spec: String): List<DoubleArray> {
        val x = start.copyOf()
        val state = Optimizers.parse(spec).start(2)
        return List(3) { state.step(f, x); x.copyOf() }
    }

    fun List<DoubleArray>.shouldMatch(expected: List<DoubleArray>) {
        for (k in 0 until 3) for (i in 0 until 2) {
            withClue("step ${k + 1}, x${i + 1}") {
                this[k][i] shouldBe (expected[k][i] plusOrMinus 1e-13 * max(1.0, abs(expected[k][i])))
            }
        }
    }

    /** schedulefree's warm-up factor sched = (k+1)/W while k < W, else 1. */
    fun sched(k: Int, warmup: Int) = if (k < warmup) (k + 1.0) / warmup else 1.0

    /**
     * The reference package's SGDScheduleFree / AdamWScheduleFree step, which updates y without forming x:
     * lr = lr0 sched sqrt(1 - beta2^(k+1)) (the root for AdamW only), lrMax = max(lrMax, lr),
     * weight = (k+1)^r lrMax^p, c = weight / weightSum, d = g (SGD) or g / (sqrt(v) + eps) (AdamW), d += wd y,
     * y <- y + c (z - y) + lr (beta (1 - c) - 1) d, z <- z - lr d.
     */
    fun referenceScheduleFree(
        lr0: Double, beta: Double, wd: Double, warmup: Int, p: Double, r: Double, adam: Boolean,
        beta2: Double = 0.999, eps: Double = 1e-8,
    ): List<DoubleArray> {
        val y = start.copyOf()
        val z = start.copyOf()
        val v = DoubleArray(2)
        var lrMax = 0.0
        var weightSum = 0.0
        return List(3) { k ->
            val g = gradient(y)
            val lr = lr0 * sched(k, warmup) * (if (adam) sqrt(1 - beta2.pow(k + 1)) else 1.0)
            lrMax = max(lrMax, lr)
            val weight = (k + 1.0).pow(r) * lrMax.pow(p)
            weightSum += weight
            val c = weight / weightSum
            for (i in 0..1) {
                var d = g[i]
                if (adam) {
                    v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                    d = g[i] / (sqrt(v[i]) + eps)
                }
                d += wd * y[i]
                y[i] = y[i] + c * (z[i] - y[i]) + lr * (beta * (1 - c) - 1) * d
                z[i] = z[i] - lr * d
            }
            y.copyOf()
        }
    }

    /**
     * optax's schedule_free around sgd or chain(scale_by_rms(bias_correction=True), add_decayed_weights, sgd):
     * the schedule lr(n) = lr0 min(1, n / W) is read at the wrapper's count n = k + 1 for the weights and at the base
     * optimizer's n = k for the z step; weight = maxLr^p, ck = weight / total; z' = z - lr(k) d;
     * x = (y - (1 - b1) z) / b1; x' = (1 - ck) x + ck z'; y' = b1 x' + (1 - b1) z'.
     */
    fun optaxScheduleFree(
        lr0: Double, b1: Double, wd: Double, warmup: Int, p: Double, adam: Boolean,
        b2: Double = 0.999, eps: Double = 1e-8,
    ): List<DoubleArray> {
        fun schedule(n: Int) = if (warmup == 0) lr0 else lr0 * min(n, warmup) / warmup
        val y = start.copyOf()
        val z = start.copyOf()
        val nu = DoubleArray(2)
        var maxLr = 0.0
        var total = 0.0
        return List(3) { k ->
            val g = gradient(y)
            maxLr = max(maxLr, schedule(k + 1))
            val weight = maxLr.pow(p)
            total += weight
            val ck = if (total == 0.0) 0.0 else weight / total
            for (i in 0..1) {
                var d = g[i]
                if (adam) {
                    nu[i] = b2 * nu[i] + (1 - b2) * g[i] * g[i]
                    d = g[i] / (sqrt(nu[i] / (1 - b2.pow(k + 1))) + eps)
                }
                d += wd * y[i]
                val zNext = z[i] - schedule(k) * d
                val x = (y[i] - (1 - b1) * z[i]) / b1
                val xNext = (1 - ck) * x + ck * zNext
                y[i] = b1 * xNext + (1 - b1) * zNext
                z[i] = zNext
            }
            y.copyOf()
        }
    }

    test("Schedule-Free SGD, the reference package's form, without and with warm-up, decay and r") {
        run("scheduleFreeSgd(lr=0.1, beta=0.9)")
            .shouldMatch(referenceScheduleFree(0.1, 0.9, 0.0, 0, 2.0, 0.0, adam = false))
        run("scheduleFreeSgd(lr=0.1, beta=0.8, weightDecay=0.05, warmupSteps=2, weightLrPower=1.5, r=1)")
            .shouldMatch(referenceScheduleFree(0.1, 0.8, 0.05, 2, 1.5, 1.0, adam = false))
    }

    test("Schedule-Free SGD's first step by hand: c = 1, so x1 = z1 = y0 - lr g0 and y1 = z1") {
        // g0 = (2, -12); z1 = (1 - 0.2, -2 + 1.2) = (0.8, -0.8); c1 = w0 / w0 = 1 so x1 = z1 and y1 = z1
        val first = run("scheduleFreeSgd(lr=0.1)")[0]
        first[0] shouldBe (0.8 plusOrMinus 1e-15)
        first[1] shouldBe (-0.8 plusOrMinus 1e-15)
    }

    test("Schedule-Free SGD, optax's warm-up: the z step a step behind the weights, so the first step is zero") {
        val optax = optaxScheduleFree(0.1, 0.9, 0.05, 2, 2.0, adam = false)
        run("scheduleFreeSgd(lr=0.1, weightDecay=0.05, warmupSteps=2, warmupForm=optax)").shouldMatch(optax)
        optax[0].toList() shouldBe start.toList()
        // without a warm-up the two forms are one rule
        run("scheduleFreeSgd(lr=0.1, warmupForm=optax)")
            .shouldMatch(optaxScheduleFree(0.1, 0.9, 0.0, 0, 2.0, adam = false))
    }

    test("Schedule-Free AdamW: bias correction in the learning rate (schedulefree) or in the moment (optax)") {
        run("scheduleFreeAdamw(lr=0.05)")
            .shouldMatch(referenceScheduleFree(0.05, 0.9, 0.0, 0, 2.0, 0.0, adam = true))
        run("scheduleFreeAdamw(lr=0.05, beta=0.7, beta2=0.9, eps=0.01, weightDecay=0.1, warmupSteps=3, r=2)")
            .shouldMatch(referenceScheduleFree(0.05, 0.7, 0.1, 3, 2.0, 2.0, adam = true, beta2 = 0.9, eps = 0.01))
        run("scheduleFreeAdamw(lr=0.05, beta2=0.9, eps=0.01, weightDecay=0.1, biasCorrection=moment)")
            .shouldMatch(optaxScheduleFree(0.05, 0.9, 0.1, 0, 2.0, adam = true, b2 = 0.9, eps = 0.01))
        run("scheduleFreeAdamw(lr=0.05, warmupSteps=2, warmupForm=optax, biasCorrection=moment)")
            .shouldMatch(optaxScheduleFree(0.05, 0.9, 0.0, 2, 2.0, adam = true))
    }

    test("scheduleFree around any base: around scaleByAdam(beta1=0) it is scheduleFreeAdamw's optax form") {
        val wrapped = "scheduleFree(base=scaleByAdam(beta1=0, beta2=0.9, eps=0.01), lr=0.05, beta=0.9)"
        run(wrapped).shouldMatch(optaxScheduleFree(0.05, 0.9, 0.0, 0, 2.0, adam = true, b2 = 0.9, eps = 0.01))
        Optimizers.parse("scheduleFree") shouldBe Optimizer.of(ScheduleFree.DEFAULT)
        ScheduleFreeAdamw.DEFAULT.chain().spec() shouldContain "scheduleFree(base=chain(scaleByAdam(beta1=0.0,"
    }

    /**
     * prodigyopt's Prodigy.step for one parameter tensor: dlr = d lr bc; numerator = beta3 numerator + (d/d0) dlr
     * <g, x0 - x>; exp_avg, exp_avg_sq with d (1-beta1) and d^2 (1-beta2); s with (d/d0) dlr (or (d/d0) d);
     * dHat = dCoef numerator / ||s||_1; d = max(d, dHat) while d == d0; dMax = max(dMax, dHat);
     * d = min(dMax, d growth); x -= wd dlr x (decoupled) and x -= dlr m / (sqrt(v) + d eps).
     */
    fun referenceProdigy(
        lr: Double, biasCorrection: Boolean, safeguard: Boolean, growth: Double, wd: Double, decouple: Boolean,
        beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, d0: Double = 1e-6, dCoef: Double = 1.0,
    ): List<DoubleArray> {
        val beta3 = sqrt(beta2)
        val x = start.copyOf()
        val x0 = start.copyOf()
        val m = DoubleArray(2)
        val v = DoubleArray(2)
        val s = DoubleArray(2)
        var d = d0
        var dMax = d0
        var numerator = 0.0
        return List(3) { k ->
            val g = gradient(x)
            val bc = if (biasCorrection) sqrt(1 - beta2.pow(k + 1)) / (1 - beta1.pow(k + 1)) else 1.0
            val dlr = d * lr * bc
            numerator *= beta3
            if (!decouple) for (i in 0..1) g[i] += wd * x[i]
            var denominator = 0.0
            numerator += (d / d0) * dlr * (g[0] * (x0[0] - x[0]) + g[1] * (x0[1] - x[1]))
            for (i in 0..1) {
                m[i] = m[i] * beta1 + g[i] * d * (1 - beta1)
                v[i] = v[i] * beta2 + g[i] * g[i] * d * d * (1 - beta2)
                s[i] = s[i] * beta3 + g[i] * (d / d0) * (if (safeguard) d else dlr)
                denominator += abs(s[i])
            }
            val dHat = dCoef * numerator / denominator
            if (d == d0) d = max(d, dHat)
            dMax = max(dMax, dHat)
            d = min(dMax, d * growth)
            for (i in 0..1) {
                if (decouple) x[i] += -wd * dlr * x[i]
                x[i] += -dlr * m[i] / (sqrt(v[i]) + d * eps)
            }
            x.copyOf()
        }
    }

    /**
     * optax.contrib.prodigy: bc always; dg = estim_lr g; exp_avg, exp_avg_sq of dg; grad_sum = beta3 grad_sum +
     * dlr dg / estim_lr0; numerator_weighted with (estim_lr / estim_lr0) dlr <g, x0 - x>; estim_lr = max(estim_lr,
     * coef numerator / sum|grad_sum|); update = -wd dlr x - dlr exp_avg / (sqrt(exp_avg_sq) + estim_lr eps).
     */
    fun optaxProdigy(lr: Double, wd: Double, estimLr0: Double = 1e-6): List<DoubleArray> {
        val (b1, b2) = 0.9 to 0.999
        val b3 = sqrt(b2)
        val x = start.copyOf()
        val x0 = start.copyOf()
        val ea = DoubleArray(2)
        val eas = DoubleArray(2)
        val gs = DoubleArray(2)
        var estimLr = estimLr0
        var nw = 0.0
        return List(3) { count ->
            val g = gradient(x)
            val dlr = estimLr * lr * (sqrt(1 - b2.pow(count + 1)) / (1 - b1.pow(count + 1)))
            val acc = g[0] * (x0[0] - x[0]) + g[1] * (x0[1] - x[1])
            for (i in 0..1) {
                val dg = estimLr * g[i]
                ea[i] = b1 * ea[i] + (1 - b1) * dg
                eas[i] = b2 * eas[i] + (1 - b2) * dg * dg
                gs[i] = b3 * gs[i] + dlr * dg / estimLr0
            }
            nw = b3 * nw + (estimLr / estimLr0) * dlr * acc
            estimLr = max(estimLr, nw / (abs(gs[0]) + abs(gs[1])))
            for (i in 0..1) x[i] += -wd * dlr * x[i] - dlr * ea[i] / (sqrt(eas[i]) + estimLr * 1e-8)
            x.copyOf()
        }
    }

    test("Prodigy, prodigyopt's defaults: the first step moves by about d0, then d grows") {
        val hand = referenceProdigy(1.0, false, false, Double.POSITIVE_INFINITY, 0.0, true)
        run("prodigy").shouldMatch(hand)
        // step 1: numerator = 0 (x = x0), so dHat = 0 and d stays 1e-6; m = 0.1 d g, sqrt(v) = sqrt(0.001) d |g|,
        // so each coordinate moves by d 0.1 / sqrt(0.001) = 3.162...e-6 against its gradient's sign
        hand[0][0] shouldBe ((1 - 1e-6 * 0.1 / sqrt(0.001)) plusOrMinus 1e-11)
    }

    test("Prodigy's options: bias correction, safeguarded warm-up, growth bound, coupled and decoupled decay") {
        run("prodigy(lr=0.5, biasCorrection=true, safeguardWarmup=true, growthRate=1.5, weightDecay=0.1," +
            " decouple=false)").shouldMatch(referenceProdigy(0.5, true, true, 1.5, 0.1, false))
        run("prodigy(lr=2, growthRate=1000, weightDecay=0.1, d0=0.001, dCoef=0.5)")
            .shouldMatch(referenceProdigy(2.0, false, false, 1000.0, 0.1, true, d0 = 0.001, dCoef = 0.5))
        run("prodigy(beta1=0.5, beta2=0.9, eps=0.001)").shouldMatch(
            referenceProdigy(1.0, false, false, Double.POSITIVE_INFINITY, 0.0, true, 0.5, 0.9, 1e-3))
    }

    test("Prodigy with biasCorrection=true is optax's contrib.prodigy") {
        run("prodigy(biasCorrection=true, weightDecay=0.1)").shouldMatch(optaxProdigy(1.0, 0.1))
        run("prodigy(lr=3, biasCorrection=true, d0=0.01)").shouldMatch(optaxProdigy(3.0, 0.0, estimLr0 = 0.01))
    }

    test("Lookahead around gradient descent, k = 2: Algorithm 1's two loops") {
        // fast: x <- x - 0.1 g; after 2 fast steps phi <- phi + 0.5 (x - phi), x <- phi.
        // x1 = (0.8, -0.8); x2' = (0.64, -0.32), phi = (1 + 0.5 (0.64 - 1), -2 + 0.5 (-0.32 + 2)) = (0.82, -1.16) = x2;
        // x3 = (0.82 - 0.164, -1.16 + 0.696) = (0.656, -0.464)
        val expected = listOf(doubleArrayOf(0.8, -0.8), doubleArrayOf(0.82, -1.16), doubleArrayOf(0.656, -0.464))
        run("lookahead(inner=gd(lr=0.1), k=2, alpha=0.5)").shouldMatch(expected)
    }

    test("Lookahead around momentum keeps the inner buffer across a synchronization, k = 1 and alpha = 1 is the inner") {
        // momentum (lr in the buffer): v <- 0.5 v - 0.1 g, x <- x + v; k = 2, alpha = 0.25
        val x = start.copyOf()
        val slow = start.copyOf()
        val v = DoubleArray(2)
        val expected = List(3) { step ->
            val g = gradient(x)
            for (i in 0..1) { v[i] = 0.5 * v[i] - 0.1 * g[i]; x[i] += v[i] }
            if ((step + 1) % 2 == 0) for (i in 0..1) { slow[i] += 0.25 * (x[i] - slow[i]); x[i] = slow[i] }
            x.copyOf()
        }
        run("lookahead(inner=momentum(lr=0.1, momentum=0.5), k=2, alpha=0.25)").shouldMatch(expected)
        run("lookahead(inner=momentum(lr=0.1, momentum=0.5), k=1, alpha=1)")
            .shouldMatch(run("momentum(lr=0.1, momentum=0.5)"))
    }

    test("lookahead's inner optimizer is a nested spec, a chain or a word, and prints back to an equal value") {
        val parsed = Optimizers.parse("lookahead(inner=chain(clip(norm=1), adam(lr=0.01)), k=3)")
        parsed shouldBe Lookahead.DEFAULT.inner(Optimizers.chain(Optimizers.clip(), Optimizers.adam().lr(0.01))).k(3)
        Optimizers.parse(parsed.spec()) shouldBe parsed
        Optimizers.parse("lookahead(inner=lbfgs)") shouldBe Lookahead.DEFAULT.inner(Optimizers.lbfgs())
        Optimizers.parse("lookahead") shouldBe Lookahead.DEFAULT
        Optimizers.parse("scheduleFreeSgd") shouldBe ScheduleFreeSgd.DEFAULT
        Optimizers.parse("prodigy") shouldBe Prodigy.DEFAULT
    }

    test("a number or an unknown name where an optimizer is expected is refused, naming the place") {
        shouldThrow<OptimizerException> { Optimizers.parse("lookahead(inner=0.5)") }.message shouldBe
            "lookahead: hyperparameter inner = 0.5 (column 17) is not an optimizer or transform such as" +
            " adam(lr=0.01); inner must be an optimizer or transform such as adam(lr=0.01)"
        shouldThrow<OptimizerException> { Optimizers.parse("lookahead(inner=adma(lr=0.1))") }.message!! shouldContain
            "adma"
        shouldThrow<OptimizerException> { Optimizers.parse("lookahead(inner=adam(lr=0.1), k=0)") }.message shouldBe
            "lookahead: hyperparameter k = 0 (column 33) is out of range; k must be an integer in [1, inf)"
        shouldThrow<OptimizerException> { Optimizers.parse("prodigy(d0=0)") }.message!! shouldContain
            "d0 must be a real number in (0, inf)"
    }
})
