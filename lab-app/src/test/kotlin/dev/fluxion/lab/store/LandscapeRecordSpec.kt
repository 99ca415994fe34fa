package dev.fluxion.lab.store

import dev.fluxion.lab.LabException
import dev.fluxion.lab.report.ContourGrid
import dev.fluxion.lab.temporaryFolder
import dev.fluxion.landscapes.Box
import dev.fluxion.landscapes.CriticalPoint
import dev.fluxion.landscapes.Curvature
import dev.fluxion.landscapes.Facts
import dev.fluxion.landscapes.Tag
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.util.EnumSet
import java.util.OptionalDouble

/**
 * A [LandscapeRecord] keeps a landscape's facts whole through its store, and its stand-in knows f at the points of
 * its contour grid and nowhere else.
 */
class LandscapeRecordSpec : FunSpec({
    // f(x, y) = x^2 + 3 y on [0, 3] x [0, 6], a saddle and a local minimum made up to carry every kind of fact
    val facts = Facts("tilted", "tilted(lower=0.0, upper=6.0)#0123456789ab", "a line\nwith a = sign and a \\ backslash", 2,
        Box(doubleArrayOf(0.0, 0.0), doubleArrayOf(3.0, 6.0)), OptionalDouble.of(0.1 + 0.2), listOf(doubleArrayOf(0.0, 1e-300)),
        listOf(CriticalPoint(doubleArrayOf(1.0, 2.0), -0.5, Curvature.SADDLE), CriticalPoint(doubleArrayOf(2.0, 1.0), 7.0, Curvature.MIN)),
        OptionalDouble.of(2.0), OptionalDouble.empty(), doubleArrayOf(2.25, 4.5), EnumSet.of(Tag.ONE_DIMENSIONAL),
        listOf("user code", "a; second = source"))
    // 3 cells a side: x at 0.5, 1.5, 2.5 and y at 1, 3, 5
    val grid = ContourGrid(0.0 to 3.0, 0.0 to 6.0, 3)
    val f = { x: Double, y: Double -> x * x + 3 * y }

    test("the facts, the variables and the grid come back from the store as they went in") {
        val record = LandscapeRecord(facts, listOf("u", "v"), grid, grid.sample(f))
        val store = temporaryFolder("landscape-record").resolve("records.sqlite")
        ResultStore.open(store).use { it.putLandscapeRecord(facts.spec(), record) }
        val back = ResultStore.open(store).use { it.landscapeRecords() }.getValue(facts.spec())
        back.facts shouldBe facts
        back.variables shouldBe listOf("u", "v")
        back.contours shouldBe grid
        back.landscape().variables() shouldBe listOf("u", "v")
        back.landscape().facts().description() shouldBe "a line\nwith a = sign and a \\ backslash"
    }

    test("the stand-in gives f at the grid's points, by hand, and refuses any other point and every gradient") {
        val landscape = LandscapeRecord(facts, listOf("x", "y"), grid, grid.sample(f)).landscape()
        landscape.value(doubleArrayOf(1.5, 3.0)) shouldBe 1.5 * 1.5 + 9.0
        landscape.value(doubleArrayOf(0.5, 5.0)) shouldBe 0.25 + 15.0
        landscape.value(doubleArrayOf(2.5, 1.0)) shouldBe 6.25 + 3.0
        shouldThrow<LabException> { landscape.value(doubleArrayOf(1.0, 3.0)) }.message shouldContain "known here only by what its store recorded"
        shouldThrow<LabException> { landscape.value(doubleArrayOf(3.5, 3.0)) }
        shouldThrow<LabException> { landscape.objective().valueAndGradient(doubleArrayOf(1.5, 3.0), DoubleArray(2)) }
        // without a grid (a landscape of more than two variables, or drawn by no run), f is known nowhere
        shouldThrow<LabException> { LandscapeRecord(facts, listOf("x", "y")).landscape().value(doubleArrayOf(1.5, 3.0)) }
    }

    test("a damaged record is one error naming the landscape") {
        val text = LandscapeRecord(facts, listOf("x", "y")).factsText()
        val e = shouldThrow<LabException> { LandscapeRecord.of(facts.spec(), text.replace("dimension=2", "dimension=two"), null) }
        e.message shouldContain "the store's record of landscape '${facts.spec()}' is damaged"
        shouldThrow<LabException> { LandscapeRecord.of(facts.spec(), text, ByteArray(12)) }
    }
})
