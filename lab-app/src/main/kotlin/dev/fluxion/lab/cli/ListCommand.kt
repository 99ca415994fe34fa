package dev.fluxion.lab.cli

import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Parameters
import picocli.CommandLine.Spec
import java.util.concurrent.Callable

/**
 * `fluxion list [optimizers|landscapes]`: every optimizer and landscape with its parameters, the landscapes'
 * facts, and the plugin jars they came from.
 */
@Command(name = "list", description = ["List the optimizers (with their hyperparameters) and the landscapes (with their parameters and facts)."])
class ListCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Parameters(arity = "0..1", paramLabel = "WHAT", description = ["optimizers, landscapes, or both when omitted"])
    var what: String? = null

    override fun call(): Int {
        val out = spec.commandLine().out
        val plugins = FluxionCommand.pluginsOf(spec)
        val w = what
        if (w != null && w != "optimizers" && w != "landscapes") {
            throw IllegalArgumentException("list: unknown '$w'; use optimizers or landscapes")
        }
        if (w == null || w == "optimizers") {
            out.println("Optimizers")
            out.println("==========")
            out.println(plugins.registries.optimizers.describe())
        }
        if (w == null || w == "landscapes") {
            out.println("Landscapes")
            out.println("==========")
            out.println(plugins.registries.landscapes.describe())
        }
        if (plugins.jars.isNotEmpty()) {
            out.println("Plugins")
            out.println("=======")
            for (jar in plugins.jars) {
                val names = jar.optimizers.map { "optimizer $it" } + jar.landscapes.map { "landscape $it" }
                out.println("${jar.file}: ${names.joinToString(", ")}")
            }
        }
        out.flush()
        return 0
    }
}
