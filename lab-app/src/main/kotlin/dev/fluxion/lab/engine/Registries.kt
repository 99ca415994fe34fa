package dev.fluxion.lab.engine

import dev.fluxion.landscapes.LandscapeRegistry
import dev.fluxion.optimizers.OptimizerRegistry
import dev.fluxion.optimizers.Optimizers

/**
 * The optimizer and landscape registries a lab reads specs with: the providers on the class path, joined by
 * plugins from jar files when [Plugins] loaded some.
 */
data class Registries(val optimizers: OptimizerRegistry, val landscapes: LandscapeRegistry) {
    companion object {
        /**
         * The providers on the class path (the library's own, and any other there), as the calling thread sees
         * them: in a `.lab.kts` script run with `--plugins`, whose thread's context class loader holds the plugin
         * jars, the plugins' too ([dev.fluxion.dsl.spec.ContextRegistry]).
         */
        @JvmStatic
        fun builtIn() = Registries(Optimizers.registry(), LandscapeRegistry.standard())
    }
}
