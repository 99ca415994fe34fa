package dev.fluxion.lab

import dev.fluxion.lab.cli.FluxionCommand
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.io.PrintWriter
import java.io.StringWriter
import java.nio.file.Files
import java.nio.file.Path

/** `fluxion script FILE.java` runs an experiment with Fluxion on its class path, or names its compile errors. */
class ScriptSpec : FunSpec({
    data class Outcome(val code: Int, val out: String, val err: String)

    fun fluxion(vararg args: String): Outcome {
        val out = StringWriter()
        val err = StringWriter()
        val code = FluxionCommand.commandLine(PrintWriter(out, true), PrintWriter(err, true)).execute(*args)
        return Outcome(code, out.toString(), err.toString())
    }

    fun script(name: String, text: String): Path =
        Files.createTempDirectory("fluxion-script").resolve(name).also { Files.writeString(it, text.trimIndent() + "\n") }

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

    test("a missing script or a Kotlin one is one line") {
        fluxion("script", "/nonexistent/Experiment.java").err.trim() shouldBe
            "fluxion: no such script: /nonexistent/Experiment.java"
        fluxion("script", script("study.lab.kts", "println(1)").toString()).err shouldContain "only Java files"
    }
})
