package dev.fluxion.lab

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.Plugins
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.fixtures.PluginJarFixture
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.RatesStudy
import dev.fluxion.lab.study.ScanStudy
import dev.fluxion.lab.study.Study
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.nio.file.Files
import java.nio.file.Path

/**
 * `--plugins` reaches every study: `rates` and `scan` (and `report`, which rebuilds them) read specs with the
 * plugin registries as `compare` and `run` do; `report` of a study whose plugins are not given rebuilds it from
 * what its store recorded (the optimizers' specs with the runs, the landscapes' facts as the study ran). The plugin jar adds `tilted-bowl(kappa=k)`, (x - 1)^2/2 +
 * k (y + 2)^2/2, and `steepest(lr=...)`, gradient descent under another name; neither is on the class path's
 * service lists. The expected values come from the formula: the Hessian is diag(1, k), so L = k and mu = 1 for
 * k >= 1; gradient descent at 1/L contracts the error by 1 - 1/k per step, and diverges above 2/L = 2/k.
 */
class PluginStudiesSpec : FunSpec({
    val folder = temporaryFolder("fluxion-plugin-studies")
    val jar = PluginJarFixture.write(folder)
    val registries = Plugins.load(listOf(jar)).registries

    fun stored(store: Path): Pair<Study, List<RunResult>> = ResultStore.open(store).use { results ->
        val study = Study.of(results.study())
        study to results.load(study.runs(Engine(1, registries)))
    }

    test("rates runs on a plugin landscape family; the fitted rate of gd at 1/L is 1 - 1/kappa") {
        val out = folder.resolve("rates")
        val r = fluxion("--plugins", jar.toString(), "rates", "--rules", "gd@1/L", "--kappas", "10,100",
            "--landscape", "tilted-bowl(kappa={kappa})", "--threads", "2", "--out", out.toString())
        withClue(r.err) { r.code shouldBe 0 }
        r.out shouldContain "gd@1/L"
        val (study, results) = stored(out.resolve("rates.sqlite"))
        results.map { it.spec.landscapeLabel } shouldBe listOf("tilted-bowl(kappa=10)", "tilted-bowl(kappa=100)")
        val rows = (study as RatesStudy).analyse(results, Engine(1, registries))
        rows.map { it.fittedRate }.zip(listOf(10.0, 100.0)).forEach { (fitted, kappa) ->
            fitted shouldBe (1 - 1 / kappa plusOrMinus 0.02 * (1 - 1 / kappa))
        }
        Files.readString(out.resolve("rates.html")) shouldContain "tilted-bowl(kappa=k)"
    }

    test("scan runs a plugin optimizer on a plugin landscape; the edge is 2/L") {
        val out = folder.resolve("scan")
        val r = fluxion("--plugins", jar.toString(), "scan", "--optimizer", "steepest",
            "--landscape", "tilted-bowl(kappa=50)", "--from", "0.001", "--to", "1", "--points", "16", "--steps", "300",
            "--threads", "2", "--out", out.toString())
        withClue(r.err) { r.code shouldBe 0 }
        ResultStore.open(out.resolve("scan.sqlite")).use { store ->
            val study = Study.of(store.study()) as ScanStudy
            val engine = Engine(1, registries)
            val grid = store.load(study.runs(engine))
            grid.first().spec.optimizerSpec shouldContain "steepest"
            val scan = study.analyse(grid, engine) { store.find(it) ?: error("the scan stored every bisection run") }
            scan.edge shouldBe (2.0 / 50 plusOrMinus 0.02 * 2.0 / 50)
        }
        val withPlugins = fluxion("--plugins", jar.toString(), "report", out.resolve("scan.sqlite").toString(),
            "--html", out.resolve("with.html").toString())
        withClue(withPlugins.err) { withPlugins.code shouldBe 0 }
        // without --plugins, from the store alone: it recorded the plugin landscape's facts as the scan ran, and the
        // plugin optimizer's spec with its runs, so the table and the page are those made with the plugins
        val fromStore = fluxion("report", out.resolve("scan.sqlite").toString(), "--html", out.resolve("without.html").toString())
        withClue(fromStore.err) { fromStore.code shouldBe 0 }
        fromStore.out.lines().dropLast(2) shouldBe withPlugins.out.lines().dropLast(2) // the last line names the page
        Files.readString(out.resolve("without.html")).replace("without-", "with-") shouldBe Files.readString(out.resolve("with.html"))
    }

    test("rates runs a plugin optimizer at fixed hyperparameters: gd at lr = 0.05 contracts by max |1 - lr lambda| = 0.95") {
        // steepest(lr=0.05) is gradient descent; on quadratic(kappa=k) the Hessian's eigenvalues span [1, k], so the
        // error's slowest direction contracts by max(|1 - 0.05|, |1 - 0.05 k|) = 0.95 per step for k = 10 and 20
        val out = folder.resolve("rates-optimizer")
        val r = fluxion("--plugins", jar.toString(), "rates", "--rules", "steepest(lr=0.05)", "--kappas", "10,20",
            "--dim", "4", "--threads", "1", "--out", out.toString())
        withClue(r.err) { r.code shouldBe 0 }
        // no theory for a plugin's optimizer: the theory, error and prediction columns are dashes
        val row = r.out.lines().first { it.startsWith("steepest(lr=0.05)") && it.contains(" 10 ") }
        row.split(Regex("\\s{2,}"))[2] shouldBe "-"
        val (study, results) = stored(out.resolve("rates.sqlite"))
        results.map { it.spec.optimizerSpec } shouldBe listOf("steepest(lr=0.05)", "steepest(lr=0.05)")
        (study as RatesStudy).analyse(results, Engine(1, registries)).forEach { it.fittedRate shouldBe (0.95 plusOrMinus 1e-4) }

        // its report is rebuilt from the stored rows alone, which hold the plugin optimizer's canonical spec: without
        // --plugins it is the report made with them, table and page
        val withPlugins = fluxion("--plugins", jar.toString(), "report", out.resolve("rates.sqlite").toString(),
            "--html", out.resolve("with.html").toString())
        withClue(withPlugins.err) { withPlugins.code shouldBe 0 }
        val fromRows = fluxion("report", out.resolve("rates.sqlite").toString(), "--html", out.resolve("without.html").toString())
        withClue(fromRows.err) { fromRows.code shouldBe 0 }
        fromRows.out.lines().dropLast(2) shouldBe withPlugins.out.lines().dropLast(2) // the last line names the page
        fromRows.out shouldContain "steepest(lr=0.05)"
        // the same page, but for the names of its plots, which follow the page's
        Files.readString(out.resolve("without.html")).replace("without-", "with-") shouldBe Files.readString(out.resolve("with.html"))
    }

    test("without the plugin, the same specs are one-line errors with exit code 2") {
        val out = folder.resolve("none").toString()
        for (args in listOf(arrayOf("scan", "--optimizer", "steepest", "--out", out),
            arrayOf("rates", "--landscape", "tilted-bowl(kappa={kappa})", "--out", out))) {
            val r = fluxion("--plugins", folder.resolve("empty-folder").also { Files.createDirectories(it) }.toString(), *args)
            r.code shouldBe 2
            r.err.trim().lines().size shouldBe 1
        }
        val noKappa = fluxion("rates", "--landscape", "quadratic(dim=2, kappa=10)", "--out", out)
        noKappa.code shouldBe 2
        noKappa.err.trim().lines().size shouldBe 1
        noKappa.err shouldContain "{kappa}"
        // a store that recorded no facts of its plugin landscape (as one of an earlier fluxion): its report needs the plugin
        val scan = folder.resolve("scan-unrecorded").also { Files.createDirectories(it) }.resolve("scan.sqlite")
        Files.copy(folder.resolve("scan").resolve("scan.sqlite"), scan)
        java.sql.DriverManager.getConnection("jdbc:sqlite:$scan").use { it.createStatement().execute("DELETE FROM landscape_records") }
        val report = fluxion("report", scan.toString())
        report.code shouldBe 2
        report.err shouldContain "tilted-bowl"
    }
})
