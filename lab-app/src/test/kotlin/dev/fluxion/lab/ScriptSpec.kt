package dev.fluxion.lab

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.study.CompareStudy
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import io.kotest.assertions.withClue
import java.nio.file.Files
import java.nio.file.Path

/** `fluxion script FILE.java` runs an experiment with Fluxion on its class path, or names its compile errors. */
class ScriptSpec : FunSpec({
    fun script(name: String, text: String): Path =
        temporaryFolder("fluxion-script").resolve(name).also { Files.writeString(it, text.trimIndent() + "\n") }

    test("a Java experiment runs with Fluxion on its class path and prints its numbers") {
        // gradient descent on (x - 3)^2 with lr = 0.25 halves the error each step: x_k = 3 - 3 / 2^k
        val experiment = script("Experiment.java", """
            import dev.fluxion.dsl.expr.Expr;
            import dev.fluxion.optimizers.Optimizers;

            public class Experiment {
                public static void main(String[] args) {
                    int steps = Integer.parseInt(args[0]);
                    double[] x = {0};
                    Optimizers.parse("gd(lr=0.25)").minimize(Expr.parse("(x - 3)^2").compile("x"), x, steps);
                    System.out.println("x = " + x[0]);
                    System.err.println("done after " + steps + " steps");
                }
            }
        """)
        val run = fluxion("script", experiment.toString(), "10")
        run.code shouldBe 0
        run.out.trim() shouldBe "x = ${3 - 3 / 1024.0}"
        run.err.trim() shouldBe "done after 10 steps"
    }

    test("a compile error is one line naming the file, the line and the column, and exit code 2") {
        val broken = script("Broken.java", """
            public class Broken {
                public static void main(String[] args) {
                    double y = 1 +;
                }
            }
        """)
        val syntax = fluxion("script", broken.toString())
        syntax.code shouldBe 2
        syntax.err.lines().filter { it.isNotBlank() } shouldBe listOf("fluxion: $broken:3:23: illegal start of expression")
        syntax.out shouldBe ""

        val unknown = script("Unknown.java", """
            public class Unknown {
                public static void main(String[] args) {
                    System.out.println(undefined);
                    System.out.println(alsoUndefined);
                }
            }
        """)
        val names = fluxion("script", unknown.toString())
        names.code shouldBe 2
        names.err.lines().filter { it.isNotBlank() } shouldBe listOf(
            "fluxion: $unknown:3:28: cannot find symbol (symbol: variable undefined)",
            "fluxion: $unknown:4:28: cannot find symbol (symbol: variable alsoUndefined)",
        )
    }

    test("a missing script or one of another kind is one line") {
        fluxion("script", "/nonexistent/Experiment.java").err.trim() shouldBe
            "fluxion: no such script: /nonexistent/Experiment.java"
        fluxion("script", script("study.kts", "println(1)").toString()).err.trim() shouldContain
            "a script is a Kotlin script FILE.lab.kts or a Java file FILE.java"
    }

    test("a Kotlin script runs a compare study with Fluxion's packages imported and prints its numbers") {
        // quadratic(dim=2, kappa=10, rotated=false) is (x^2 + 10 y^2) / 2 about x*, started at x* + (3, 3).
        // gd(lr=0.1) = 1/L zeroes y in one step and multiplies x - x*_1 by 0.9 per step, so
        // f - f* = 9 / 2 * 0.81^k; gd(lr=0.05) leaves 9 / 2 * 0.9025^k + 90 / 2 * 0.25^k.
        val study = script("compare.lab.kts", """
            val engine = Engine(threads = 1)
            val study = CompareStudy(listOf("gd(lr=0.1)", "gd(lr=0.05)"),
                listOf("quadratic(dim=2, kappa=10, rotated=false)"), budget = Budget(maxSteps = 400))
            for (run in study.runs(engine).map(engine::run)) {
                println("${'$'}{run.spec.optimizerLabel}: steps to 1e-8 = ${'$'}{run.hitSteps.last()}, outcome ${'$'}{run.outcome::class.simpleName}")
            }
            println("args = ${'$'}{args.toList()}, sqrt(2) = ${'$'}{sqrt(2.0)}")
        """)
        val run = fluxion("script", study.toString(), "a", "b")
        withClue(run.err) { run.code shouldBe 0 }
        fun stepsBelow(gap: (Int) -> Double) = generateSequence(0) { it + 1 }.first { gap(it) <= 1e-8 }
        val fast = stepsBelow { k -> 4.5 * Math.pow(0.81, k.toDouble()) }
        val slow = stepsBelow { k -> 4.5 * Math.pow(0.9025, k.toDouble()) + 45 * Math.pow(0.25, k.toDouble()) }
        (fast to slow) shouldBe (95 to 195)
        run.out.lines().filter { it.isNotBlank() } shouldBe listOf(
            "gd(lr=0.1): steps to 1e-8 = $fast, outcome ReachedTarget",
            "gd(lr=0.05): steps to 1e-8 = $slow, outcome ReachedTarget",
            "args = [a, b], sqrt(2) = ${Math.sqrt(2.0)}",
        )
    }

    test("a Kotlin script's compile error is one line per error naming the file, line and column, and exit code 2") {
        val broken = script("broken.lab.kts", """
            val f = Expr.parse("x^2")
            val y = 1 + * 2
        """)
        val syntax = fluxion("script", broken.toString())
        syntax.code shouldBe 2
        syntax.out shouldBe ""
        // the parser, having found no operand after '+', also misreads what follows as a property accessor
        syntax.err.lines().filter { it.isNotBlank() } shouldBe listOf(
            "fluxion: $broken:2:13: Syntax error: Expecting an element.",
            "fluxion: $broken:2:15: Syntax error: Property getter or setter expected.",
        )

        val unknown = script("unknown.lab.kts", """
            println(undefinedName)
            val z = sqrt(2.0) + alsoUndefined
        """)
        val names = fluxion("script", unknown.toString())
        names.code shouldBe 2
        names.err.lines().filter { it.isNotBlank() } shouldBe listOf(
            "fluxion: $unknown:1:9: Unresolved reference 'undefinedName'.",
            "fluxion: $unknown:2:21: Unresolved reference 'alsoUndefined'.",
        )
    }

    test("a Kotlin script that throws gives one line naming the script, its line and the cause, and exit code 1") {
        val throwing = script("throwing.lab.kts", """
            println("before")
            val landscape = LandscapeRegistry.standard().create("no-such-landscape")
        """)
        val run = fluxion("script", throwing.toString())
        run.code shouldBe 1
        run.out.trim() shouldBe "before"
        val lines = run.err.lines().filter { it.isNotBlank() }
        lines.size shouldBe 1
        lines[0] shouldStartWith "fluxion: $throwing:2: LandscapeException: "
        lines[0] shouldContain "no-such-landscape"
    }
})
