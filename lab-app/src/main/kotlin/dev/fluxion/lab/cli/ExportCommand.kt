package dev.fluxion.lab.cli

import dev.fluxion.lab.LabException
import dev.fluxion.lab.ResultStore
import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Option
import picocli.CommandLine.Parameters
import picocli.CommandLine.Spec
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.Callable

/**
 * `fluxion export STORE [--csv FILE] [--json[=FILE]]`: a study's stored runs as CSV (the default, to stdout or
 * FILE) or as JSON with the study's spec (to stdout, or FILE); both files at once when both options name one.
 */
@Command(name = "export", description = ["Export a study's stored runs as CSV (to stdout or --csv FILE) or JSON (--json, to stdout or --json=FILE)."])
class ExportCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Parameters(index = "0", paramLabel = "STORE", description = ["the study's .sqlite file"])
    lateinit var store: Path

    @Option(names = ["--csv"], paramLabel = "FILE")
    var csv: Path? = null

    @Option(names = ["--json"], paramLabel = "FILE", arity = "0..1", fallbackValue = "-",
        description = ["JSON instead of CSV: to stdout, or to FILE with --json=FILE"])
    var json: String? = null

    override fun call(): Int {
        if (!Files.isRegularFile(store)) throw LabException("no such store: $store")
        ResultStore.open(store).use { results ->
            val jsonTarget = json
            if (jsonTarget != null) write(if (jsonTarget == "-") null else Path.of(jsonTarget), results.json())
            if (jsonTarget == null || csv != null) write(csv, results.csv())
        }
        spec.commandLine().out.flush()
        return 0
    }

    private fun write(target: Path?, text: String) {
        if (target == null) spec.commandLine().out.print(text) else {
            CompareCommand.checkWritable(target.toAbsolutePath().parent)
            Files.writeString(target, text)
        }
    }
}
