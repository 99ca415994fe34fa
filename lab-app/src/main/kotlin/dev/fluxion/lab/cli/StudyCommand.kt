package dev.fluxion.lab.cli

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.store.OutputFile
import dev.fluxion.lab.engine.Progress
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.engine.RunTimeout
import dev.fluxion.lab.study.Studies
import dev.fluxion.lab.study.Study
import dev.fluxion.lab.store.ResultDataset
import dev.fluxion.lab.report.HtmlReport
import dev.fluxion.lab.report.StudyReport
import kotlinx.coroutines.runInterruptible
import picocli.CommandLine.Model.CommandSpec
import java.nio.file.Path

/**
 * What `fluxion compare`, `rates`, `scan` and `tune` share: computes [study] into `OUT/NAME.sqlite` with the optimizers
 * and landscapes of `--plugins` (skipping stored runs, with progress on stderr), writes `NAME.csv` and `NAME.html`
 * beside it from the store, and prints the study's table. The store must hold this study or none (`--replace`
 * deletes another study's runs first); other processes running the same command share its runs. Ctrl-C stops the
 * study at once, keeps every stored run, closes the store and exits with [Interruption.EXIT_CODE]; the same command
 * again computes the rest. With `--engine spark` the runs compute on a Spark cluster ([dev.fluxion.lab.engine.RunBackend])
 * and come back into the same store, or, with `--out-format parquet`, go to a Parquet dataset `OUT/NAME.parquet`
 * written by the executors ([ResultDataset]).
 */
internal fun executeStudy(study: Study, options: StudyOptions, spec: CommandSpec): Int {
    OutputFile.checkFolder(options.out)
    val plugins = FluxionCommand.pluginsOf(spec)
    val registries = plugins.registries
    Engine(1, registries).let { study.runs(it) } // a bad spec fails here, before the store is created or a cluster joined
    val dataset = options.dataset()
    return options.openBackend(plugins.jars.map { it.file }).use { backend ->
        if (backend != null) spec.commandLine().err.println("fluxion: computing on ${backend.describe()}")
        val engine = Engine(options.threads, registries, RunTimeout.ofSeconds(options.runTimeout), backend = backend)
        if (dataset == null) executeStudy(study, options, spec, engine) else executeStudy(study, options, spec, engine, dataset)
    }
}

/**
 * [executeStudy] into a dataset of [format] (`--out-format parquet`: `OUT/NAME.parquet`, written by the cluster's
 * executors) instead of the store; the CSV, page and table come from the dataset as `fluxion report` reads it.
 */
private fun executeStudy(study: Study, options: StudyOptions, spec: CommandSpec, engine: Engine, format: ResultDataset): Int {
    val err = spec.commandLine().err
    val folder = options.out.resolve("${study.name}.${format.name()}")
    val csv = options.out.resolve("${study.name}.csv")
    val page = options.out.resolve("${study.name}.html")
    OutputFile.check(csv)
    OutputFile.check(page)
    val completed = Interruption.cancelOnShutdown({
        err.println()
        // the executors' files join the dataset when their whole job commits, not as each task finishes
        err.println("fluxion: interrupted; the runs of the Spark jobs that had finished are in $folder, the rest " +
            "were dropped (the same command computes them)")
        err.flush()
    }) {
        val reporter = ProgressReporter(err, System.console() != null)
        runInterruptible { format.compute(study, folder, engine, options.replace) { reporter.accept(it) } }
    }
    if (!completed) return Interruption.EXIT_CODE
    return printReport(study, engine, spec, csv, page, folder) { report -> readStoreOrDataset(folder, { engine }, report) }
}

private fun executeStudy(study: Study, options: StudyOptions, spec: CommandSpec, engine: Engine): Int {
    val out = options.out
    val err = spec.commandLine().err
    val store = out.resolve("${study.name}.sqlite")
    val csv = out.resolve("${study.name}.csv")
    val page = out.resolve("${study.name}.html")
    OutputFile.check(csv, store)
    OutputFile.check(page, store)
    var total = 0
    var stored = 0
    var computed = 0
    var storedBefore = 0
    var refined = 0
    val completed = Interruption.cancelOnShutdown({
        err.println()
        val kept = if (refined > 0) "$stored of $total runs and $refined bisection runs are" else "$stored of $total runs are"
        err.println("fluxion: interrupted; $kept stored in $store, the rest were dropped " +
            "(the same command computes them)")
        err.flush()
    }, onStuck = {
        err.println()
        err.println(if (total == 0) "fluxion: interrupted while planning the study; nothing was stored" else
            "fluxion: interrupted; a run did not stop within ${Interruption.GRACE_SECONDS} s (a step that never " +
                "returns? --run-timeout bounds each run); $stored of $total runs are stored in $store")
        err.flush()
    }) {
        ResultStore.open(store).use { results ->
            if (options.replace) results.claimStudy(study.properties(), replace = true)
            val reporter = ProgressReporter(err, System.console() != null)
            Studies.compute(study, results, engine, callerWorks = true) { event ->
                when (event) {
                    is Progress.Planned -> { total = event.total; stored = event.stored; storedBefore = event.stored }
                    is Progress.Finished -> { stored++; computed++ }
                    is Progress.Waiting -> {}
                    is Progress.Refined -> refined = event.done
                }
                reporter.accept(event)
            }
        }
    }
    if (!completed) return Interruption.EXIT_CODE
    val byOthers = total - storedBefore - computed
    if (byOthers > 0) err.println("fluxion: $computed runs computed here, $byOthers by other processes of the same study")
    // a writable connection, though it only reads: the last connection to close folds the journal back into the
    // store and removes it, which a read-only one cannot do (another process of the study may close after us)
    return printReport(study, engine, spec, csv, page, store) { report -> ResultStore.open(store).use(report) }
}

/**
 * Writes [csv] and the report's [page] from the study's results, which [reading] opens (and closes) for the
 * function it is given, and prints the study's table and what was written ([results] first).
 */
private fun printReport(study: Study, engine: Engine, spec: CommandSpec, csv: Path, page: Path, results: Path,
                        reading: ((ResultStore) -> StudyReport) -> StudyReport): Int {
    val console = spec.commandLine().out
    val report = reading { stored ->
        OutputFile.writeText(csv) { stored.writeCsv(it) }
        StudyReport.of(study, stored, engine)
    }
    console.print(report.console)
    val plots = HtmlReport.write(page, report.html)
    console.println("wrote $results, $csv and $page, with ${if (plots.size == 1) "1 plot" else "${plots.size} plots"} as PNG beside it")
    console.flush()
    return 0
}
