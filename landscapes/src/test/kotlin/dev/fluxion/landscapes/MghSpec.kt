package dev.fluxion.landscapes

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.util.SplittableRandom
import kotlin.math.abs
import kotlin.math.cbrt
import kotlin.math.max
import kotlin.math.sqrt

/**
 * The Moré-Garbow-Hillstrom set, `mgh(problem=NAME, n=N, m=M, scale=S)`, against the literature: f at the standard
 * starts against the values MINPACK's test drivers, Gonum and the Toms566 package print; f against residuals
 * written out by hand; gradients and Hessians against differences; the minima against the paper's digits, to one
 * unit of the last; minimizers against the points MINPACK, Gonum and Abramowitz and Stegun give; and the tags against
 * the rule the provider states.
 */
class MghSpec : FunSpec({

    val problems = listOf("rosenbrock", "freudenstein-roth", "powell-badly-scaled", "brown-badly-scaled", "beale",
        "jennrich-sampson", "helical-valley", "bard", "gaussian", "meyer", "gulf", "box3d", "powell-singular", "wood",
        "kowalik-osborne", "brown-dennis", "osborne1", "biggs-exp6", "osborne2", "watson", "extended-rosenbrock",
        "extended-powell", "penalty1", "penalty2", "variably-dimensioned", "trigonometric", "brown-almost-linear",
        "discrete-boundary-value", "discrete-integral-equation", "broyden-tridiagonal", "broyden-banded",
        "linear-full-rank", "linear-rank1", "linear-rank1-zero", "chebyquad")

    fun mgh(problem: String, vararg more: String): Landscape =
        landscape("mgh(problem=$problem${more.joinToString("") { ", $it" }})")

    context("the set and its sizes") {
        test("the problem parameter lists the 35 problems in the paper's order") {
            registry.provider("mgh").parameters().single { it.name() == "problem" }.choices() shouldBe problems
        }

        test("each builds at its standard size, says its number, and its canonical spec rebuilds it") {
            problems.forEachIndexed { k, name ->
                val l = mgh(name)
                l.facts().description() shouldContain "problem ${k + 1},"
                landscape(l.spec()).facts() shouldBe l.facts()
            }
        }

        test("the canonical spec writes the sizes out: mgh(wood) is mgh(problem=wood, n=4, m=6, scale=1)") {
            landscape("mgh(wood)").spec() shouldBe "mgh(problem=wood, n=4, m=6, scale=1)"
            mgh("watson").spec() shouldBe "mgh(problem=watson, n=6, m=31, scale=1)"
            mgh("penalty1", "n=10").spec() shouldBe "mgh(problem=penalty1, n=10, m=11, scale=1)"
            mgh("linear-rank1", "n=5", "m=50", "scale=10").spec() shouldBe
                "mgh(problem=linear-rank1, n=5, m=50, scale=10)"
            mgh("chebyquad", "n=3").dimension() shouldBe 3
        }

        test("a size the paper does not allow is refused in one line saying what is allowed") {
            fun refusal(spec: String) = shouldThrow<LandscapeException> { landscape(spec) }.message!!
            refusal("mgh(problem=rosenbrock, n=3)") shouldBe
                "mgh(problem=rosenbrock): n = 3 is not allowed; rosenbrock takes n = 2"
            refusal("mgh(problem=wood, m=7)") shouldBe
                "mgh(problem=wood): m = 7 is not allowed for n = 4; wood takes m = 6"
            refusal("mgh(problem=watson, n=40)") shouldContain "watson takes 2 <= n <= 31"
            refusal("mgh(problem=extended-rosenbrock, n=5)") shouldContain "takes even n >= 2"
            refusal("mgh(problem=extended-powell, n=6)") shouldContain "takes n >= 4, a multiple of 4"
            refusal("mgh(problem=penalty1, n=4, m=4)") shouldContain "penalty1 takes m = n + 1"
            refusal("mgh(problem=gulf, m=100)") shouldContain "gulf takes 3 <= m <= 99"
            refusal("mgh(problem=biggs-exp6, m=5)") shouldContain "biggs-exp6 takes m >= 6"
            refusal("mgh(problem=chebyquad, n=8, m=5)") shouldContain "chebyquad takes m >= n"
            refusal("mgh(problem=linear-rank1-zero, n=2)") shouldContain "linear-rank1-zero takes n >= 3"
            refusal("mgh(problem=rosenbrok)") shouldContain "one of rosenbrock|freudenstein-roth|"
            refusal("mgh(problem=jennrich-sampson, scale=100)") shouldBe "mgh(problem=jennrich-sampson, n=2, m=10," +
                " scale=100): f is not finite at the start scale x0 (it overflows); take a smaller scale or size"
            refusal("mgh(problem=penalty2, n=3600)") shouldContain "f is not finite at the start"
            refusal("mgh(problem=box3d, m=20001)") shouldContain "out of range"
            problems.forEach { refusal("mgh(problem=$it, n=10001)") shouldContain "out of range" }
        }

        test("the largest sizes build: Penalty II (m = 2n) to n = 3500, where f(x0) still fits a double, others to 10000") {
            mgh("penalty2", "n=3500").facts().spec() shouldContain "m=7000"
            mgh("penalty1", "n=10000").dimension() shouldBe 10000
            mgh("extended-rosenbrock", "n=10000").value(DoubleArray(10000) { 1.0 }) shouldBe 0.0
            mgh("discrete-integral-equation", "n=10000").facts().minimum().asDouble shouldBe 0.0
            mgh("box3d", "m=20000").facts().spec() shouldContain "m=20000"
        }

        test("the start is scale x0, and scale (1, ..., 1) where x0 = 0 (Watson), as in MINPACK's drivers") {
            mgh("wood", "scale=10").facts().start().toList() shouldBe listOf(-30.0, -10.0, -30.0, -10.0)
            mgh("watson", "scale=100").facts().start().toList() shouldBe List(6) { 100.0 }
            mgh("watson").facts().start().toList() shouldBe List(6) { 0.0 }
        }

        test("the domain holds the start, scaled or not, and every listed minimizer") {
            for (name in problems) {
                for (scale in listOf(1, 10, 100)) {
                    val l = try {
                        mgh(name, "scale=$scale")
                    } catch (e: LandscapeException) {
                        e.message!! shouldContain "f is not finite at the start"
                        continue
                    }
                    val box = l.facts().domain()
                    box.contains(l.facts().start()) shouldBe true
                    l.facts().globalMinimizers().forEach { box.contains(it) shouldBe true }
                }
            }
        }
    }

    /**
     * f(x0) as published. MINPACK's drivers print the residual norm sqrt(f) to 8 digits (rounded), so f agrees to
     * about 1e-7 relative; Gonum's tests print f to 15 or more; the Toms566 package's table to 3.
     */
    data class AtStart(val spec: String, val f: Double, val relative: Double, val source: String)

    fun minpack(spec: String, norm: Double) = AtStart(spec, norm * norm, 1.0000001e-7, "MINPACK")
    fun gonum(spec: String, f: Double) = AtStart(spec, f, 1e-12, "Gonum")
    fun toms566(spec: String, f: Double) = AtStart(spec, f, 5e-3, "Toms566")
    val atStart = listOf(
        minpack("rosenbrock", 4.9193496), minpack("rosenbrock, scale=10", 1.3400631e3),
        minpack("rosenbrock, scale=100", 1.4300005e5),
        minpack("freudenstein-roth", 20.012496), minpack("freudenstein-roth, scale=10", 1.2432834e4),
        minpack("freudenstein-roth, scale=100", 1.1426455e7),
        minpack("powell-badly-scaled", 1.0654866), minpack("powell-badly-scaled, scale=10", 1.0000000),
        gonum("powell-badly-scaled", 1.13526171734838),
        gonum("brown-badly-scaled", 999998000003.0),
        gonum("beale", 14.203125),
        minpack("jennrich-sampson", 64.585650),
        minpack("helical-valley", 50.0), minpack("helical-valley, scale=10", 102.95630),
        minpack("helical-valley, scale=100", 991.26182), gonum("helical-valley", 2500.0),
        minpack("bard", 6.4561363), minpack("bard, scale=10", 36.141853), minpack("bard, scale=100", 384.11468),
        gonum("gaussian", 3.88810699116688e-06),
        minpack("meyer", 4.1153467e4), minpack("meyer, scale=10", 4.1682169e6),
        gonum("gulf", 12.11070582556949),
        minpack("box3d", 32.111584), gonum("box3d", 1031.1538106093985),
        minpack("powell-singular", 14.662878), minpack("powell-singular, scale=10", 1.2709839e3),
        minpack("powell-singular, scale=100", 1.2688790e5),
        gonum("wood", 19192.0),
        minpack("kowalik-osborne", 7.2891510e-2), minpack("kowalik-osborne, scale=10", 2.9793701),
        minpack("kowalik-osborne, scale=100", 29.959062),
        minpack("brown-dennis", 2.8154384e3), minpack("brown-dennis, scale=10", 5.5507335e5),
        minpack("brown-dennis, scale=100", 6.1211252e7),
        minpack("osborne1", 0.93756402),
        gonum("biggs-exp6", 0.77907007565597),
        minpack("osborne2", 1.4468654),
        minpack("watson", 5.4772256), minpack("watson, scale=10", 6.4331258e3),
        minpack("watson, scale=100", 6.7425604e5), minpack("watson, n=9, scale=10", 1.2088127e4),
        minpack("watson, n=9, scale=100", 1.2691093e6), minpack("watson, n=12, scale=10", 1.9220759e4),
        minpack("watson, n=12, scale=100", 2.0189180e6), gonum("watson, n=2", 30.0),
        toms566("extended-rosenbrock, n=40", 484.0),
        toms566("extended-powell, n=60", 3.23e3),
        gonum("penalty1", 885.06264), gonum("penalty1, n=10", 148032.56535), toms566("penalty1, n=60", 5.45e9),
        gonum("penalty2", 2.34000880546302), gonum("penalty2, n=10", 162.65277656596712),
        toms566("penalty2, n=65", 2.87e5),
        gonum("variably-dimensioned, n=2", 46.5625), gonum("variably-dimensioned, n=3", 497.60493827160514),
        gonum("variably-dimensioned, n=4", 3222.1875), toms566("variably-dimensioned, n=40", 9.39e10),
        minpack("trigonometric", 8.4117534e-2), minpack("trigonometric, scale=10", 20.305195),
        minpack("trigonometric, scale=100", 93.369375), gonum("trigonometric", 0.00707575946622261),
        gonum("trigonometric, n=5", 0.0116573789904718), gonum("trigonometric, n=2", 0.0126877761614045),
        toms566("trigonometric, n=40", 2.01e-3),
        minpack("brown-almost-linear", 16.530216), minpack("brown-almost-linear, scale=10", 9.7656240e6),
        minpack("brown-almost-linear, scale=100", 9.7656250e16), minpack("brown-almost-linear, n=30", 83.476044),
        minpack("brown-almost-linear, n=40", 128.02636),
        minpack("discrete-boundary-value", 2.8080582e-2), minpack("discrete-boundary-value, scale=10", 0.52555258),
        minpack("discrete-boundary-value, scale=100", 106.57390),
        minpack("discrete-integral-equation", 0.25182701), minpack("discrete-integral-equation, scale=10", 6.1168330),
        minpack("discrete-integral-equation, scale=100", 1.2693089e3),
        minpack("discrete-integral-equation, n=1", 0.12792969),
        minpack("discrete-integral-equation, n=1, scale=10", 2.5625000),
        minpack("discrete-integral-equation, n=1, scale=100", 836.11719),
        minpack("broyden-tridiagonal", 4.5825757), minpack("broyden-tridiagonal, scale=10", 639.10093),
        minpack("broyden-tridiagonal, scale=100", 6.3337583e4),
        minpack("broyden-banded", 18.973666), minpack("broyden-banded, scale=10", 1.7130922e4),
        minpack("broyden-banded, scale=100", 1.5949860e7),
        minpack("linear-full-rank", 5.0), minpack("linear-full-rank, m=50", 8.0622577),
        minpack("linear-rank1", 291.52187), minpack("linear-rank1, m=50", 3101.6004),
        minpack("linear-rank1-zero", 126.03968), minpack("linear-rank1-zero, m=50", 1748.9500),
        minpack("chebyquad", 0.19651386), minpack("chebyquad, n=9", 0.16994993),
        minpack("chebyquad, n=10", 0.18374783), minpack("chebyquad, n=1, m=8", 1.8862380),
        minpack("chebyquad, n=1, m=8, scale=10", 5.3833444e9), minpack("chebyquad, n=1, m=8, scale=100", 1.1808873e18),
        minpack("chebyquad, n=5", 0.22570657), minpack("chebyquad, n=5, scale=10", 4.1172432e6),
        minpack("chebyquad, n=5, scale=100", 5.6361303e11), minpack("chebyquad, n=6", 0.21547198),
        minpack("chebyquad, n=6, scale=10", 1.3079247e8), minpack("chebyquad, n=6, scale=100", 1.8755789e14),
        minpack("chebyquad, n=7", 0.18376789), minpack("chebyquad, n=7, scale=10", 4.2693282e9),
        minpack("chebyquad, n=7, scale=100", 6.4143166e16),
        toms566("chebyquad, n=50", 1.39e-2),
    )

    context("f at the standard start, against the published values") {
        test("every problem has a published f(x0) here") {
            atStart.map { it.spec.substringBefore(",") }.toSet() shouldContainAll problems
        }
        for (s in atStart) {
            test("${s.spec}: f(scale x0) = ${s.f} (${s.source})") {
                val l = landscape("mgh(problem=${s.spec})")
                l.value(l.facts().start()) shouldBe (s.f plusOrMinus s.relative * s.f)
            }
        }

        test("the gradients at x0 that Gonum publishes") {
            fun gradientAtStart(spec: String) =
                landscape("mgh(problem=$spec)").let { it.objective().gradient(it.facts().start()) }
            val published = mapOf(
                "beale" to doubleArrayOf(0.0, 27.75),
                "biggs-exp6" to doubleArrayOf(-0.149371887533426, -0.183163468182936, -1.483958013575642,
                    1.428277503849742, -0.149371887533426, -1.483958013575642),
                "box3d" to doubleArrayOf(98.22343149849218, -2.11937420675874, 112.38817362220350),
                "brown-badly-scaled" to doubleArrayOf(-2e6, -4e-6),
                "gaussian" to doubleArrayOf(7.41428466839991e-03, -7.44126392165149e-04, 0.0),
                "gulf" to doubleArrayOf(2.0879783574289799, 0.0345792619697154, -39.6766801029386400),
                "helical-valley" to doubleArrayOf(0.0, -1.59154943091895e+03, -1e+03),
                "penalty1" to doubleArrayOf(119.0, 238.00002, 357.00004, 476.00006),
                "penalty2" to doubleArrayOf(12.59999952896435, 8.99999885134508, 5.99999776830493, 2.99999875380719),
                "powell-badly-scaled" to doubleArrayOf(-2.00007355588823e+04, -2.70596990584991e-01),
                "variably-dimensioned, n=4" to doubleArrayOf(-1703.0, -3406.0, -5109.0, -6812.0),
                "watson" to doubleArrayOf(0.0, -60.0, -60.0, -61.034482758620697, -62.068965517241381,
                    -63.114928861371936),
                "wood" to doubleArrayOf(-12008.0, -2080.0, -10808.0, -1880.0),
                "trigonometric, n=5" to doubleArrayOf(0.04568602319608119, -0.00896259022885634,
                    -0.04777056509084983, -0.07073790138989976, -0.07786459912600564),
            )
            for ((spec, g) in published) {
                val ours = gradientAtStart(spec)
                distance(ours, g) shouldBeLessThan 1e-11 * max(1.0, norm(g))
            }
        }

        test("Gonum's value of Powell's quadruple at (3, -1, 0, 3), which its start uses: 95") {
            mgh("extended-powell", "n=4").value(doubleArrayOf(3.0, -1.0, 0.0, 3.0)) shouldBe 95.0
            mgh("powell-singular").value(doubleArrayOf(3.0, -1.0, 0.0, 3.0)) shouldBe 95.0
        }
    }

    /** Problems with residuals written out by hand in [MghByHand], and the sizes to check them at. */
    val byHand: List<Pair<String, (DoubleArray) -> List<Double>>> = listOf(
        "beale" to MghByHand::beale,
        "helical-valley" to MghByHand::helicalValley,
        "bard" to MghByHand::bard,
        "box3d, m=7" to { x -> MghByHand.box3d(x, 7) },
        "watson, n=9" to MghByHand::watson,
        "penalty2, n=7" to MghByHand::penalty2,
        "brown-almost-linear, n=6" to MghByHand::brownAlmostLinear,
        "discrete-integral-equation, n=12" to MghByHand::discreteIntegralEquation,
        "broyden-banded, n=9" to MghByHand::broydenBanded,
        "trigonometric, n=7" to MghByHand::trigonometric,
        "chebyquad, n=6, m=9" to { x -> MghByHand.chebyquad(x, 9) },
    )

    context("f against the residuals written out by hand") {
        for ((spec, residuals) in byHand) {
            test("$spec: f = sum of the hand-written f_i^2 at x0, 10 x0 and 50 random points") {
                val l = landscape("mgh(problem=$spec)")
                val random = SplittableRandom(spec.hashCode().toLong())
                val points = listOf(l.facts().start(), l.facts().start().map { 10 * it }.toDoubleArray()) +
                    List(50) { l.facts().domain().sample(random) }
                for (x in points) {
                    val expected = MghByHand.sumOfSquares(residuals(x))
                    l.value(x) shouldBe (expected plusOrMinus 1e-12 * max(1.0, abs(expected)))
                }
            }
        }
    }

    val sizes = problems + listOf("watson, n=9", "watson, n=12", "watson, n=2", "penalty1, n=10", "penalty1, n=1",
        "penalty2, n=10", "penalty2, n=1", "chebyquad, n=10", "chebyquad, n=8, m=12", "linear-full-rank, m=50",
        "linear-rank1, n=7, m=9", "linear-rank1-zero, n=3, m=3", "extended-rosenbrock, n=2", "extended-powell, n=4",
        "variably-dimensioned, n=1", "trigonometric, n=1", "brown-almost-linear, n=1", "brown-almost-linear, n=11",
        "discrete-boundary-value, n=1", "discrete-boundary-value, n=2", "discrete-integral-equation, n=1",
        "broyden-tridiagonal, n=1", "broyden-tridiagonal, n=2", "broyden-banded, n=3", "jennrich-sampson, m=4",
        "gulf, m=3", "box3d, m=3", "biggs-exp6, m=20", "brown-dennis, m=4")

    context("gradients and Hessians against differences") {
        for (spec in sizes) {
            test("$spec: gradient = centered differences at x0, 10 x0 and 100 random points; Hessian at x0") {
                val l = landscape("mgh(problem=$spec)")
                val objective = l.objective()
                val random = SplittableRandom(spec.hashCode().toLong())
                val start = l.facts().start()
                val points = listOf(start, start.map { 10 * it }.toDoubleArray()) +
                    List(100) { l.facts().domain().sample(random) }
                for (x in points) {
                    val value = objective.value(x)
                    if (!value.isFinite()) continue
                    val g = objective.gradient(x)
                    val h = cbrt(Math.ulp(1.0)) * max(1.0, x.maxOf { abs(it) })
                    val error = distance(g, objective.centeredDifference(x))
                    error shouldBeLessThan 1e-6 * (norm(g) + abs(value) / h + 1)
                }
                val hessian = objective.hessianAt(start)
                val step = cbrt(Math.ulp(1.0))
                for (j in start.indices) {
                    val hj = step * max(1.0, abs(start[j]))
                    val plus = objective.gradient(start.copyOf().also { it[j] += hj })
                    val minus = objective.gradient(start.copyOf().also { it[j] -= hj })
                    val column = DoubleArray(start.size) { (plus[it] - minus[it]) / (2 * hj) }
                    val exact = DoubleArray(start.size) { hessian[it][j] }
                    val scale = norm(exact) + norm(plus) / hj + 1
                    distance(column, exact) shouldBeLessThan 1e-6 * scale
                    exact.indices.forEach { abs(hessian[it][j] - hessian[j][it]) shouldBeLessThan 1e-12 * scale }
                }
            }
        }
    }

    /**
     * The minimum as the literature states it. [unit] is 0 where f* is exact (0, m - n, a closed form); otherwise
     * [digits] are the published digits and [unit] one unit of the last of them. The paper sometimes cuts its digits
     * and sometimes rounds them (87.9458... for 87.945855, 5.65565...e-3 for 5.6556499e-3), so f* must lie within one
     * unit. [points] are published minimizers, each within [within] (relative to max(1, |coordinate|)) of a listed one.
     */
    data class Cited(val spec: String, val digits: Double, val unit: Double = 0.0,
                     val points: List<DoubleArray> = listOf(), val within: Double = 1e-12)

    val cited = listOf(
        Cited("rosenbrock", 0.0, points = listOf(doubleArrayOf(1.0, 1.0))),
        Cited("freudenstein-roth", 0.0, points = listOf(doubleArrayOf(5.0, 4.0))),
        Cited("powell-badly-scaled", 0.0, points = listOf(doubleArrayOf(1.098159e-5, 9.106146)), within = 1e-6),
        Cited("brown-badly-scaled", 0.0, points = listOf(doubleArrayOf(1e6, 2e-6))),
        Cited("beale", 0.0, points = listOf(doubleArrayOf(3.0, 0.5))),
        Cited("jennrich-sampson", 124.362, 1e-3, listOf(doubleArrayOf(0.2578, 0.2578)), within = 1e-4),
        Cited("helical-valley", 0.0, points = listOf(doubleArrayOf(1.0, 0.0, 0.0))),
        Cited("bard", 8.21487e-3, 1e-8, listOf(doubleArrayOf(8.2410577e-02, 1.1330367, 2.3436946)), within = 1e-6),
        Cited("gaussian", 1.12793e-8, 1e-13, listOf(doubleArrayOf(0.398956, 1.000019, 0.0)), within = 1e-6),
        Cited("meyer", 87.9458, 1e-4, listOf(doubleArrayOf(5.6096365e-03, 6.1813463e+03, 3.4522363e+02)),
            within = 1e-7),
        Cited("gulf", 0.0, points = listOf(doubleArrayOf(50.0, 25.0, 1.5))),
        Cited("gulf, m=3", 0.0, points = listOf(doubleArrayOf(50.0, 25.0, 1.5))),
        Cited("box3d", 0.0, points = listOf(doubleArrayOf(1.0, 10.0, 1.0), doubleArrayOf(10.0, 1.0, -1.0))),
        Cited("powell-singular", 0.0, points = listOf(DoubleArray(4))),
        Cited("wood", 0.0, points = listOf(doubleArrayOf(1.0, 1.0, 1.0, 1.0))),
        Cited("kowalik-osborne", 3.07505e-4, 1e-9,
            listOf(doubleArrayOf(1.9280781e-01, 1.9126265e-01, 1.2305280e-01, 1.3605322e-01)), within = 5e-5),
        Cited("brown-dennis", 85822.2, 0.1, listOf(doubleArrayOf(-11.5944, 13.2036, -0.403439, 0.236779)),
            within = 1e-5),
        Cited("osborne1", 5.46489e-5, 1e-10,
            listOf(doubleArrayOf(3.7541005e-01, 1.9358465, -1.4646868, 1.2867534e-02, 2.2122701e-02)), within = 1e-6),
        Cited("biggs-exp6", 0.0, points = listOf(doubleArrayOf(1.0, 10.0, 1.0, 5.0, 4.0, 3.0))),
        Cited("biggs-exp6, m=6", 0.0, points = listOf(doubleArrayOf(1.0, 10.0, 1.0, 5.0, 4.0, 3.0))),
        Cited("osborne2", 4.01377e-2, 1e-7, listOf(doubleArrayOf(1.3099766, 4.3155248e-01, 6.3366126e-01,
            5.9942856e-01, 7.5417977e-01, 9.0430008e-01, 1.3657995, 4.8237320, 2.3986848, 4.5688755, 5.6753421)),
            within = 5e-5),
        Cited("watson", 2.28767e-3, 1e-8, listOf(doubleArrayOf(-1.5725086e-02, 1.0124349, -2.3299163e-01,
            1.2604301, -1.5137289, 9.9299643e-01)), within = 1e-7),
        Cited("watson, n=9", 1.39976e-6, 1e-11, listOf(doubleArrayOf(-1.5307041e-05, 9.9978970e-01, 1.4763964e-02,
            1.4634233e-01, 1.0008211, -2.6177311, 4.1044032, -3.1436123, 1.0526264)), within = 1e-7),
        Cited("watson, n=12", 4.72238e-10, 1e-15, listOf(doubleArrayOf(-6.6380605e-09, 1.0000016, -5.6393221e-04,
            3.4782054e-01, -1.5673150e-01, 1.0528152, -3.2472712, 7.2884349, -1.0271848e+01, 9.0741136, -4.5413755,
            1.0120119)), within = 1e-6),
        Cited("extended-rosenbrock", 0.0, points = listOf(DoubleArray(10) { 1.0 })),
        Cited("extended-powell", 0.0, points = listOf(DoubleArray(12))),
        Cited("penalty1", 2.24997e-5, 1e-10, listOf(DoubleArray(4) { 0.2500074995875379 }), within = 1e-10),
        Cited("penalty1, n=10", 7.08765e-5, 1e-10, listOf(DoubleArray(10) { 0.15812230111311634 }), within = 1e-10),
        Cited("penalty2", 9.37629e-6, 1e-11, listOf(doubleArrayOf(0.19999933335, 0.19131670128566283,
            0.4801014860897, 0.5188454026659)), within = 1e-7),
        Cited("penalty2, n=10", 2.93660e-4, 1e-9, listOf(doubleArrayOf(0.19998360520892217, 0.010350644318663525,
            0.01960493546891094, 0.03208906550305253, 0.04993267593895693, 0.07651399534454084,
            0.11862407118600789, 0.1921448731780023, 0.3473205862372022, 0.36916437893066273)), within = 1e-7),
        Cited("variably-dimensioned", 0.0, points = listOf(DoubleArray(10) { 1.0 })),
        Cited("trigonometric", 0.0, points = listOf(doubleArrayOf(3.4396289e-02, 3.5032316e-02, 3.5719196e-02,
            3.6465224e-02, 3.7280912e-02, 3.8179863e-02, 3.9180141e-02, 4.0306503e-02, 1.7972019e-01,
            1.5624088e-01)), within = 1e-7),
        Cited("brown-almost-linear", 0.0, points = listOf(DoubleArray(10) { 1.0 },
            DoubleArray(10) { if (it < 9) 9.7943030e-01 else 1.2056970 }), within = 1e-7),
        Cited("brown-almost-linear, n=30", 0.0, points = listOf(DoubleArray(30) { if (it < 29) 9.9775422e-01
            else 1.0673735 }), within = 1e-7),
        Cited("discrete-boundary-value", 0.0, points = listOf(doubleArrayOf(-4.3164983e-02, -8.1577157e-02,
            -1.1448571e-01, -1.4097358e-01, -1.5990870e-01, -1.6987720e-01, -1.6908998e-01, -1.5524954e-01,
            -1.2535589e-01, -7.5416534e-02)), within = 1e-8),
        Cited("discrete-integral-equation", 0.0, points = listOf(doubleArrayOf(-4.3164983e-02, -8.1577157e-02,
            -1.1448571e-01, -1.4097358e-01, -1.5990870e-01, -1.6987720e-01, -1.6908998e-01, -1.5524954e-01,
            -1.2535589e-01, -7.5416534e-02)), within = 1e-8),
        Cited("discrete-integral-equation, n=1", 0.0, points = listOf(doubleArrayOf(-1.5281388e-01)), within = 1e-8),
        Cited("broyden-tridiagonal", 0.0, points = listOf(doubleArrayOf(-5.7072213e-01, -6.8180695e-01,
            -7.0221008e-01, -7.0551063e-01, -7.0490616e-01, -7.0149661e-01, -6.9188932e-01, -6.6579651e-01,
            -5.9603511e-01, -4.1641226e-01)), within = 1e-8),
        Cited("broyden-banded", 0.0, points = listOf(doubleArrayOf(-4.2830286e-01, -4.7659642e-01, -5.1965246e-01,
            -5.5809932e-01, -5.9250616e-01, -6.2450368e-01, -6.2323947e-01, -6.2139384e-01, -6.2045360e-01,
            -5.8646927e-01)), within = 1e-8),
        Cited("linear-full-rank", 5.0, points = listOf(DoubleArray(5) { -1.0 })),
        Cited("linear-full-rank, m=50", 45.0, points = listOf(DoubleArray(5) { -1.0 })),
        // m(m - 1) / (2(2m + 1)) and (m^2 + 3m - 6) / (2(2m - 3)) for m = 10 and 50
        Cited("linear-rank1", 90.0 / 42),
        Cited("linear-rank1, m=50", 2450.0 / 202),
        Cited("linear-rank1-zero", 124.0 / 34),
        Cited("linear-rank1-zero, m=50", 2644.0 / 194),
        Cited("chebyquad", 3.51687e-3, 1e-8, listOf(doubleArrayOf(4.3153665e-02, 1.9309164e-01, 2.6632859e-01,
            4.9999933e-01, 5.0000067e-01, 7.3367141e-01, 8.0690836e-01, 9.5684634e-01)), within = 2e-6),
        Cited("chebyquad, n=10", 6.50395e-3, 1e-8, listOf(doubleArrayOf(5.9620267e-02, 1.6670878e-01,
            2.3917102e-01, 3.9888529e-01, 3.9888367e-01, 6.0111633e-01, 6.0111471e-01, 7.6082898e-01, 8.3329122e-01,
            9.4037973e-01)), within = 2e-6),
        Cited("chebyquad, n=1", 0.0, points = listOf(doubleArrayOf(0.5))),
        Cited("chebyquad, n=5", 0.0, points = listOf(doubleArrayOf(8.3751256e-02, 3.1272930e-01, 5.0e-01,
            6.8727070e-01, 9.1624874e-01)), within = 1e-8),
        Cited("chebyquad, n=6", 0.0, points = listOf(doubleArrayOf(6.6876591e-02, 2.8874067e-01, 3.6668230e-01,
            6.3331770e-01, 7.1125933e-01, 9.3312341e-01)), within = 1e-8),
        Cited("chebyquad, n=7", 0.0, points = listOf(doubleArrayOf(5.8069150e-02, 2.3517161e-01, 3.3804410e-01,
            5.0e-01, 6.6195591e-01, 7.6482839e-01, 9.4193085e-01)), within = 1e-8),
        Cited("chebyquad, n=9", 0.0, points = listOf(doubleArrayOf(4.4205346e-02, 1.9949067e-01, 2.3561911e-01,
            4.1604691e-01, 5.0e-01, 5.8395309e-01, 7.6438089e-01, 8.0050933e-01, 9.5579465e-01)), within = 1e-8),
    )

    context("minima against the published digits and points") {
        test("the linear functions' f* against MINPACK's final residual norms sqrt(f*), to their 8 digits") {
            val norms = mapOf("linear-full-rank" to 2.2360680, "linear-full-rank, m=50" to 6.7082039,
                "linear-rank1" to 1.4638501, "linear-rank1, m=50" to 3.4826302, "linear-rank1-zero" to 1.9097274,
                "linear-rank1-zero, m=50" to 3.6917294)
            for ((spec, norm) in norms) {
                sqrt(landscape("mgh(problem=$spec)").facts().minimum().asDouble) shouldBe (norm plusOrMinus 5e-8 * norm)
            }
        }

        test("every problem has a published minimum here") {
            cited.map { it.spec.substringBefore(",") }.toSet() shouldContainAll problems
        }
        for (c in cited) {
            test("${c.spec}: f* = ${c.digits}${if (c.unit > 0) "..." else ""}, at the published points") {
                val l = landscape("mgh(problem=${c.spec})")
                val facts = l.facts()
                val minimum = facts.minimum().asDouble
                if (c.unit == 0.0) {
                    minimum shouldBe c.digits
                } else {
                    abs(minimum - c.digits) shouldBeLessThan c.unit
                }
                for (point in c.points) {
                    val listed = facts.globalMinimizers().minBy { distance(it, point) }
                    for (i in point.indices) {
                        abs(listed[i] - point[i]) shouldBeLessThan c.within * max(1.0, abs(point[i])) + 1e-300
                    }
                }
                for (x in facts.globalMinimizers()) {
                    l.value(x) shouldBe (minimum plusOrMinus 1e-12 * max(1.0, minimum) + 1e-20)
                    val scale = max(1.0, curvatureScale(l.objective(), x))
                    norm(l.objective().gradient(x)) / scale shouldBeLessThan 1e-9
                    l.hessianSpectrumAt(x).isPositiveSemidefinite shouldBe true
                }
            }
        }

        test("the values at infinity the paper gives: Bard 17.4286..., Kowalik and Osborne 1.02734...e-3") {
            mgh("bard").value(doubleArrayOf(0.84066667, -1e12, -1e12)) shouldBe (17.4286 plusOrMinus 1e-4)
            // MINPACK lmder's final point from 10 x0, far out along the valley to infinity
            val kowalik = mgh("kowalik-osborne").value(doubleArrayOf(7.2867547e+05, -1.4075880e+01, -3.2977798e+07,
                -2.0571594e+07))
            kowalik shouldBe (1.02734e-3 plusOrMinus 1e-8)
        }

        test("Biggs EXP6: the paper's 5.65565...e-3 is f at Gonum's local minimizer, above f* = 0") {
            val f = mgh("biggs-exp6").value(doubleArrayOf(1.7114159947956764, 17.68319817846745, 1.1631436609697268,
                5.1865615510738605, 1.7114159947949301, 1.1631436609697998))
            f shouldBe (5.65565e-3 plusOrMinus 1e-8)
            mgh("biggs-exp6").facts().minimum().asDouble shouldBe 0.0
        }

        test("Box 3-D: f = 0 also on the line x_1 = x_2, x_3 = 0, which is not listed") {
            mgh("box3d").value(doubleArrayOf(2.5, 2.5, 0.0)) shouldBe 0.0
        }

        test("linear functions of rank 1: f* holds on the whole hyperplane, not only at the listed point") {
            // n = 5, m = 10: S = sum j x_j = 3/21 at (3/21, 0, 0, 0, 0); S'' = sum_{j=2}^{4} j x_j = 3/17 at x_2 = 3/34
            mgh("linear-rank1").value(doubleArrayOf(3.0 / 21, 0.0, 0.0, 0.0, 0.0)) shouldBe
                (90.0 / 42 plusOrMinus 1e-13)
            mgh("linear-rank1-zero").value(doubleArrayOf(7.0, 3.0 / 34, 0.0, 0.0, -7.0)) shouldBe
                (124.0 / 34 plusOrMinus 1e-13)
        }

        test("Brown almost-linear: (a, ..., a, a^{1-n}) for every root a of n a^n - (n + 1) a^{n-1} + 1") {
            for (n in 1..12) {
                val minimizers = mgh("brown-almost-linear", "n=$n").facts().globalMinimizers()
                minimizers.size shouldBe when {
                    n == 1 -> 1
                    n % 2 == 0 -> 2
                    else -> 3
                }
                for (x in minimizers) {
                    val a = x[0]
                    val p = n * Math.pow(a, n.toDouble()) - (n + 1) * Math.pow(a, n - 1.0) + 1
                    abs(p) shouldBeLessThan 1e-13
                    x.last() shouldBe (Math.pow(a, 1.0 - n) plusOrMinus 1e-15 * abs(x.last()))
                    mgh("brown-almost-linear", "n=$n").value(x) shouldBeLessThan 1e-25
                }
            }
            mgh("brown-almost-linear", "n=2").facts().globalMinimizers().map { it.toList() } shouldContainAll
                listOf(listOf(1.0, 1.0), listOf(0.5, 2.0))
        }

        test("Penalty I: the minimizer (c, ..., c) solves 2n c^3 + (a - 1/2) c - a = 0") {
            for (n in listOf(1, 2, 4, 10, 100)) {
                val c = mgh("penalty1", "n=$n").facts().globalMinimizers().single()[0]
                abs(2 * n * c * c * c + (1e-5 - 0.5) * c - 1e-5) shouldBeLessThan 1e-15
            }
        }

        test("the zeros of the square systems are pinned down for n up to 100, and only f* = 0 stated beyond") {
            for (name in listOf("discrete-boundary-value", "discrete-integral-equation", "broyden-tridiagonal",
                "broyden-banded")) {
                for (n in listOf(1, 2, 3, 50, 100)) {
                    val l = mgh(name, "n=$n")
                    l.value(l.facts().globalMinimizers().single()) shouldBeLessThan 1e-24
                }
                val beyond = mgh(name, "n=101").facts()
                beyond.globalMinimizers().size shouldBe 0
                beyond.minimum().asDouble shouldBe 0.0
            }
        }

        test("sizes the literature is silent on state no minimum") {
            for (spec in listOf("jennrich-sampson, m=5", "brown-dennis, m=4", "watson, n=7", "penalty2, n=5",
                "chebyquad, n=8, m=9", "chebyquad, n=11")) {
                val facts = landscape("mgh(problem=$spec)").facts()
                facts.minimum().isPresent shouldBe false
                facts.globalMinimizers().size shouldBe 0
            }
        }
    }

    context("other critical points") {
        test("Freudenstein and Roth: a local minimum f = 48.9842... near (11.41, -0.8968)") {
            val local = mgh("freudenstein-roth").facts().localMinima().single()
            local.value() shouldBe (48.9842 plusOrMinus 1e-4)
            distance(local.location(), doubleArrayOf(11.4128, -0.896805)) shouldBeLessThan 1e-4
        }
        test("Wood: a saddle point near (-0.968, 0.947, -0.970, 0.951), f = 7.87697") {
            val saddle = mgh("wood").facts().saddlePoints().single()
            saddle.value() shouldBe (7.87697 plusOrMinus 5e-6)
            val published = doubleArrayOf(-0.96797402, 0.94713914, -0.96951631, 0.95124767)
            distance(saddle.location(), published) shouldBeLessThan 1e-7
        }
        test("trigonometric, n = 10: a local minimum f = 2.79505...e-5 (Gonum's point)") {
            val local = mgh("trigonometric").facts().localMinima().single()
            local.value() shouldBe (2.795056121876575e-05 plusOrMinus 1e-15)
        }
        for (spec in listOf("freudenstein-roth", "wood", "trigonometric")) {
            test("$spec: each listed critical point is critical and of its kind") {
                val l = mgh(spec)
                for (point in l.facts().criticalPoints()) {
                    val x = point.location()
                    norm(l.objective().gradient(x)) / max(1.0, curvatureScale(l.objective(), x)) shouldBeLessThan 1e-9
                    l.hessianSpectrumAt(x).curvature() shouldBe point.curvature()
                }
            }
        }
    }

    context("tags follow the stated rule at the first listed minimizer") {
        val tagged = problems + listOf("discrete-boundary-value, n=9", "brown-almost-linear, n=4",
            "brown-almost-linear, n=5", "variably-dimensioned, n=13", "variably-dimensioned, n=14", "penalty1, n=1",
            "penalty1, n=2", "penalty1, n=10", "penalty2, n=10", "watson, n=9", "watson, n=12", "chebyquad, n=1",
            "chebyquad, n=7", "chebyquad, n=9", "chebyquad, n=10", "linear-rank1, n=1, m=1", "gulf, m=3",
            "box3d, m=3", "biggs-exp6, m=6")
        for (spec in tagged) {
            test("$spec: zero residual iff f* = 0, ill-conditioned iff kappa >= 1000, badly scaled by the diagonal") {
                val l = landscape("mgh(problem=$spec)")
                val facts = l.facts()
                facts.has(Tag.ZERO_RESIDUAL) shouldBe (facts.minimum().asDouble == 0.0)
                val x = facts.globalMinimizers().first()
                val eigenvalues = l.hessianSpectrumAt(x).eigenvalues()
                val largest = eigenvalues.maxOf { abs(it) }
                val smallest = eigenvalues.min()
                val kappa = if (smallest <= 1e-13 * largest) Double.POSITIVE_INFINITY else largest / smallest
                facts.has(Tag.ILL_CONDITIONED) shouldBe (kappa >= 1000)
                val hessian = l.objective().hessianAt(x)
                // the variables that enter f: linear-rank1-zero's x_1 and x_n do not
                val diagonal = hessian.indices.map { abs(hessian[it][it]) }.filter { it > 0 }
                facts.has(Tag.BADLY_SCALED) shouldBe (diagonal.max() > 1e6 * diagonal.min())
            }
        }
    }
})
