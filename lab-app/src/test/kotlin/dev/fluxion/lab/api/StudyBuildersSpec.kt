package dev.fluxion.lab.api

import dev.fluxion.lab.LabException
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.fluxion
import dev.fluxion.lab.temporaryFolder
import dev.fluxion.optimizers.kotlin.adam
import dev.fluxion.optimizers.kotlin.chain
import dev.fluxion.optimizers.kotlin.clip
import dev.fluxion.optimizers.kotlin.gd
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldMatch
import io.kotest.matchers.string.shouldStartWith
import io.kotest.matchers.doubles.plusOrMinus
import java.nio.file.Files
import java.nio.file.Path

/**
 * The study builders make the studies the `fluxion` commands make: the same options give the same stored runs,
 * CSV and table, bit for bit; and an optimizer written as a lambda takes part under `NAME#HASH`.
 */
class StudyBuildersSpec : FunSpec({

    fun csv(folder: Path, name: String) = Files.readString(folder.resolve("$name.csv"))

    test("execute(), in the caller's coroutine, stores and gives the runs run() does, bit for bit") {
        val folder = temporaryFolder("builder-execute")
        fun study(name: String) = compare {
            optimizers("gd(lr=0.01)", "adam(lr=0.05)"); landscapes(booth()); starts(default() + random(2)); steps(60)
            threads(2); name(name); store(folder.resolve("$name.sqlite"))
        }
        val executed = study("executed").execute()
        val ran = study("ran").run()
        executed.runs.size shouldBe 6
        executed.runs.map(::bits) shouldBe ran.runs.map(::bits)
        executed.table shouldBe ran.table
    }

    test("compare { ... } stores what fluxion compare stores for the same study, and writes the same CSV and table") {
        val optimizers = listOf<dev.fluxion.optimizers.Optimizer>(adam(lr = 0.05), chain(clip(norm = 10.0), gd(lr = 0.0015)))
        val built = temporaryFolder("builder-compare")
        val results = compare {
            optimizers(*optimizers.toTypedArray())
            landscapes(beale(), rosenbrock(dim = 2))
            starts(default() + random(3))
            steps(400)
            threads(2)
            name("same")
            store(built.resolve("same.sqlite"))
        }.run()
        // 2 optimizers x 2 landscapes x (1 default + 3 random starts) x 1 seed
        results.runs.size shouldBe 16
        results.summaries.size shouldBe 4
        val files = results.report(built)
        files.take(2).map { it.fileName.toString() } shouldBe listOf("same.csv", "same.html")

        val cli = temporaryFolder("cli-compare")
        val command = fluxion("compare", "--optimizers", optimizers.joinToString("; ") { it.spec() },
            "--landscapes", "beale; rosenbrock(dim=2)", "--starts", "default+random:3", "--steps", "400",
            "--threads", "2", "--name", "same", "--out", cli.toString())
        command.code shouldBe 0
        csv(built, "same") shouldBe csv(cli, "same")
        command.out shouldContain results.table
        val specs = results.runs.map { it.spec }
        val ours = ResultStore.open(results.store).use { it.summaries(specs) }.map(::bits)
        ResultStore.open(cli.resolve("same.sqlite")).use { theirs ->
            theirs.study() shouldBe results.study.properties()
            theirs.summaries(specs).map(::bits) shouldBe ours
        }
    }

    test("rates { ... } and scan { ... } store what fluxion rates and fluxion scan store") {
        val built = temporaryFolder("builder-rates")
        rates { rules("gd@1/L", "nesterov@optimal"); kappas(10.0, 100.0); dimension(4); steps(20_000); store(built.resolve("rates.sqlite")) }
            .run().report(built)
        val cli = temporaryFolder("cli-rates")
        fluxion("rates", "--rules", "gd@1/L; nesterov@optimal", "--kappas", "10,100", "--dim", "4", "--steps", "20000",
            "--out", cli.toString()).code shouldBe 0
        csv(built, "rates") shouldBe csv(cli, "rates")

        scan { optimizer("gd"); landscape(quadratic(dim = 4, kappa = 10.0)); points(6); steps(200); store(built.resolve("scan.sqlite")) }
            .run().report(built)
        fluxion("scan", "--optimizer", "gd", "--landscape", quadratic(dim = 4, kappa = 10.0).spec(), "--points", "6",
            "--steps", "200", "--out", cli.toString()).code shouldBe 0
        csv(built, "scan") shouldBe csv(cli, "scan")
    }

    test("tune { ... } stores what fluxion tune stores") {
        val built = temporaryFolder("builder-tune")
        tune { optimizers("gd", "adam"); landscapes(rosenbrock()); tune("lr=loguniform(1e-4, 0.1)"); budget(3); starts("default"); steps(200)
            store(built.resolve("tune.sqlite")) }.run().report(built)
        val cli = temporaryFolder("cli-tune")
        fluxion("tune", "--optimizers", "gd; adam", "--landscapes", "rosenbrock(dim=2)", "--tune", "lr=loguniform(1e-4, 0.1)",
            "--budget", "3", "--starts", "default", "--steps", "200", "--out", cli.toString()).code shouldBe 0
        csv(built, "tune") shouldBe csv(cli, "tune")
    }

    test("an optimizer written as a lambda runs as NAME#HASH and steps as the registry's optimizer of the same rule") {
        // u = -0.01 g is gradient descent with lr = 0.01: both take the same steps, so their runs end on the same bits
        val descent = transform("descent") { direction, _ -> for (i in direction.indices) direction[i] = -0.01 * direction[i] }
        val results = compare {
            optimizers(descent, gd(lr = 0.01))
            landscapes(beale())
            starts(default() + random(2))
            steps(300)
            threads(1)
        }.run()
        val (ours, theirs) = results.runs.partition { it.spec.optimizerLabel.startsWith("descent#") }
        ours.first().spec.optimizerSpec shouldMatch Regex("descent#[0-9a-f]{12}")
        ours.size shouldBe 3
        ours.map { it.finalValue.toRawBits() } shouldBe theirs.map { it.finalValue.toRawBits() }
        ours.map { it.steps } shouldBe theirs.map { it.steps }
    }

    test("a scan of an optimizer defined in code for each learning rate steps as gd's scan does") {
        // u = -lr g is gd(lr): the grid's runs (a quadratic with L = 10, so gd diverges above lr = 2/L = 0.2) agree bit for bit
        val family = scan {
            optimizer("descent") { lr -> transform("descent") { d, _ -> for (i in d.indices) d[i] = -lr * d[i] } }
            landscape(quadratic(dim = 4, kappa = 10.0)); learningRates(0.01, 1.0); points(5); steps(100); name("family")
        }.run()
        val gd = scan { optimizer("gd"); landscape(quadratic(dim = 4, kappa = 10.0)); learningRates(0.01, 1.0); points(5); steps(100) }.run()
        family.runs.first().spec.optimizerSpec shouldMatch Regex("descent\\(lr=0\\.01\\)#[0-9a-f]{12}")
        family.runs.map { it.finalValue.toRawBits() } shouldBe gd.runs.map { it.finalValue.toRawBits() }
        family.runs.map { it.outcome.javaClass } shouldBe gd.runs.map { it.outcome.javaClass }
        gd.table shouldContain "2/L = 0.200000"
    }

    test("a landscape given as a dsl expression takes part under its printed form, and runs as the mathematics says") {
        // gradient descent with lr = 0.1 on (x - 1)^2 + 4 y^2 from (2.5, 2.5), three quarters of the box [-5, 5]:
        // x - 1 shrinks by 1 - 2 lr = 0.8 a step and y by 1 - 8 lr = 0.2, so f_k = 1.5^2 0.64^k + 4 (2.5^2) 0.04^k
        val bowl = landscape(dev.fluxion.dsl.formula("(x - 1)^2 + 4*y^2"), minimum = 0.0, minimizers = listOf(doubleArrayOf(1.0, 0.0)))
        val run = compare { optimizers(gd(lr = 0.1)); landscapes(bowl); starts(default()); steps(40) }.run().runs.single()
        run.spec.landscapeLabel shouldStartWith "formula(expression=\""
        val k = run.steps.toDouble()
        run.finalPoint[0] shouldBe ((1 + 1.5 * Math.pow(0.8, k)) plusOrMinus 1e-12)
        run.finalValue shouldBe ((2.25 * Math.pow(0.64, k) + 25 * Math.pow(0.04, k)) plusOrMinus 1e-12)
    }

    test("a landscape the registries do not make from its spec is refused, naming the way to give it") {
        val error = shouldThrow<LabException> { compare { landscapes(landscape(dev.fluxion.dsl.formula("(x - 1)^2 + 4*y^2"))); landscapes(hidden()) } }
        error.message shouldContain "landscape(formula("
    }
})

/** Everything a stored summary says, doubles as their bits. */
private fun bits(r: dev.fluxion.lab.engine.RunResult): List<Any> = listOf(r.spec, r.outcome, r.steps, r.evaluations,
    r.finalValue.toRawBits(), r.finalGap.toRawBits(), r.finalPoint.map { it.toRawBits() }, r.hitSteps, r.hitEvaluations)

/** A landscape whose spec names another one: a formula's landscape with its own expression but rosenbrock's spec. */
private fun hidden() = dev.fluxion.landscapes.Landscape.builder(
    dev.fluxion.landscapes.Arguments.defaults(dev.fluxion.landscapes.LandscapeRegistry.standard().provider("rosenbrock")),
    dev.fluxion.dsl.expr.Expr.parse("x^2 + y^2"), listOf("x", "y")).start(1.0, 1.0).domain(-5.0, 5.0).build()
