package dev.fluxion.lab.cli

import dev.fluxion.lab.Engine
import dev.fluxion.lab.Progress
import dev.fluxion.lab.ResultStore
import dev.fluxion.lab.Studies
import dev.fluxion.lab.Study
import dev.fluxion.lab.report.HtmlReport
import dev.fluxion.lab.report.StudyReport
import picocli.CommandLine.Model.CommandSpec
import java.nio.file.Files
import java.nio.file.Path

/**
 * What `fluxion compare`, `rates` and `scan` share: computes [study] into `OUT/NAME.sqlite` with the optimizers
 * and landscapes of `--plugins` (skipping stored runs, with progress on stderr), writes `NAME.csv` and `NAME.html`
 * beside it from the store, and prints the study's table. Ctrl-C stops the study at once, keeps every stored run,
 * closes the store and exits with [Interruption.EXIT_CODE]; the same command again computes the rest.
 */
internal fun executeStudy(study: Study, out: Path, threads: Int, spec: CommandSpec): Int {
    CompareCommand.checkWritable(out)
    val engine = Engine(threads, FluxionCommand.pluginsOf(spec).registries)
    study.runs(engine) // a bad spec fails here, before the store is created
    val console = spec.commandLine().out
    val err = spec.commandLine().err
    val store = out.resolve("${study.name}.sqlite")
    var total = 0
    var stored = 0
    var refined = 0
    val completed = Interruption.cancelOnShutdown({
        err.println()
        val kept = if (refined > 0) "$stored of $total runs and $refined bisection runs are" else "$stored of $total runs are"
        err.println("fluxion: interrupted; $kept stored in $store, the rest were dropped " +
            "(the same command computes them)")
        err.flush()
    }) {
        ResultStore.open(store).use { results ->
            val reporter = ProgressReporter(err, System.console() != null)
            Studies.compute(study, results, engine, callerWorks = true) { event ->
                when (event) {
                    is Progress.Planned -> { total = event.total; stored = event.stored }
                    is Progress.Finished -> stored++
                    is Progress.Refined -> refined = event.done
                }
                reporter.accept(event)
            }
        }
    }
    if (!completed) return Interruption.EXIT_CODE
    val csv = out.resolve("${study.name}.csv")
    val report = ResultStore.open(store).use { results ->
        Files.writeString(csv, results.csv())
        StudyReport.of(study, results, engine)
    }
    console.print(report.console)
    val page = out.resolve("${study.name}.html")
    val plots = HtmlReport.write(page, report.html)
    console.println("wrote $store, $csv and $page, with ${if (plots.size == 1) "1 plot" else "${plots.size} plots"} as PNG beside it")
    console.flush()
    return 0
}
