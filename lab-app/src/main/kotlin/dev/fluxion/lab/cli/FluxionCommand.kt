package dev.fluxion.lab.cli

import dev.fluxion.dsl.DslException
import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.Plugins
import dev.fluxion.landscapes.LandscapeException
import dev.fluxion.optimizers.OptimizerException
import picocli.AutoComplete
import picocli.CommandLine
import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Option
import picocli.CommandLine.ScopeType
import picocli.CommandLine.Spec
import java.io.PrintWriter
import java.nio.file.Files
import java.nio.file.Path
import kotlin.system.exitProcess

/**
 * `fluxion`: the lab's command line. Exit code 0 on success, 2 on bad input (an unknown plugin, a malformed
 * spec or formula, a missing file, an unwritable folder) with a one-line message and no stack trace, 1 on an
 * unexpected error (a bug), also in one line with the place it was thrown (`FLUXION_STACK_TRACES=1` adds the trace).
 *
 * `--plugins DIR` (a folder of jars or a jar, repeatable; by default `~/.fluxion/plugins` when it exists) adds
 * the optimizers and landscapes of plugin jars to every command; a plugin that fails to load is one line on
 * stderr, and the rest still load.
 */
@Command(
    name = "fluxion", mixinStandardHelpOptions = true, version = ["fluxion 0.1.0"],
    description = ["Differentiable expressions and optimizer studies on test landscapes."],
    subcommands = [ListCommand::class, CompareCommand::class, RunCommand::class, GradCommand::class,
        DiffCommand::class, CheckCommand::class, ExportCommand::class,
        RatesCommand::class, ScanCommand::class, TuneCommand::class, ReportCommand::class, ScriptCommand::class,
        NewCommand::class,
        AutoComplete.GenerateCompletion::class, CommandLine.HelpCommand::class],
)
class FluxionCommand : Runnable {
    @Spec
    lateinit var spec: CommandSpec

    @Option(names = ["--plugins"], paramLabel = "DIR", scope = ScopeType.INHERIT,
        description = ["a folder of plugin jars, or a jar; repeatable (default: ~/.fluxion/plugins when it exists)"])
    var pluginSources: List<Path> = emptyList()

    private var plugins: Plugins? = null

    /** The plugins of `--plugins` or the default folder, loaded on first use; each problem is a line on stderr. */
    fun plugins(): Plugins = plugins ?: run {
        val sources = pluginSources.ifEmpty { listOf(Plugins.defaultFolder()).filter { Files.isDirectory(it) } }
        val loaded = if (sources.isEmpty()) Plugins.none() else Plugins.load(sources)
        loaded.problems.forEach { spec.commandLine().err.println("fluxion: $it") }
        spec.commandLine().err.flush()
        plugins = loaded
        loaded
    }

    override fun run() {
        throw CommandLine.ParameterException(CommandLine(this),
            "a command is needed: list, compare, rates, scan, report, run, grad, diff, check, export or script" +
                " (fluxion help COMMAND explains one)")
    }

    companion object {
        /** The exit code of bad input. */
        const val BAD_INPUT = 2

        /** The exit code of an unexpected error: a bug of the lab's or of a plugin's, not bad input. */
        const val INTERNAL_ERROR = 1

        /** The command line with the lab's error handling, writing to [out] and [err] (for tests, in process). */
        @JvmStatic
        @JvmOverloads
        fun commandLine(out: PrintWriter = PrintWriter(System.out, true), err: PrintWriter = PrintWriter(System.err, true)): CommandLine {
            val line = CommandLine(FluxionCommand())
            line.out = out
            line.err = err
            // every command explains itself: `fluxion compare --help`, `-h`
            for (command in line.subcommands.values) command.commandSpec.mixinStandardHelpOptions(true)
            // a formula may start with a minus sign: `fluxion grad '-x^2' --at x=1` is a formula, not an option
            for (formulaCommand in listOf("grad", "diff")) line.subcommands[formulaCommand]?.isUnmatchedOptionsArePositionalParams = true
            line.setParameterExceptionHandler { e, _ ->
                e.commandLine.err.println("fluxion: ${firstLine(e.message)} (see fluxion ${e.commandLine.commandName.takeIf { it != "fluxion" } ?: ""} --help)".replace("  ", " "))
                BAD_INPUT
            }
            line.setExecutionExceptionHandler { e, cmd, _ ->
                val known = e is OptimizerException || e is LandscapeException || e is DslException || e is LabException ||
                    e is java.nio.file.NoSuchFileException || e is IllegalArgumentException
                if (!known) {
                    // a bug (ours or a plugin's): one line with where it was thrown; the whole trace on request
                    if (System.getenv("FLUXION_STACK_TRACES") != null) e.printStackTrace(cmd.err)
                    cmd.err.println("fluxion: unexpected error: ${dev.fluxion.lab.engine.RunLoop.describe(e)} " +
                        "(FLUXION_STACK_TRACES=1 prints the whole trace)")
                    return@setExecutionExceptionHandler INTERNAL_ERROR
                }
                cmd.err.println("fluxion: " + UnknownNameHint.added(firstLine(e.message ?: e.javaClass.simpleName), e,
                    cmd.commandName.takeIf { it != "fluxion" }))
                BAD_INPUT
            }
            return line
        }

        /** The plugins of the `fluxion` command [spec] runs under (none when it runs on its own). */
        internal fun pluginsOf(spec: CommandSpec): Plugins =
            (spec.root().userObject() as? FluxionCommand)?.plugins() ?: Plugins.none()

        private fun firstLine(message: String?) = (message ?: "").lineSequence().first()

        /**
         * Runs the command line and exits with its code. Running out of heap (a study's plan or report larger than
         * the JVM was given) is one line, exit code 1, saying that the finished runs are kept and how to give more.
         */
        @JvmStatic
        fun main(args: Array<String>) {
            val code = try {
                commandLine().execute(*args)
            } catch (e: OutOfMemoryError) {
                System.err.println("fluxion: out of memory: the Java heap of ${Runtime.getRuntime().maxMemory() shr 20} MB " +
                    "is full; the runs that finished are stored, and the same command computes the rest. Give it more " +
                    "heap, for example FLUXION_JAVA_OPTS=-Xmx4g ./fluxion ..., or fewer runs, or --traces none")
                INTERNAL_ERROR
            }
            exitProcess(code)
        }
    }
}
