package dev.fluxion.lab.suite

import dev.fluxion.lab.CommandOutcome
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.LabException
import dev.fluxion.lab.study.StartPlan
import dev.fluxion.lab.fluxion
import dev.fluxion.lab.temporaryFolder
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import java.nio.file.Files

/** What a suite expands to, and the one-line errors of its options. */
class SuiteSpec : FunSpec({
    val engine = Engine(1)

    test("bbob --dims 2,5,10 --instances 1-5 is 24 x 3 x 5 = 360 landscapes, each with f* = f_opt") {
        val problems = Suite("bbob", dims = "2,5,10", instances = "1-5").expand(engine).problems
        problems.size shouldBe 360
        problems.map { it.dimension }.groupingBy { it }.eachCount() shouldBe mapOf(2 to 120, 5 to 120, 10 to 120)
        problems.map { it.function }.distinct().size shouldBe 24
        problems.map { it.slice }.distinct() shouldContainExactly listOf("2-D", "5-D", "10-D")
        problems.first().spec shouldBe "bbob(f=1, dim=2, instance=1)"
    }

    test("bbob's groups are COCO's: f1-f5, f6-f9, f10-f14, f15-f19, f20-f24") {
        val problems = Suite("bbob", dims = "2", instances = "1").expand(engine).problems
        val groupOf = problems.associate { it.function to it.group }
        (1..5).map { groupOf["f$it"] }.toSet() shouldBe setOf("separable")
        (6..9).map { groupOf["f$it"] }.toSet() shouldBe setOf("low or moderate conditioning")
        (10..14).map { groupOf["f$it"] }.toSet() shouldBe setOf("high conditioning and unimodal")
        (15..19).map { groupOf["f$it"] }.toSet() shouldBe setOf("multimodal with adequate global structure")
        (20..24).map { groupOf["f$it"] }.toSet() shouldBe setOf("multimodal with weak global structure")
    }

    test("mgh is its 35 problems at their standard sizes, grouped by whether f* = 0") {
        val expansion = Suite("mgh").expand(engine)
        expansion.problems.size shouldBe 35
        expansion.leftOut shouldBe emptyList()
        val byName = expansion.problems.associateBy { it.function }
        // Rosenbrock and Wood reach 0; Jennrich-Sampson's least sum is 124.362 (n = 2, m = 10) and Bard's 8.21487e-3
        byName.getValue("rosenbrock").group shouldBe "zero residual, f* = 0"
        byName.getValue("wood").group shouldBe "zero residual, f* = 0"
        byName.getValue("jennrich-sampson").group shouldBe "non-zero residual"
        byName.getValue("bard").group shouldBe "non-zero residual"
        byName.getValue("wood").dimension shouldBe 4
        byName.getValue("watson").dimension shouldBe 6
    }

    test("mgh at 1, 10 and 100 x0: a start where f overflows (Jennrich-Sampson at 100 x0) is left out and named") {
        val expansion = Suite("mgh", functions = "rosenbrock,jennrich-sampson", scales = "1,10,100").expand(engine)
        expansion.problems.map { it.spec } shouldContainExactly listOf("mgh(problem=rosenbrock, scale=1)",
            "mgh(problem=rosenbrock, scale=10)", "mgh(problem=rosenbrock, scale=100)",
            "mgh(problem=jennrich-sampson, scale=1)", "mgh(problem=jennrich-sampson, scale=10)")
        expansion.leftOut.size shouldBe 1
        expansion.leftOut[0] shouldContain "mgh(problem=jennrich-sampson, scale=100)"
        expansion.leftOut[0] shouldContain "overflows"
        Suite("mgh", functions = "1-3,35").expand(engine).problems.map { it.function } shouldContainExactly
            listOf("rosenbrock", "freudenstein-roth", "powell-badly-scaled", "chebyquad")
    }

    test("a suite study's runs: landscapes x optimizers x starts, COCO's later starts triangular on [-5, 5]") {
        val study = SuiteStudy(Suite("bbob", functions = "1,8", dims = "2,3", instances = "1-2"),
            listOf("gd(lr=0.1)", "adam(lr=0.1)"), StartPlan("default+proposal:2"))
        val runs = study.runs(engine)
        runs.size shouldBe 2 * 2 * 2 * 2 * 3
        runs.filter { it.startIndex == 0 }.forEach { it.start.all { x -> x == 0.0 } shouldBe true }
        val proposals = runs.filter { it.startIndex > 0 }.flatMap { it.start }
        proposals.all { it > -5 && it < 5 } shouldBe true
        // the same points for every optimizer: a start depends on the study seed, the landscape and its index only
        runs.filter { it.optimizerLabel == "gd(lr=0.1)" }.map { it.start } shouldBe
            runs.filter { it.optimizerLabel == "adam(lr=0.1)" }.map { it.start }
    }

    test("COCO's restart proposals have the triangular density of the mean of two uniforms on [-5, 5]") {
        // mean 0, variance 2 x 100/12 / 4 = 25/6; P(|x| <= 2.5) = 1 - (1 - 2.5/5)^2 = 3/4
        val landscape = engine.landscape("bbob(f=1, dim=40, instance=1)")
        val xs = StartPlan("proposal:200").starts(landscape, 3).flatMap { it.toList() }
        xs.size shouldBe 8000
        xs.average() shouldBe (0.0 plusOrMinus 0.1) // 4.4 standard errors of 0.0228
        xs.map { it * it }.average() shouldBe (25.0 / 6 plusOrMinus 0.25) // 4.5 standard errors of 0.055
        (xs.count { Math.abs(it) <= 2.5 }.toDouble() / xs.size) shouldBe (0.75 plusOrMinus 0.025)
    }

    test("a study's properties read back to the same study") {
        val study = SuiteStudy(Suite("mgh", functions = "1-3", scales = "1,10"), listOf("adam(lr=0.01)"),
            budget = SuiteTargets.budget(300), seed = 4)
        dev.fluxion.lab.study.Study.of(study.properties()) shouldBe study
    }

    context("option errors are one line with exit code 2, naming the option") {
        val out = temporaryFolder("fluxion-suite-errors")
        fun CommandOutcome.shouldBeOneLineError(vararg fragments: String) {
            withClue(this) {
                code shouldBe 2
                err.trim().lines().size shouldBe 1
                err shouldNotContain "\tat "
                fragments.forEach { err shouldContain it }
            }
        }
        fun compare(vararg args: String) = fluxion("compare", "--out", out.toString(), *args)

        test("an unknown suite lists the known ones") {
            compare("--suite", "bbobx").shouldBeOneLineError("unknown suite 'bbobx'", "known: bbob, mgh")
        }
        test("a malformed or out-of-range selection names its option") {
            compare("--suite", "bbob", "--dims", "2,x").shouldBeOneLineError("--dims '2,x'", "'x' is not a whole number")
            compare("--suite", "bbob", "--instances", "5-1").shouldBeOneLineError("--instances '5-1'", "runs downward", "1-5")
            compare("--suite", "bbob", "--dims", "2,41").shouldBeOneLineError("--dims", "41 is outside bbob's dimensions, 2 to 40")
            compare("--suite", "bbob", "--functions", "0-3").shouldBeOneLineError("--functions", "0 is outside bbob's functions, 1 to 24")
            compare("--suite", "bbob", "--instances", "1,2,2").shouldBeOneLineError("--instances", "2 is selected twice")
            compare("--suite", "bbob", "--dims", "").shouldBeOneLineError("--dims is empty")
            compare("--suite", "mgh", "--functions", "rosenbrok").shouldBeOneLineError("unknown mgh problem 'rosenbrok'", "rosenbrock, freudenstein-roth")
            compare("--suite", "mgh", "--scales", "1,ten").shouldBeOneLineError("--scales", "'ten' is not a number")
        }
        test("an option of the other suite, or of no suite, is refused") {
            compare("--suite", "mgh", "--dims", "2").shouldBeOneLineError("--dims applies to --suite bbob")
            compare("--suite", "bbob", "--scales", "10").shouldBeOneLineError("--scales applies to --suite mgh")
            compare("--dims", "2").shouldBeOneLineError("--dims applies to a suite", "--suite bbob")
            compare("--suite", "bbob", "--landscapes", "beale").shouldBeOneLineError("--landscapes and --suite exclude each other")
        }
        test("nothing was written") {
            Files.list(out).use { it.count() } shouldBe 0L
        }
    }

    test("Suite refuses an unknown name in code as on the command line") {
        shouldThrow<LabException> { Suite("coco") }.message shouldBe "unknown suite 'coco'; known: bbob, mgh"
    }
})
