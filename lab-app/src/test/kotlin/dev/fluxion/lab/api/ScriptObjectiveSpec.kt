package dev.fluxion.lab.api

import dev.fluxion.lab.ScriptCopy
import dev.fluxion.lab.fluxion
import dev.fluxion.lab.temporaryFolder
import io.kotest.assertions.withClue
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.store.RunRow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeInRange
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldMatch
import java.nio.file.Files
import java.nio.file.Path
import kotlin.math.ln

/**
 * A landscape given in a `.lab.kts` script as an `Objective` (examples/scripts/ScriptObjective.lab.kts, run by
 * `fluxion script` as a user runs it) takes part in a stored comparison of adam and gd with Beale's function, under
 * `NAME(...)#HASH`: re-running computes nothing, and changing its code recomputes exactly the runs on it.
 *
 * The step count is Huber's by hand: gd(lr = 0.05) from (2.5, 2.5) on h(x - 1) + 10 h(y + 2) moves x by -0.05 per
 * step while |x - 1| > 1 (10 steps from 1.5 to 1), then multiplies x - 1 by 1 - 0.05 = 0.95 per step; y - (-2) falls
 * from 4.5 to 1 in 7 steps, then halves per step (its share 5 (y + 2)^2 is below 1e-40 by step 80). So
 * f - f* = 0.95^(2 (k - 10)) / 2 <= 1e-8 first at k - 10 = ceil(ln(2e-8) / (2 ln 0.95)) = 173: k = 183.
 */
class ScriptObjectiveSpec : FunSpec({
    test("an Objective defined in a script: stored under NAME(...)#HASH, resumed without computing, recomputed where changed") {
        val copy = ScriptCopy("ScriptObjective.lab.kts")
        val output = copy.output
        fun run() = copy.run()
        val store = output.resolve("script-objective.sqlite")
        /** The stored rows' keys by landscape label; the store holds the study's 20 runs and no others. */
        fun keysByLandscape(): Map<String, Set<String>> = ResultStore.open(store).use { results ->
            // 2 optimizers x 2 landscapes x (1 default + 4 random starts)
            results.size() shouldBe 20
            RunRow.read(results, false).groupBy({ it.landscape.substringBefore('(') }, { it.key }).mapValues { it.value.toSet() }
        }

        val first = run()
        first shouldContain "20 runs, 0 stored, 20 to compute"
        first shouldContain "report: script-objective.csv, script-objective.html"
        val hit = Regex("reaches f - f\\* <= 1e-8 on huberValley at step (\\d+)").find(first)!!.groupValues[1].toInt()
        val byHand = 10 + Math.ceil(ln(2e-8) / (2 * ln(0.95))).toInt()
        byHand shouldBe 183
        hit shouldBeInRange (byHand - 1)..(byHand + 1) // x - 1 reaches 1 in 10 steps up to rounding
        val before = keysByLandscape()
        // the builder labels a landscape by its spec
        val spec = ResultStore.open(store).use { results -> RunRow.read(results, false).first { it.landscape.startsWith("huberValley") }.landscape }
        spec shouldMatch Regex("huberValley\\(lower=-5\\.0, upper=5\\.0, minimizers=\"1\\.0 -2\\.0\"\\)#[0-9a-f]{${CodeHash.DIGITS}}")
        // the contours of a landscape given by code are drawn by evaluating it
        Files.readString(output.resolve("script-objective-trajectories.svg")) shouldContain "<svg"

        // without the script, `fluxion report` rebuilds the table and the page from the store alone, whose record of
        // the landscape holds its facts and its values on the contour grid, sampled when the study ran: they are the
        // script's, as is the CSV `fluxion export` writes
        val rebuilt = temporaryFolder("rebuilt")
        val report = fluxion("report", store.toString(), "--html", rebuilt.resolve("script-objective.html").toString())
        withClue(report.err) { report.code shouldBe 0 }
        val table = report.out.substringBefore("wrote ")
        table shouldContain "huberValley"
        first shouldContain table
        Files.readString(rebuilt.resolve("script-objective.html")) shouldBe Files.readString(output.resolve("script-objective.html"))
        fun pngs(folder: Path) = Files.list(folder).use { files -> files.map { it.fileName.toString() }.filter { it.endsWith(".png") }.sorted().toList() }
        pngs(rebuilt) shouldBe pngs(output)
        val exported = fluxion("export", store.toString(), "--csv", rebuilt.resolve("script-objective.csv").toString())
        withClue(exported.err) { exported.code shouldBe 0 }
        Files.readAllLines(rebuilt.resolve("script-objective.csv")) shouldBe Files.readAllLines(output.resolve("script-objective.csv"))

        run() shouldContain "20 runs, 20 stored, 0 to compute"

        // Huber's threshold moves from 1 to 2 in the value alone: other code, so other keys for its 10 runs
        copy.edit("if (abs(r) <= 1) r * r / 2 else abs(r) - 0.5", "if (abs(r) <= 2) r * r / 2 else 2 * abs(r) - 2.0")
        run() shouldContain "20 runs, 10 stored, 10 to compute"
        val after = keysByLandscape()
        after.getValue("beale") shouldBe before.getValue("beale")
        after.getValue("huberValley").intersect(before.getValue("huberValley")) shouldBe emptySet()
        after.getValue("huberValley").size shouldBe 10
    }
})
