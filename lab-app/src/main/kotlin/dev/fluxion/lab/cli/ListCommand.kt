package dev.fluxion.lab.cli

import dev.fluxion.landscapes.LandscapeRegistry
import dev.fluxion.optimizers.Optimizers
import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Parameters
import picocli.CommandLine.Spec
import java.util.concurrent.Callable

/** `fluxion list [optimizers|landscapes]`: every plugin with its parameters, and the landscapes' facts. */
@Command(name = "list", description = ["List the optimizers (with their hyperparameters) and the landscapes (with their parameters and facts)."])
class ListCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Parameters(arity = "0..1", paramLabel = "WHAT", description = ["optimizers, landscapes, or both when omitted"])
    var what: String? = null

    override fun call(): Int {
        val out = spec.commandLine().out
        val w = what
        if (w != null && w != "optimizers" && w != "landscapes") {
            throw IllegalArgumentException("list: unknown '$w'; use optimizers or landscapes")
        }
        if (w == null || w == "optimizers") {
            out.println("Optimizers")
            out.println("==========")
            out.println(Optimizers.describe())
        }
        if (w == null || w == "landscapes") {
            out.println("Landscapes")
            out.println("==========")
            out.println(LandscapeRegistry.standard().describe())
        }
        out.flush()
        return 0
    }
}
