package dev.fluxion.lab

import dev.fluxion.lab.cli.FluxionCommand
import java.io.PrintWriter
import java.io.StringWriter

/** What one `fluxion` command run in this JVM gave: its exit code and everything it printed on stdout and stderr. */
data class CommandOutcome(val code: Int, val out: String, val err: String)

/** Runs `fluxion args` in this JVM, as the launcher would in its own, and captures its output. */
fun fluxion(vararg args: String): CommandOutcome {
    val out = StringWriter()
    val err = StringWriter()
    val code = FluxionCommand.commandLine(PrintWriter(out, true), PrintWriter(err, true)).execute(*args)
    return CommandOutcome(code, out.toString(), err.toString())
}
