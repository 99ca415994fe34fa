package dev.fluxion.lab.api

import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.fluxion
import dev.fluxion.lab.ScriptCopy
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import java.nio.file.Files

/**
 * An optimizer defined inline in a `.lab.kts` script (examples/scripts/ScriptOptimizer.lab.kts, run by `fluxion
 * script` as a user runs it) takes part in a stored comparison with Adam, under its spec and a hash of its code.
 */
class ScriptExtensionsSpec : FunSpec({
    test("re-running the script computes nothing; changing the optimizer's code recomputes exactly its runs") {
        val copy = ScriptCopy("ScriptOptimizer.lab.kts")
        val output = copy.output
        fun run() = copy.run()
        /** The optimizers of the stored study, checking that the store holds its 18 runs and no others. */
        fun storedOptimizers(): Set<String> = ResultStore.open(output.resolve("script-optimizer.sqlite")).use { store ->
            // one run per optimizer and start: 2 optimizers x (1 default + 8 random starts) on beale
            store.size() shouldBe 18
            (dev.fluxion.lab.study.Study.of(store.study()) as dev.fluxion.lab.study.CompareStudy).optimizers.toSet()
        }

        val first = run()
        first shouldContain "18 runs, 0 stored, 18 to compute"
        first shouldContain "report: script-optimizer.csv, script-optimizer.html"
        val firstOptimizers = storedOptimizers()
        val sign = firstOptimizers.single { it.startsWith("signDescent(step=0.05)#") }
        sign.substringAfter('#').length shouldBe CodeHash.DIGITS
        val csvBefore = Files.readAllLines(output.resolve("script-optimizer.csv"))

        run() shouldContain "18 runs, 18 stored, 0 to compute"

        // the step now shrinks as step / (t + 1): the change is in the state class the optimizer's init makes
        copy.edit("step / sqrt(context.step() + 1.0)", "step / (context.step() + 1.0)")
        run() shouldContain "18 runs, 9 stored, 9 to compute"
        val secondOptimizers = storedOptimizers()
        val changedSign = secondOptimizers.single { it.startsWith("signDescent(step=0.05)#") }
        changedSign shouldNotBe sign
        secondOptimizers shouldContainExactlyInAnyOrder (firstOptimizers - sign + changedSign)

        // adam's rows are the same; sign descent's are new (the old code's runs are gone from the store)
        val csvAfter = Files.readAllLines(output.resolve("script-optimizer.csv"))
        csvAfter.filter { it.contains("adam(") }.toSet() shouldBe csvBefore.filter { it.contains("adam(") }.toSet()
        csvAfter.count { it.contains(changedSign) } shouldBe 9
        csvAfter.count { it.contains(sign) } shouldBe 0

        // without the script, the report is rebuilt from the stored rows alone: the optimizer's spec is in them,
        // and its table is the one the script printed
        val html = output.resolve("from-rows.html")
        val report = fluxion("report", output.resolve("script-optimizer.sqlite").toString(), "--html", html.toString())
        withClue(report.err) { report.code shouldBe 0 }
        val scriptTable = run().lines().filter { it.contains(changedSign) || it.contains("adam(") }
        scriptTable.size shouldBe 2
        report.out.lines().filter { it.contains(changedSign) || it.contains("adam(") } shouldBe scriptTable
        Files.readString(html) shouldContain changedSign
    }
})
