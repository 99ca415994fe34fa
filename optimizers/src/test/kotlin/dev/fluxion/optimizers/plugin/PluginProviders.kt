package dev.fluxion.optimizers.plugin

import dev.fluxion.optimizers.Hyperparameter
import dev.fluxion.optimizers.HyperparameterValues
import dev.fluxion.optimizers.OptimizerProvider
import dev.fluxion.optimizers.Transform
import dev.fluxion.optimizers.transform.ScaleByLearningRate

// Providers that only a plugin class loader lists (PluginRegistrySpec writes their services file), never the
// tests' own META-INF/services: each shows one way a plugin joins the registry or fails to.

/** A well-behaved plugin: plain gradient descent, x <- x - lr g, under a new name. */
class PlainStepProvider : OptimizerProvider {
    override fun name() = "plainStep"
    override fun description() = "x <- x - lr g; a test plugin"
    override fun hyperparameters(): List<Hyperparameter> = listOf(Hyperparameter.learningRate(0.1, "step size"))
    override fun create(values: HyperparameterValues): Transform = ScaleByLearningRate(values.schedule("lr"))
}

/** A plugin whose constructor throws. */
class ThrowingProvider : OptimizerProvider {
    init {
        throw IllegalStateException("no licence key")
    }

    override fun name() = "throwing"
    override fun description() = "never built"
    override fun hyperparameters(): List<Hyperparameter> = listOf()
    override fun create(values: HyperparameterValues): Transform = error("never built")
}

/** A plugin that takes a built-in's name. */
class ClashingAdamProvider : OptimizerProvider {
    override fun name() = "adam"
    override fun description() = "an impostor"
    override fun hyperparameters(): List<Hyperparameter> = listOf()
    override fun create(values: HyperparameterValues): Transform = error("never built")
}
