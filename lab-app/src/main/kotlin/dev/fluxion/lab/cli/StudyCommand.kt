package dev.fluxion.lab.cli

import dev.fluxion.lab.Engine
import dev.fluxion.lab.ResultStore
import dev.fluxion.lab.Studies
import dev.fluxion.lab.Study
import dev.fluxion.lab.report.HtmlReport
import dev.fluxion.lab.report.StudyReport
import kotlinx.coroutines.runBlocking
import picocli.CommandLine.Model.CommandSpec
import java.nio.file.Files
import java.nio.file.Path

/**
 * What `fluxion rates` and `fluxion scan` share: computes [study] into `OUT/NAME.sqlite` (skipping stored runs,
 * with progress on stderr), writes `NAME.csv` and `NAME.html` beside it, and prints the study's table.
 */
internal fun executeStudy(study: Study, out: Path, threads: Int, spec: CommandSpec): Int {
    CompareCommand.checkWritable(out)
    val engine = Engine(threads)
    val console = spec.commandLine().out
    val store = out.resolve("${study.name}.sqlite")
    val report = ResultStore.open(store).use { results ->
        val reporter = ProgressReporter(spec.commandLine().err, System.console() != null)
        val runs = runBlocking { Studies.execute(study, results, engine) { reporter.accept(it) } }
        val report = StudyReport.of(study, runs, engine, results)
        Files.writeString(out.resolve("${study.name}.csv"), results.csv())
        report
    }
    console.print(report.console)
    val page = out.resolve("${study.name}.html")
    HtmlReport.write(page, report.html)
    console.println("wrote $store, ${out.resolve("${study.name}.csv")} and $page")
    console.flush()
    return 0
}
