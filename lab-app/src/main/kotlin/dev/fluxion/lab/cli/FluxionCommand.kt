package dev.fluxion.lab.cli

import dev.fluxion.dsl.DslException
import dev.fluxion.lab.LabException
import dev.fluxion.landscapes.LandscapeException
import dev.fluxion.optimizers.OptimizerException
import picocli.CommandLine
import picocli.CommandLine.Command
import java.io.PrintWriter
import kotlin.system.exitProcess

/**
 * `fluxion`: the lab's command line. Exit code 0 on success, 2 on bad input (an unknown plugin, a malformed
 * spec or formula, a missing file, an unwritable folder) with a one-line message and no stack trace.
 */
@Command(
    name = "fluxion", mixinStandardHelpOptions = true, version = ["fluxion 0.1.0"],
    description = ["Differentiable expressions and optimizer studies on test landscapes."],
    subcommands = [ListCommand::class, CompareCommand::class, RunCommand::class, GradCommand::class,
        DiffCommand::class, CheckCommand::class, ExportCommand::class,
        RatesCommand::class, ScanCommand::class, ReportCommand::class],
)
class FluxionCommand : Runnable {
    override fun run() {
        throw CommandLine.ParameterException(CommandLine(this), "a command is needed: list, compare, rates, scan, report, run, grad, diff, check or export")
    }

    companion object {
        /** The exit code of bad input. */
        const val BAD_INPUT = 2

        /** The command line with the lab's error handling, writing to [out] and [err] (for tests, in process). */
        @JvmStatic
        @JvmOverloads
        fun commandLine(out: PrintWriter = PrintWriter(System.out, true), err: PrintWriter = PrintWriter(System.err, true)): CommandLine {
            val line = CommandLine(FluxionCommand())
            line.out = out
            line.err = err
            line.setParameterExceptionHandler { e, _ ->
                e.commandLine.err.println("fluxion: ${firstLine(e.message)} (see fluxion ${e.commandLine.commandName.takeIf { it != "fluxion" } ?: ""} --help)".replace("  ", " "))
                BAD_INPUT
            }
            line.setExecutionExceptionHandler { e, cmd, _ ->
                val known = e is OptimizerException || e is LandscapeException || e is DslException || e is LabException ||
                    e is java.nio.file.NoSuchFileException || e is IllegalArgumentException
                if (!known) throw e
                cmd.err.println("fluxion: ${firstLine(e.message ?: e.javaClass.simpleName)}")
                BAD_INPUT
            }
            return line
        }

        private fun firstLine(message: String?) = (message ?: "").lineSequence().first()

        /** Runs the command line and exits with its code. */
        @JvmStatic
        fun main(args: Array<String>) {
            exitProcess(commandLine().execute(*args))
        }
    }
}
