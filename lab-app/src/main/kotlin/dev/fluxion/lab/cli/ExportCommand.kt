package dev.fluxion.lab.cli

import dev.fluxion.lab.LabException
import dev.fluxion.lab.store.OutputFile
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.engine.Engine
import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Option
import picocli.CommandLine.Parameters
import picocli.CommandLine.Spec
import java.nio.file.Path
import java.util.concurrent.Callable

/**
 * `fluxion export STORE [--csv FILE] [--json[=FILE]]`: a study's stored runs as CSV (the default, to stdout or
 * FILE) or as JSON with the study's spec (to stdout, or FILE); both files at once when both options name one. STORE
 * may be a Parquet dataset's folder ([readStoreOrDataset]).
 */
@Command(name = "export", description = ["Export a study's stored runs as CSV (to stdout or --csv FILE) or JSON (--json, to stdout or --json=FILE)."])
class ExportCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Parameters(index = "0", paramLabel = "STORE", description = ["the study's .sqlite file, or its Parquet dataset's folder"])
    lateinit var store: Path

    @Option(names = ["--csv"], paramLabel = "FILE")
    var csv: Path? = null

    @Option(names = ["--json"], paramLabel = "FILE", arity = "0..1", fallbackValue = "-",
        description = ["JSON instead of CSV: to stdout, or to FILE with --json=FILE"])
    var json: String? = null

    override fun call(): Int {
        val jsonTarget = json?.let { if (it == "-") null else Path.of(it) }
        val csvTarget = csv
        // every output is checked before the store is read: a folder, the store itself or another store is refused
        listOfNotNull(jsonTarget, csvTarget).forEach { OutputFile.check(it, store) }
        if (jsonTarget != null && jsonTarget == csvTarget) throw LabException("--csv and --json name the same file $csvTarget")
        val registries = FluxionCommand.pluginsOf(spec).registries
        // a dataset's runs are rebuilt with what it recorded of the optimizers and landscapes whose code is not here
        readStoreOrDataset(store, { Engine(1, registries, extensions = recordedExtensions(it, registries)) }) { results ->
            if (json != null) write(jsonTarget) { results.writeJson(it) }
            if (json == null || csvTarget != null) write(csvTarget) { results.writeCsv(it) }
        }
        if (spec.commandLine().out.checkError()) throw LabException("cannot write the export to standard output")
        return 0
    }

    /** Writes the export to [target] (standard output when null) row by row, as the store is read. */
    private fun write(target: Path?, export: (Appendable) -> Unit) {
        if (target == null) export(spec.commandLine().out) else OutputFile.writeText(target) { export(it) }
    }
}
