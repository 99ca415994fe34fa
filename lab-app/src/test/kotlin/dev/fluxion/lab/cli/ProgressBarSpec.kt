package dev.fluxion.lab.cli

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Outcome
import dev.fluxion.lab.engine.Progress
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotContain
import java.io.PrintWriter
import java.io.StringWriter

/** The progress bar's line, worked out by hand from the counts and the time, and when the reporter draws it. */
class ProgressBarSpec : FunSpec({
    val second = 1_000_000_000L
    val result = RunResult.unfinished(RunSpec("gd", "gd", "sphere", "sphere", 0, listOf(0.0), 0, 0,
        Budget(maxSteps = 100, targets = listOf(1e-8))), Outcome.OutOfBudget(100), 100)

    test("the line shows the runs done, the rate and the time left at that rate") {
        // 120 of 400 in 10 s: 30 * 120 / 400 = 9 marks, 12 runs a second, 280 left take 280 / 12 = 23.3 s, so 0:24
        ProgressBar.line(120, 400, 10 * second) shouldBe
            "[#########.....................] 120/400 runs, 12.0 runs/s, ETA 0:24"
        // 3 of 10 in 25 s: 9 marks, 25 / 3 = 8.33 s a run, 7 left take 58.3 s, so 0:59
        ProgressBar.line(3, 10, 25 * second) shouldBe "[#########.....................] 3/10 runs, 8.3 s/run, ETA 0:59"
        // 1 of 1000 in 2 s: no mark yet, 999 left take 1998 s = 33 min 18 s
        ProgressBar.line(1, 1000, 2 * second) shouldBe "[..............................] 1/1000 runs, 2.0 s/run, ETA 33:18"
    }

    test("no rate before the first run; the whole time once all are done") {
        ProgressBar.line(0, 50, 3 * second) shouldBe "[..............................] 0/50 runs, ETA --:--"
        // 400 runs in 3725 s = 1 h 2 min 5 s, 9.3125 s a run
        ProgressBar.line(400, 400, 3725 * second) shouldBe
            "[##############################] 400/400 runs, 9.3 s/run, in 1:02:05"
        ProgressBar.duration(59) shouldBe "0:59"
        ProgressBar.duration(3600) shouldBe "1:00:00"
    }

    test("on a terminal the bar appears once the runs have taken a second, redrawn in place, and ends its line") {
        var now = 0L
        val text = StringWriter()
        val reporter = ProgressReporter(PrintWriter(text), terminal = true) { now }
        reporter.accept(Progress.Planned(4, 0))
        now = second / 2
        reporter.accept(Progress.Finished(result, 1, 4))
        text.toString() shouldBe "4 runs, 0 already stored, 4 to compute\n"
        now = 2 * second
        reporter.accept(Progress.Finished(result, 2, 4))
        now = 2 * second + 1 // too soon to draw again
        reporter.accept(Progress.Finished(result, 3, 4))
        now = 4 * second
        reporter.accept(Progress.Finished(result, 4, 4))
        text.toString() shouldBe "4 runs, 0 already stored, 4 to compute\n" +
            "\r[###############...............] 2/4 runs, 1.0 runs/s, ETA 0:02" +
            "\r[##############################] 4/4 runs, 1.0 runs/s, in 0:04" + " \n"
    }

    test("a study quicker than a second shows no bar, and without a terminal the lines stay plain") {
        var now = 0L
        val quick = StringWriter()
        ProgressReporter(PrintWriter(quick), terminal = true) { now }.apply {
            accept(Progress.Planned(2, 0))
            now = second / 10
            accept(Progress.Finished(result, 1, 2))
            accept(Progress.Finished(result, 2, 2))
        }
        quick.toString() shouldBe "2 runs, 0 already stored, 2 to compute\n"
        val plain = StringWriter()
        ProgressReporter(PrintWriter(plain), terminal = false) { now }.apply {
            accept(Progress.Planned(2, 0))
            now = 5 * second
            accept(Progress.Finished(result, 1, 2))
        }
        plain.toString() shouldNotContain "\r"
        plain.toString().lines()[1] shouldBe "1/2 runs done (last: ${result.summary()})"
    }
})
