package dev.fluxion.lab.cli

import dev.fluxion.lab.LabException
import dev.fluxion.lab.script.LabScript
import dev.fluxion.lab.script.LabScriptHost
import dev.fluxion.lab.script.ScriptOutcome
import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Parameters
import picocli.CommandLine.Spec
import java.io.File
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.Callable
import kotlin.concurrent.thread

/**
 * `fluxion script FILE [ARGS...]`: runs an experiment with Fluxion (and the plugins' jars) on its class path.
 *
 * - `FILE.lab.kts`, a Kotlin script ([LabScript]), is compiled and run in this JVM by [LabScriptHost], with
 *   Fluxion's packages imported; exit code 0, or 1 with one line `FILE:LINE: Type: message` if it throws.
 * - `FILE.java` runs through the JDK's single-file source launcher (`java -cp CLASSPATH FILE.java ARGS...`,
 *   JEP 330) in a child JVM; its output passes through and its exit code is the script's.
 *
 * Either way a compile error becomes one line `FILE:LINE:COLUMN: message` per error and exit code 2.
 */
@Command(name = "script", description = ["Run an experiment, a Kotlin script (FILE.lab.kts) or a Java file " +
    "(FILE.java), with Fluxion on its class path."])
class ScriptCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Parameters(index = "0", paramLabel = "FILE",
        description = ["the experiment: a Kotlin script FILE.lab.kts, or a Java file with a main method"])
    lateinit var file: Path

    @Parameters(index = "1..*", paramLabel = "ARGS", description = ["arguments for the script (its args, or its main's)"])
    var arguments: List<String> = emptyList()

    override fun call(): Int {
        if (!Files.isRegularFile(file)) throw LabException("no such script: $file")
        val name = file.fileName.toString()
        return when {
            name.endsWith(".lab.kts") -> runKotlin()
            name.endsWith(".java") -> runJava()
            else -> throw LabException("script $file: a script is a Kotlin script FILE.lab.kts or a Java file FILE.java")
        }
    }

    private fun runKotlin(): Int {
        val plugins = FluxionCommand.pluginsOf(spec)
        val out = spec.commandLine().out
        val err = spec.commandLine().err
        val outcome = LabScriptHost(plugins.jars.map { it.file }, out, err).run(file, arguments)
        outcome.warnings.forEach { err.println("fluxion: $it") }
        val code = when (outcome) {
            is ScriptOutcome.Completed -> 0
            is ScriptOutcome.CompileErrors -> {
                outcome.errors.forEach { err.println("fluxion: $it") }
                FluxionCommand.BAD_INPUT
            }
            is ScriptOutcome.Threw -> {
                err.println("fluxion: ${UnknownNameHint.added(outcome.line, outcome.cause, "script")}")
                1
            }
        }
        out.flush()
        err.flush()
        return code
    }

    private fun runJava(): Int {
        val classPath = (listOf(System.getProperty("java.class.path")) +
            FluxionCommand.pluginsOf(spec).jars.map { it.file.toString() }).joinToString(File.pathSeparator)
        val java = Path.of(System.getProperty("java.home"), "bin", "java").toString()
        val process = ProcessBuilder(listOf(java, "-cp", classPath, file.toString()) + arguments).start()
        process.outputStream.close()
        val out = spec.commandLine().out
        val err = spec.commandLine().err
        val copyOut = thread(name = "script stdout") {
            process.inputStream.bufferedReader().forEachLine { out.println(it); out.flush() }
        }
        val compileErrors = CompileErrors(file.toString())
        process.errorStream.bufferedReader().forEachLine { line ->
            if (!compileErrors.accept(line)) {
                err.println(line)
                err.flush()
            }
        }
        copyOut.join()
        val code = process.waitFor()
        if (compileErrors.lines.isEmpty()) return code
        compileErrors.lines.forEach { err.println("fluxion: $it") }
        err.flush()
        return FluxionCommand.BAD_INPUT
    }
}

/**
 * Reads the source launcher's stderr line by line and turns javac's diagnostics (a line `FILE:LINE: error:
 * message`, the source line, and a caret line whose `^` marks the column, then perhaps `symbol:` and
 * `location:` lines) into one line each, `FILE:LINE:COLUMN: message (symbol: ...)`; the launcher's summary
 * lines (`2 errors`, `error: compilation failed`) are dropped.
 */
internal class CompileErrors(private val script: String) {
    /** The one-line errors found so far. */
    val lines = mutableListOf<String>()
    private var pending: MatchResult? = null // a diagnostic whose caret line has not come yet
    private var sourceLineSeen = false
    private val diagnostic = Regex("^(.+\\.java):(\\d+): error: (.*)$")
    private val summary = Regex("^(\\d+ errors?|error: compilation failed)$")

    /** True if [line] belongs to a compile error (and is consumed), false if it is the script's own output. */
    fun accept(line: String): Boolean {
        val waiting = pending
        if (waiting != null) {
            val (_, lineNumber, message) = waiting.destructured
            when {
                line.trim() == "^" -> lines += "$script:$lineNumber:${line.indexOf('^') + 1}: $message"
                sourceLineSeen -> lines += "$script:$lineNumber: $message"
                else -> {
                    sourceLineSeen = true
                    return true
                }
            }
            pending = null
            return true
        }
        diagnostic.matchEntire(line)?.let {
            pending = it
            sourceLineSeen = false
            return true
        }
        if (lines.isEmpty()) return false
        if (line.trim().startsWith("symbol:")) lines[lines.size - 1] += " (${line.trim().replace(Regex("\\s+"), " ")})"
        return summary.matches(line) || line.startsWith("  ")
    }
}
