package dev.fluxion.landscapes.bbob

import dev.fluxion.landscapes.landscape
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.doubles.shouldBeLessThan
import io.kotest.matchers.shouldBe
import java.util.SplittableRandom
import kotlin.math.abs
import kotlin.math.max
import kotlin.math.pow
import kotlin.math.sqrt

/**
 * The bbob landscapes against [BbobReference], a second implementation on plain doubles written from the 2009
 * definitions in COCO's order of operations, with its own copy of COCO's random draws ([ReferenceDraws]): all 24
 * functions, dimensions 2, 5, 10 and 20, instances 1 to 3, at fixed points (the origin, the optimum, the optimum
 * plus a small offset, four seeded points of [-5, 5]^n and one point outside it, where the boundary penalties act),
 * by COCO's regression criterion |a - b| < 1e-9 or |a - b| / (|a| + |b|) < 2e-9. A few values are written out as
 * numbers that can be checked by hand.
 */
class BbobReferenceSpec : FunSpec({

    val dimensions = listOf(2, 5, 10, 20)
    val instances = 1..3

    fun agrees(a: Double, b: Double) = abs(a - b) < 1e-9 || abs(a - b) / (abs(a) + abs(b)) < 2e-9

    /** The definitions' optimum of the reference: x_opt, or where a function places it otherwise. */
    fun optimum(reference: BbobReference): DoubleArray = when (reference.f) {
        9, 19 -> {
            // z = max(1, sqrt(n)/8) Q x + 1/2 = 1 at x = Q^T 1 / (2 max(1, sqrt(n)/8))
            val n = reference.n
            val q = ReferenceDraws.rotation(ReferenceDraws.seed(reference.f, reference.instance), n)
            val factor = max(1.0, sqrt(n.toDouble()) / 8.0)
            DoubleArray(n) { j -> (0 until n).sumOf { i -> q[i][j] } / (2 * factor) }
        }
        20 -> ReferenceDraws.uniform(reference.n, ReferenceDraws.seed(20, reference.instance))
            .map { if (it < 0.5) -0.5 * 4.2096874637 else 0.5 * 4.2096874637 }.toDoubleArray()
        21, 22 -> reference.Gallagher(if (reference.f == 21) 101 else 21).optimum
        24 -> reference.lunacekOptimum()
        else -> reference.xopt
    }

    fun points(reference: BbobReference): List<Pair<String, DoubleArray>> {
        val n = reference.n
        val random = SplittableRandom(1_000L * reference.f + 10L * n + reference.instance)
        val best = optimum(reference)
        val outside = DoubleArray(n) { random.nextDouble(-5.0, 5.0) }.also {
            it[0] = 6.5
            it[n - 1] = -7.25
        }
        return listOf("the origin" to DoubleArray(n), "the optimum" to best,
            "the optimum + 0.01 (1, -2, 3, ...)" to DoubleArray(n) { best[it] + 0.01 * (it + 1) * (if (it % 2 == 0) 1 else -1) }) +
            List(4) { "seeded point $it" to DoubleArray(n) { random.nextDouble(-5.0, 5.0) } } +
            listOf("a point outside [-5, 5]^n" to outside)
    }

    test("numbers to check by hand: COCO's f_opt of instance 1, and f1, f5 and f8 in 2-D at the origin") {
        // COCO's instance-1 offsets, as its bbob data files list them; f4 and f18 share those of f3 and f17
        val published = listOf(79.48, -209.88, -462.09, -462.09, -9.21, 35.9, 92.94, 149.15, 123.83, -54.94,
            76.27, -621.11, 29.97, -52.35, 1000.0, 71.35, -16.94, -16.94, -102.55, -546.5, 40.78, -1000.0, 6.87, 102.61)
        (1..24).map { ReferenceDraws.fopt(it, 1) } shouldBe published
        (1..24).map { landscape("bbob(f=$it, dim=2, instance=1)").facts().minimum().asDouble } shouldBe published
        // f1, 2-D, instance 1: x_opt = (0.2528, -1.1568), f(0) = 0.2528^2 + 1.1568^2 + 79.48
        ReferenceDraws.xopt(ReferenceDraws.seed(1, 1), 2).map { Math.round(it * 1e4) / 1e4 } shouldBe
            listOf(0.2528, -1.1568)
        landscape("bbob(f=1, dim=2, instance=1)").value(DoubleArray(2)) shouldBe (80.88209408 plusOrMinus 1e-12)
        // f5, 2-D, instance 1: x_opt = (3.0592, 2.0864) > 0, so the slope leads to (5, 5) with s = (1, 10):
        // f(0) = 5 |s_1| + 5 |s_2| + f_opt = 55 - 9.21
        landscape("bbob(f=5, dim=2, instance=1)").value(DoubleArray(2)) shouldBe (45.79 plusOrMinus 1e-12)
        // f8, 2-D, instance 1: x_opt = 0.75 (-0.0736, -0.4944) = (-0.0552, -0.3708), z(0) = (1.0552, 1.3708):
        // 100 (1.0552^2 - 1.3708)^2 + 0.0552^2 + 149.15
        val z1 = 1.0552
        val z2 = 1.3708
        landscape("bbob(f=8, dim=2, instance=1)").value(DoubleArray(2)) shouldBe
            (100 * (z1 * z1 - z2).pow(2) + (z1 - 1).pow(2) + 149.15 plusOrMinus 1e-12)
    }

    test("the reference's own draws: rotations are orthogonal, and f = f_opt at the optimum where it is exact") {
        for (n in dimensions) {
            ReferenceDraws.orthogonalityDefect(ReferenceDraws.rotation(12345, n)) shouldBeLessThan 1e-13
        }
        for (f in (1..24).filter { it !in listOf(5, 9, 19, 20) }) {
            for (n in dimensions) {
                val reference = BbobReference(f, n, 2)
                reference.value(optimum(reference)) shouldBe reference.fopt
            }
        }
    }

    for (f in 1..24) {
        test("f$f: the landscape's value = the reference's, dimensions 2, 5, 10, 20, instances 1-3, 8 points each") {
            val disagreements = mutableListOf<String>()
            var compared = 0
            var identical = 0
            var largest = 0.0
            for (n in dimensions) {
                for (instance in instances) {
                    val reference = BbobReference(f, n, instance)
                    val objective = landscape("bbob(f=$f, dim=$n, instance=$instance)")
                    for ((where, x) in points(reference)) {
                        val expected = reference.value(x)
                        val value = objective.value(x)
                        compared++
                        if (value.toRawBits() == expected.toRawBits()) identical++
                        if (value != expected) largest = max(largest, abs(value - expected) / (abs(value) + abs(expected)))
                        if (!agrees(value, expected)) {
                            disagreements += "bbob(f=$f, dim=$n, instance=$instance) at $where: $value, reference $expected"
                        }
                    }
                }
            }
            println("f$f: $compared values compared, $identical identical to the bit, largest relative deviation $largest")
            disagreements.shouldBeEmpty()
        }
    }
})
