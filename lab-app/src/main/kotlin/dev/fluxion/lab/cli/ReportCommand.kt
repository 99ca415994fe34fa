package dev.fluxion.lab.cli

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.store.KeyIndex
import dev.fluxion.lab.LabException
import dev.fluxion.lab.store.OutputFile
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.Study
import dev.fluxion.lab.report.HtmlReport
import dev.fluxion.lab.report.StudyReport
import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Option
import picocli.CommandLine.Parameters
import picocli.CommandLine.Spec
import java.nio.file.Path
import java.util.concurrent.Callable

/**
 * `fluxion report STORE [--html FILE]`: rebuilds a stored study's console table and HTML page from its SQLite file
 * alone (the study is recorded in the file, each optimizer's canonical spec in its runs, and each landscape given by
 * code as a [dev.fluxion.lab.store.LandscapeRecord], so neither a plugin's jar nor the script of an optimizer or
 * landscape defined in code is needed), or from its Parquet dataset's folder ([readStoreOrDataset]), which keeps the
 * same records beside its runs; by default the page goes beside the store as `NAME.html`.
 */
@Command(name = "report", description = ["Rebuild the console table and the HTML report of a stored study from its .sqlite file."])
class ReportCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Parameters(index = "0", paramLabel = "STORE", description = ["the study's .sqlite file, or its Parquet dataset's folder",
        "(--out-format parquet; read with lab-spark's jars, which the fluxion command adds)"])
    lateinit var store: Path

    @Option(names = ["--html"], paramLabel = "FILE", description = ["where the page goes (default: beside the store)"])
    var html: Path? = null

    override fun call(): Int {
        html?.let { OutputFile.check(it, store) }
        val registries = FluxionCommand.pluginsOf(spec).registries
        // optimizers and landscapes whose code is not here (no --plugins, no script) are known by what the store (or
        // the dataset, which gives its records to the store it is copied into) recorded
        val recorded = { results: ResultStore -> Engine(1, registries, extensions = recordedExtensions(results, registries)) }
        val (study, report) = readStoreOrDataset(store, recorded) { results ->
            val engine = recorded(results)
            val properties = results.study()
            if (properties.isEmpty()) throw LabException("$store records no study (written by an older fluxion?); run the study again")
            val study = try {
                Study.of(properties)
            } catch (e: LabException) {
                throw LabException("$store: ${e.message}")
            }
            OutputFile.check(html ?: pageBeside(study), store)
            val runs = study.runs(engine)
            val planKeys = KeyIndex.ofRuns(runs)
            val stored = planKeys.countIn(results.storedKeys())
            val needed = planKeys.size
            if (stored < needed) {
                throw LabException("$store holds $stored of the study's $needed runs; run the study again to finish it")
            }
            study to StudyReport.of(study, results, engine)
        }
        val page = html ?: pageBeside(study)
        val plots = HtmlReport.write(page, report.html)
        val out = spec.commandLine().out
        out.print(report.console)
        out.println("wrote $page, with ${if (plots.size == 1) "1 plot" else "${plots.size} plots"} as PNG beside it")
        out.flush()
        return 0
    }

    /** The page's default place: beside the store, named after the study. */
    private fun pageBeside(study: Study): Path = (store.toAbsolutePath().parent ?: Path.of(".")).resolve("${study.name}.html")
}
