package dev.fluxion.landscapes.bbob

import dev.fluxion.landscapes.Landscape
import dev.fluxion.landscapes.landscape
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.ints.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import kotlin.math.abs

/**
 * Every value of a sample of COCO's own regression data (289 points over all 24 functions, the six dimensions and
 * instances 1-5 and 51-60) agrees with this module's bbob by COCO's criterion: |a - b| < 1e-9, or
 * |a - b| / (|a| + |b|) < 2e-9.
 */
class CocoRegressionSpec : FunSpec({

    /** One line of the data: COCO's problem index, the value COCO computed, and the point. */
    data class Reference(val index: Int, val value: Double, val x: DoubleArray) {
        val dimension = DIMENSIONS[index / 360]
        val function = index % 360 / 15 + 1
        val instance = INSTANCES[index % 15]
        val spec = "bbob(f=$function, dim=$dimension, instance=$instance)"
    }

    val references = CocoRegressionSpec::class.java.getResource("coco-regression.txt")!!.readText().lines()
        .filter { it.isNotBlank() && !it.startsWith("#") }
        .map { line ->
            val fields = line.trim().split(Regex("\\s+"))
            Reference(fields[0].toInt(), fields[1].toDouble(), fields.drop(2).map { it.toDouble() }.toDoubleArray())
        }

    fun agrees(a: Double, b: Double) = abs(a - b) < 1e-9 || abs(a - b) / (abs(a) + abs(b)) < 2e-9

    test("the sample covers every function, every dimension and both ranges of instances") {
        references.size shouldBe 289
        references.map { it.function }.toSet() shouldBe (1..24).toSet()
        references.map { it.dimension }.toSet() shouldBe DIMENSIONS.toSet()
        references.count { it.instance <= 5 } shouldBeGreaterThanOrEqual 50
        references.count { it.instance > 50 } shouldBeGreaterThanOrEqual 50
        references.forEach { it.x.size shouldBe it.dimension }
    }

    test("every value agrees with COCO's by COCO's regression criterion") {
        val landscapes = mutableMapOf<String, Landscape>()
        var largest = 0.0
        val disagreements = references.mapNotNull { r ->
            val value = landscapes.getOrPut(r.spec) { landscape(r.spec) }.value(r.x)
            largest = maxOf(largest, abs(value - r.value) / (abs(value) + abs(r.value)))
            if (agrees(value, r.value)) null else "${r.spec} at index ${r.index}: ${r.value} from COCO, $value here"
        }
        println("bbob against COCO: ${references.size} points, largest relative deviation $largest")
        disagreements.shouldBeEmpty()
    }
}) {
    companion object {
        val DIMENSIONS = listOf(2, 3, 5, 10, 20, 40)
        val INSTANCES = listOf(1, 2, 3, 4, 5, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60)
    }
}
