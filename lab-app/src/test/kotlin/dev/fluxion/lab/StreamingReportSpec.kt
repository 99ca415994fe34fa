package dev.fluxion.lab

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.Trace
import dev.fluxion.lab.report.ConsoleTable
import dev.fluxion.lab.stats.SummaryColumns
import dev.fluxion.lab.store.KeyIndex
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.lab.study.StartPlan
import dev.fluxion.lab.study.Studies
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.nio.file.Files
import java.util.concurrent.TimeUnit

/**
 * Issue 17, "a store that scales", at CI scale: a study's plan, its report and its exports take memory that grows by
 * a few primitives a run, not by an object a run. 100,000 short runs compute, report and export in a 64 MB heap,
 * where the plan of RunSpec objects and the summaries of RunResult objects the lab held before (about 800 bytes a
 * run together) ran out of it.
 */
class StreamingReportSpec : FunSpec({
    val runs = 100_000
    val heap = listOf("-Xmx64m", "-XX:+ExitOnOutOfMemoryError")

    test("100,000 runs compute, report and export in a 64 MB heap, the report's figures matching the export's rows") {
        val out = temporaryFolder("fluxion-streaming")
        val compare = ForkedFluxion.start(listOf("compare", "--optimizers", "gd(lr=0.1)", "--landscapes", "sphere",
            "--starts", "random:$runs", "--steps", "20", "--traces", "none", "--threads", "2", "--out", out.toString(),
            "--name", "wide"), jvm = heap, stderr = out.resolve("compare.txt"))
        compare.waitFor(120, TimeUnit.SECONDS) shouldBe true
        compare.exitValue() shouldBe 0
        val store = out.resolve("wide.sqlite")
        ForkedFluxion.storedRuns(store) shouldBe runs

        val report = ForkedFluxion.start(listOf("report", store.toString(), "--html", out.resolve("again.html").toString()),
            jvm = heap, stderr = out.resolve("report.txt"))
        val export = ForkedFluxion.start(listOf("export", store.toString(), "--csv", out.resolve("export.csv").toString(),
            "--json=${out.resolve("export.json")}"), jvm = heap, stderr = out.resolve("export.txt"))
        report.waitFor(60, TimeUnit.SECONDS) shouldBe true
        export.waitFor(60, TimeUnit.SECONDS) shouldBe true
        report.exitValue() shouldBe 0
        export.exitValue() shouldBe 0

        val rows = Files.readAllLines(out.resolve("export.csv")).drop(1)
        rows.size shouldBe runs
        Files.readAllLines(out.resolve("wide.csv")).size shouldBe 1 + runs
        Files.lines(out.resolve("export.json")).use { lines -> lines.filter { it.trimStart().startsWith("{\"run_key\"") }.count() } shouldBe runs.toLong()
        // hit_steps is the last column but one (the budget column before it holds quoted commas): the steps to
        // f - f* <= 1e-1 ... 1e-8, space-separated
        val hits = rows.map { row -> row.split(',').let { it[it.size - 2] }.split(' ').map { it.toLong() } }
        // gradient descent with lr 0.1 on sum x_i^2 multiplies f by 0.8^2 = 0.64 a step, and 0.64^5 > 0.1 > 0.64^6:
        // from one target to the next (a factor 10 lower) takes 5 or 6 steps, for a run that starts above the first
        // (one that starts below a target hits it at step 0)
        for (h in hits) for (t in 1 until h.size) if (h[t] >= 0 && h[t - 1] > 0) ((h[t] - h[t - 1]) in 5L..6L) shouldBe true
        // the report's table, from the store's rows streamed into per-pair columns, against the export's rows
        val page = Files.readString(out.resolve("again.html"))
        page shouldContain "$runs runs."
        Files.readString(out.resolve("wide.html")) shouldContain "$runs runs."
        val cells = Regex("<td>gd\\(lr=0.1\\)</td><td>sphere</td>(.*?)</tr>").find(page)!!.groupValues[1]
            .removePrefix("<td>").removeSuffix("</td>").split("</td><td>")
        for (t in 0 until 8) {
            val reached = hits.map { it[t] }.filter { it >= 0 }.sorted()
            val percent = Math.round(100 * (reached.size.toDouble() / runs))
            val median = if (reached.isEmpty()) "-" else ConsoleTable.g(
                if (reached.size % 2 == 1) reached[reached.size / 2].toDouble()
                else (reached[reached.size / 2 - 1] + reached[reached.size / 2]) / 2.0)
            cells[t].startsWith("$percent% / ") shouldBe true
            cells[t].endsWith(" / $median") shouldBe true
        }
    }

    test("a comparison's plan makes the run at each index by arithmetic: landscape, optimizer, start, seed") {
        val study = CompareStudy(listOf("gd(lr=0.1)", "adam(lr=0.01)"), listOf("sphere", "quadratic(dim=3, kappa=10)"),
            StartPlan("default+grid:2"), seeds = 3)
        val plan = study.runs(Engine(1))
        // sphere (dim 2) has 1 + 2^2 starts, the quadratic (dim 3) 1 + 2^3: 2 optimizers x 3 seeds x (5 + 9)
        plan.size shouldBe 2 * 3 * (5 + 9)
        // index 47: past sphere's 30 runs, 17 into the quadratic's: optimizer 17 / 27 = 0, start 17 / 3 = 5, seed 2
        val run = plan[47]
        run.landscapeLabel shouldBe "quadratic(dim=3, kappa=10)"
        run.optimizerLabel shouldBe "gd(lr=0.1)"
        run.startIndex shouldBe 5
        run.seedIndex shouldBe 2
        // grid start 4 (start 5 less the default) of 2 per axis on the box, first axis fastest: cells (0, 0, 1)
        val box = Engine(1).landscape("quadratic(dim=3, kappa=10)").facts().domain()
        run.start shouldBe listOf(0, 1, 2).map { i ->
            val cell = if (i == 2) 1 else 0
            box.lower()[i] + (cell + 0.5) / 2 * (box.upper()[i] - box.lower()[i])
        }
        plan[29].let { listOf(it.landscapeLabel, it.optimizerLabel, it.startIndex, it.seedIndex) } shouldBe
            listOf("sphere", "adam(lr=0.01)", 4, 2)
        plan[0].start shouldBe listOf(3.0, 3.0) // sphere's default start
        plan.map { it.key }.toSet().size shouldBe plan.size
    }

    test("a key index finds each key's first position, counts shared keys, and keeps keys that are not hex") {
        val keys = listOf("00000000000000ff", "8000000000000000", "00000000000000ff", "not-a-hash", "0000000000000001")
        val index = KeyIndex.of(keys)
        index.size shouldBe 4
        index.positionOf("00000000000000ff") shouldBe 0
        index.positionOf("8000000000000000") shouldBe 1 // above Long.MAX_VALUE as unsigned: sorted as signed, found
        index.positionOf("not-a-hash") shouldBe 3
        index.positionOf("0000000000000001") shouldBe 4
        index.positionOf("0000000000000002") shouldBe -1
        ("not-a-hash" in index) shouldBe true
        val other = KeyIndex.of(listOf("0000000000000001", "not-a-hash", "ffffffffffffffff"))
        index.countIn(other) shouldBe 2
        other.countIn(index) shouldBe 2
        other.allIn(index) shouldBe false
        KeyIndex.of(listOf("0000000000000001", "not-a-hash")).allIn(index) shouldBe true
    }

    test("summary columns give the same tables, ECDFs and profiles whatever the order the runs arrive in") {
        val study = CompareStudy(listOf("gd(lr=0.01)", "newton(lr=1)"), listOf("beale", "saddle", "sphere"),
            StartPlan("default+random:6"), seeds = 2, budget = Budget(maxSteps = 200, gradientNoise = 1e-2))
        val results = Studies.run(study, ResultStore.open(temporaryFolder("fluxion-columns").resolve("c.sqlite")), 2)
        val shuffled = SummaryColumns()
        results.indices.shuffled(java.util.Random(5)).forEach { shuffled.add(it, results[it].copy(trace = Trace.EMPTY)) }
        val ordered = SummaryColumns.of(results)
        shuffled.summaries() shouldBe ordered.summaries()
        shuffled.ecdfs() shouldBe ordered.ecdfs()
        shuffled.profiles(3) shouldBe ordered.profiles(3)
        shuffled.runs shouldBe results.size
        // the pairs in the study's order; newton leaves the saddle's saddle point, and the first ten of those are kept
        ordered.summaries().map { it.optimizer to it.landscape } shouldBe listOf("beale", "saddle", "sphere")
            .flatMap { l -> listOf("gd(lr=0.01)" to l, "newton(lr=1)" to l) }
        val diverged = results.filter { it.spec.landscapeLabel == "saddle" && it.outcome.kind == "diverged" }
        (diverged.size > 10) shouldBe true
        shuffled.ended("saddle", "diverged") shouldBe diverged.take(10).map { it.copy(trace = Trace.EMPTY) }
    }
})
