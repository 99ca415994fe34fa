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

/** `fluxion export STORE [--csv FILE]`: a study's stored runs as CSV. */
@Command(name = "export", description = ["Export a study's stored runs as CSV (to stdout or --csv FILE)."])
class ExportCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Parameters(index = "0", paramLabel = "STORE", description = ["the study's .sqlite file"])
    lateinit var store: Path

    @Option(names = ["--csv"], paramLabel = "FILE")
    var csv: Path? = null

    override fun call(): Int {
        if (!Files.isRegularFile(store)) throw LabException("no such store: $store")
        val text = ResultStore.open(store).use { it.csv() }
        val target = csv
        if (target == null) spec.commandLine().out.print(text) else {
            CompareCommand.checkWritable(target.toAbsolutePath().parent)
            Files.writeString(target, text)
        }
        spec.commandLine().out.flush()
        return 0
    }
}
