package dev.fluxion.lab

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.store.RunRow
import dev.fluxion.lab.store.StoreFrames
import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.lab.study.Studies
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.jetbrains.kotlinx.dataframe.api.aggregate
import org.jetbrains.kotlinx.dataframe.api.getColumn
import org.jetbrains.kotlinx.dataframe.api.groupBy
import org.jetbrains.kotlinx.dataframe.api.max
import org.jetbrains.kotlinx.dataframe.api.into
import org.jetbrains.kotlinx.dataframe.api.rows
import java.nio.file.Files
import kotlin.math.pow

/**
 * A store read back as typed rows ([RunRow]) and as DataFrames ([StoreFrames]) holds what the study computed:
 * gradient descent on the separable quadratic f = (1/2) sum lambda_i (x_i - x*_i)^2 with lambda = (1, 10), from the
 * default start x* + (3, 3), contracts the error along eigenvalue lambda by 1 - lr lambda per step, so after k steps
 * f - f* = (9/2) sum lambda (1 - lr lambda)^(2k), which each row's final gap and each trace point's loss must equal.
 */
class StoreRowsSpec : FunSpec({
    val quadratic = "quadratic(dim=2, kappa=10, rotated=false)"
    val lambdas = listOf(1.0, 10.0)
    val learningRates = listOf(0.05, 0.15)
    val steps = 40L

    val xStar = dev.fluxion.landscapes.LandscapeRegistry.standard().create(quadratic).facts().globalMinimizers().single()

    /** f - f* after [k] steps of gradient descent with [lr] from x* + (3, 3). */
    fun gap(lr: Double, k: Long): Double = lambdas.sumOf { 4.5 * it * (1 - lr * it).pow(2.0 * k) }

    // a target no run reaches, so every run takes all its steps
    val study = CompareStudy(learningRates.map { "gd(lr=$it)" }, listOf(quadratic, "beale"),
        budget = Budget(maxSteps = steps, targets = listOf(1e-300)), name = "rows")
    val path = temporaryFolder("fluxion-rows").resolve("rows.sqlite")
    val results = ResultStore.open(path).use { Studies.run(study, it, threads = 2) }

    test("the rows of a store are its runs, each with the final gap of the closed form") {
        val rows = RunRow.read(path)
        rows.size shouldBe 4
        rows.map { it.key } shouldBe results.map { it.spec.key }.sorted()
        for (lr in learningRates) {
            val row = rows.single { it.optimizer == "gd(lr=$lr)" && it.landscape == quadratic }
            withClue("gd(lr=$lr)") {
                row.steps shouldBe steps
                row.outcome shouldBe "budget"
                row.finalGap shouldBe (gap(lr, steps) plusOrMinus 1e-12 * gap(lr, steps))
                row.targets shouldBe listOf(1e-300)
                row.hitSteps shouldBe listOf(-1L)
            }
        }
        // bit for bit what the study returned, for every run (beale's too)
        for (result in results) {
            val row = rows.single { it.key == result.spec.key }
            row.finalValue.toRawBits() shouldBe result.finalValue.toRawBits()
            row.finalGap.toRawBits() shouldBe result.finalGap.toRawBits()
            row.finalPoint shouldBe result.finalPoint
            row.evaluations shouldBe result.evaluations
            row.trace shouldBe result.trace
        }
    }

    test("each kept step of a trace has the closed form's loss, in the rows and in the traces' frame") {
        val rows = RunRow.read(path)
        val frame = StoreFrames.traces(rows)
        frame.rowsCount() shouldBe rows.sumOf { it.trace.size }
        val onQuadratic = frame.rows().filter { it["landscape"] == quadratic }
        onQuadratic.size shouldBe 2 * (steps.toInt() + 1) // every step up to 100 is kept
        for (point in onQuadratic) {
            val lr = (point["optimizer"] as String).removePrefix("gd(lr=").removeSuffix(")").toDouble()
            val expected = gap(lr, point["step"] as Long)
            (point["loss"] as Double) shouldBe (expected plusOrMinus 1e-12 * expected)
            // two-dimensional: the positions are there, 3 (1 - lr lambda_i)^k from x* along axis i
            val k = point["step"] as Long
            (point["x"] as Double) shouldBe (xStar[0] + 3 * (1 - lr * lambdas[0]).pow(k.toDouble()) plusOrMinus 1e-12)
            (point["y"] as Double) shouldBe (xStar[1] + 3 * (1 - lr * lambdas[1]).pow(k.toDouble()) plusOrMinus 1e-12)
        }
    }

    test("the runs' frame groups by optimizer and landscape into the closed form's gaps") {
        val frame = StoreFrames.runs(path)
        frame.rowsCount() shouldBe 4
        val grouped = frame.groupBy("optimizer", "landscape").aggregate { max("finalGap") into "gap" }
        grouped.rowsCount() shouldBe 4
        for (lr in learningRates) {
            val row = grouped.rows().single { it["optimizer"] == "gd(lr=$lr)" && it["landscape"] == quadratic }
            (row["gap"] as Double) shouldBe (gap(lr, steps) plusOrMinus 1e-12 * gap(lr, steps))
        }
        // read without traces: no trace columns; with them, the traces as lists
        frame.columnNames().contains("traceLoss") shouldBe false
        val withTraces = StoreFrames.runs(RunRow.read(path))
        val losses = withTraces.getColumn("traceLoss").values().map { it as List<*> }
        losses.map { it.size } shouldBe RunRow.read(path).map { it.trace.size }
    }

    test("RunRow is a Java record, and reading what is not a store says so in one line") {
        RunRow::class.java.isRecord shouldBe true
        val notAStore = temporaryFolder("fluxion-rows").resolve("notes.txt")
        Files.writeString(notAStore, "not a database\n")
        val error = shouldThrow<LabException> { RunRow.read(notAStore) }
        error.message!! shouldContain notAStore.toString()
        error.message!!.lines().size shouldBe 1
    }
})
