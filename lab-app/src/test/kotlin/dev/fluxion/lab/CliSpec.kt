package dev.fluxion.lab

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import java.nio.file.Files

class CliSpec : FunSpec({
    fun CommandOutcome.shouldBeOneLineError(vararg fragments: String) {
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
        val out = temporaryFolder("fluxion-cli")
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

    test("rates and scan write their stores and pages; report rebuilds them; export gives JSON") {
        val out = temporaryFolder("fluxion-studies")
        val rates = fluxion("rates", "--rules", "gd@1/L; nesterov@optimal", "--kappas", "1,10,100", "--dim", "4",
            "--out", out.toString())
        rates.code shouldBe 0
        rates.out shouldContain "theory rho"
        rates.out shouldContain "nesterov@optimal"
        val ratesPage = Files.readString(out.resolve("rates.html"))
        ratesPage shouldContain "1 - rho against kappa"
        ratesPage shouldContain "Steps to f - f*"
        val scan = fluxion("scan", "--landscape", "quadratic(dim=4, kappa=10)", "--points", "12", "--steps", "300",
            "--out", out.toString())
        scan.code shouldBe 0
        scan.err shouldContain "12 runs, 0 already stored, 12 to compute; then up to 24 bisection runs"
        scan.out shouldContain "2/L = 0.200000"
        // the scan curve's marker: Lets-Plot writes the label on a line of its own inside the text element
        Files.readString(out.resolve("scan.html")) shouldContain Regex(">\\s*2/L\\s*</text>")
        Files.delete(out.resolve("rates.html"))
        val report = fluxion("report", out.resolve("rates.sqlite").toString())
        report.code shouldBe 0
        report.out.lines().first() shouldBe rates.out.lines().first()
        Files.readString(out.resolve("rates.html")) shouldBe ratesPage
        fluxion("report", out.resolve("scan.sqlite").toString()).out shouldContain "divergence edge"
        val json = fluxion("export", out.resolve("rates.sqlite").toString(), "--json")
        json.code shouldBe 0
        json.out shouldContain "\"kind\": \"rates\""
        json.out shouldContain "\"outcome\": \"reached\""
        fluxion("report", out.resolve("missing.sqlite").toString()).shouldBeOneLineError("missing.sqlite")
        fluxion("rates", "--rules", "gd@3/L", "--out", out.toString()).shouldBeOneLineError("0 < c < 2")
    }
})
