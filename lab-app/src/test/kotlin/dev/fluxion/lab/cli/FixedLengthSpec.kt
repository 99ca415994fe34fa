package dev.fluxion.lab.cli

import dev.fluxion.lab.api.rates
import dev.fluxion.lab.api.scan
import dev.fluxion.lab.api.tune
import dev.fluxion.lab.api.booth
import dev.fluxion.lab.fluxion
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.store.RunRow
import dev.fluxion.lab.temporaryFolder
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldNotBeEmpty
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.nio.file.Files
import java.nio.file.Path

/**
 * `--fixed-length` on `compare`, `rates`, `scan` and `tune`, and `fixedLength()` on their builders: every run takes
 * its whole step budget. Unset, nothing changes: stores that the fluxion of before the option wrote (the four files
 * in `stores-before-fixed-length`, written by that fluxion with the options below) resume with nothing to compute.
 */
class FixedLengthSpec : FunSpec({
    /** The options each store of before was written with (and `--threads 1`), and the step budget of its runs. */
    val studies = mapOf(
        "compare" to listOf("--optimizers", "gd(lr=0.01)", "--landscapes", "booth", "--starts", "default+random:1",
            "--steps", "100"),
        "rates" to listOf("--rules", "gd@1/L", "--kappas", "10", "--dim", "2", "--steps", "300"),
        "scan" to listOf("--from", "1e-3", "--to", "1e-2", "--points", "2", "--steps", "50"),
        "tune" to listOf("--optimizers", "gd", "--landscapes", "booth", "--tune", "lr=loguniform(1e-3,0.1)",
            "--budget", "2", "--starts", "default", "--tune-starts", "random:1", "--steps", "100"),
    )

    /** A copy of the store of [command] that the fluxion of before the option wrote, in a folder of its own. */
    fun storeBefore(command: String): Path {
        val folder = temporaryFolder("before-$command")
        javaClass.getResourceAsStream("/stores-before-fixed-length/$command.sqlite")!!.use {
            Files.copy(it, folder.resolve("$command.sqlite"))
        }
        return folder
    }

    /** The counts of each stage's `N runs, S already stored, C to compute` line of a study's progress. */
    fun planned(err: String): List<Triple<Int, Int, Int>> =
        Regex("(\\d+) runs, (\\d+) already stored, (\\d+) to compute").findAll(err)
            .map { m -> m.groupValues.drop(1).map { it.toInt() }.let { Triple(it[0], it[1], it[2]) } }.toList()

    for ((command, options) in studies) {
        test("$command: a store of before the option resumes with nothing to compute; --fixed-length is another plan") {
            val folder = storeBefore(command)
            val store = folder.resolve("$command.sqlite")
            val propertiesBefore = ResultStore.open(store).use { it.study() }
            val resumed = fluxion(command, *options.toTypedArray(), "--threads", "1", "--out", folder.toString())
            withClue(resumed.err) { resumed.code shouldBe 0 }
            val stages = planned(resumed.err)
            stages.shouldNotBeEmpty()
            stages.forEach { (total, stored, toCompute) -> withClue(resumed.err) { stored shouldBe total; toCompute shouldBe 0 } }
            ResultStore.open(store).use { it.study() } shouldBe propertiesBefore

            val refused = fluxion(command, *options.toTypedArray(), "--fixed-length", "--out", folder.toString())
            refused.code shouldBe FluxionCommand.BAD_INPUT
            refused.err shouldContain "fixed-length (none) there, true here"

            val fixed = fluxion(command, *options.toTypedArray(), "--fixed-length", "--replace", "--threads", "1",
                "--out", folder.toString())
            withClue(fixed.err) { fixed.code shouldBe 0 }
            planned(fixed.err).forEach { (total, stored, toCompute) -> stored shouldBe 0; toCompute shouldBe total }
            ResultStore.open(store).use { results ->
                results.study()["fixed-length"] shouldBe "true"
                // every run took its whole budget: the --steps of the study, a tuning rung's for a tune study's
                // tuning runs (one rung of random search: the same steps)
                val budget = options[options.indexOf("--steps") + 1].toLong()
                RunRow.read(results, false).forEach { row -> withClue(row.optimizer) { row.steps shouldBe budget } }
            }
        }
    }

    test("fixedLength() on the rates, scan and tune builders: the runs of before, taken on to the budget") {
        // gd at 1/L on a quadratic with kappa = 10 passes its floor 1e-14 within 200 steps (it contracts the error by
        // 1 - 1/kappa = 0.9 a step); a fixed-length run takes all 300, and first reaches each target where the
        // run of before did, their steps being the same until then
        fun ratesRun(fixed: Boolean) = rates {
            rules("gd@1/L"); kappas(10.0); dimension(2); steps(300); threads(1)
            if (fixed) fixedLength()
        }.run().runs.single()
        val free = ratesRun(false)
        val fixed = ratesRun(true)
        (free.steps < 300) shouldBe true
        free.outcome.kind shouldBe "reached"
        fixed.steps shouldBe 300L
        // it reached the finest target, and went on to the end of its budget
        fixed.outcome.kind shouldBe "reached"
        fixed.outcome.step shouldBe 300L
        fixed.hitSteps shouldBe free.hitSteps
        (fixed.finalGap <= free.finalGap) shouldBe true
        // another budget, so other keys: a store of runs of before is not mistaken for these
        (fixed.spec.key != free.spec.key) shouldBe true

        val scanned = scan { optimizer("gd"); landscape(booth()); learningRates(1e-3, 1e-2); points(2); steps(50); fixedLength() }.run()
        scanned.runs.map { it.steps } shouldBe listOf(50L, 50L)
        scanned.study.properties()["fixed-length"] shouldBe "true"

        val tuned = tune {
            optimizers("gd"); landscapes(booth()); tune("lr=loguniform(1e-3, 0.1)"); budget(2); starts("default")
            tuningStarts("random:1"); steps(100); fixedLength()
        }.run()
        tuned.runs.map { it.steps }.distinct() shouldBe listOf(100L)
    }

    test("every study command's --help lists --fixed-length") {
        for (command in studies.keys) {
            val help = fluxion(command, "--help")
            help.code shouldBe 0
            help.out shouldContain "--fixed-length"
        }
    }
})
