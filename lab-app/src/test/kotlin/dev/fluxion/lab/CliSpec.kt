package dev.fluxion.lab

import dev.fluxion.lab.cli.FluxionCommand
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import java.io.PrintWriter
import java.io.StringWriter
import java.nio.file.Files

class CliSpec : FunSpec({
    data class Outcome(val code: Int, val out: String, val err: String)

    fun fluxion(vararg args: String): Outcome {
        val out = StringWriter()
        val err = StringWriter()
        val code = FluxionCommand.commandLine(PrintWriter(out, true), PrintWriter(err, true)).execute(*args)
        return Outcome(code, out.toString(), err.toString())
    }

    fun Outcome.shouldBeOneLineError(vararg fragments: String) {
        code shouldBe 2
        err.trim().lines().size shouldBe 1
        err shouldNotContain "\tat "
        fragments.forEach { err shouldContain it }
    }

    test("grad prints the value and the hand-computed gradient") {
        // f = x^2 y + sin x: df/dx = 2xy + cos x = 4 + cos 1, df/dy = x^2 = 1
        val r = fluxion("grad", "x^2*y + sin(x)", "--at", "x=1,y=2")
        r.code shouldBe 0
        r.out shouldContain "= ${2.0 + Math.sin(1.0)}"
        r.out shouldContain "df/dx = ${4.0 + Math.cos(1.0)}"
        r.out shouldContain "df/dy = 1.0"
    }

    test("diff prints the simplified derivative") {
        val r = fluxion("diff", "x^3", "--by", "x")
        r.code shouldBe 0
        r.out.trim().replace(" ", "") shouldBe "3*x^2"
    }

    test("list shows optimizers and landscapes; check passes on a smooth landscape") {
        val list = fluxion("list")
        list.code shouldBe 0
        list.out shouldContain "adam"
        list.out shouldContain "rosenbrock"
        val check = fluxion("check", "rosenbrock(dim=2)")
        check.code shouldBe 0
        check.out shouldContain "passes"
    }

    test("run prints the outcome and the trace") {
        val r = fluxion("run", "--optimizer", "gd(lr=0.01)", "--landscape", "quadratic(dim=2, kappa=10)", "--steps", "3000")
        r.code shouldBe 0
        r.out shouldContain "reached f - f* <= 1.0E-8"
        r.out shouldContain "|grad f|"
    }

    test("bad input gives one line and exit code 2") {
        fluxion("compare", "--optimizers", "nosuch(lr=1)").shouldBeOneLineError("nosuch", "adam")
        fluxion("compare", "--landscapes", "nowhere").shouldBeOneLineError("nowhere", "rosenbrock")
        fluxion("compare", "--landscapes", "quadratic(dim=2 kappa=3)").shouldBeOneLineError("column")
        fluxion("compare", "--starts", "sideways").shouldBeOneLineError("sideways")
        fluxion("grad", "x^2 +* y", "--at", "x=1,y=2").shouldBeOneLineError("column")
        fluxion("grad", "x*y", "--at", "x=1").shouldBeOneLineError("y")
        fluxion("export", "/nonexistent/study.sqlite").shouldBeOneLineError("/nonexistent/study.sqlite")
        fluxion("compare", "--out", "/proc/fluxion-cannot-write").shouldBeOneLineError("/proc/fluxion-cannot-write")
        fluxion("frobnicate").shouldBeOneLineError("frobnicate")
        fluxion("run", "--optimizer", "gd").shouldBeOneLineError("landscape")
    }

    test("compare writes the store, the CSV and the HTML report, and exits 0") {
        val out = Files.createTempDirectory("fluxion-cli")
        val r = fluxion("compare", "--optimizers", "gd(lr=0.01); adam(lr=0.05)", "--landscapes", "beale; saddle",
            "--starts", "default+random:1", "--steps", "300", "--threads", "2", "--out", out.toString(), "--name", "small")
        r.code shouldBe 0
        r.out shouldContain "beale"
        val html = Files.readString(out.resolve("small.html"))
        html shouldContain "<svg"
        html shouldContain "trajectories"
        Files.readAllLines(out.resolve("small.csv")).size shouldBe 1 + 2 * 2 * 2
        r.err shouldContain "8 runs, 0 already stored"
        fluxion("compare", "--optimizers", "gd(lr=0.01); adam(lr=0.05)", "--landscapes", "beale; saddle",
            "--starts", "default+random:1", "--steps", "300", "--out", out.toString(), "--name", "small")
            .err shouldContain "8 runs, 8 already stored"
    }
})
