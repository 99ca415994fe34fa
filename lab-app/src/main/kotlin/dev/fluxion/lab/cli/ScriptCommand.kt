package dev.fluxion.lab.cli

import dev.fluxion.lab.LabException
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
 * `fluxion script FILE.java [ARGS...]`: runs a Java experiment file with Fluxion (and the plugins' jars) on its
 * class path, through the JDK's single-file source launcher (`java -cp CLASSPATH FILE.java ARGS...`, JEP 330).
 * The script's output passes through; a compile error becomes one line `FILE:LINE:COLUMN: message` per error
 * and exit code 2; otherwise the exit code is the script's.
 */
@Command(name = "script", description = ["Run a Java experiment file (FILE.java) with Fluxion on its class path."])
class ScriptCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Parameters(index = "0", paramLabel = "FILE.java", description = ["the experiment: a Java file with a main method"])
    lateinit var file: Path

    @Parameters(index = "1..*", paramLabel = "ARGS", description = ["arguments for the script's main"])
    var arguments: List<String> = emptyList()

    override fun call(): Int {
        if (!Files.isRegularFile(file)) throw LabException("no such script: $file")
        if (!file.toString().endsWith(".java")) {
            throw LabException("script $file: only Java files (FILE.java) run; Kotlin scripts are not supported yet")
        }
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
