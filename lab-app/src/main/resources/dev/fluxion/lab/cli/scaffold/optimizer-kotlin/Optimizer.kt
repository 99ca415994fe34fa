package {{package}}

import dev.fluxion.optimizers.Chain
import dev.fluxion.optimizers.Hyperparameter
import dev.fluxion.optimizers.HyperparameterValues
import dev.fluxion.optimizers.NamedOptimizer
import dev.fluxion.optimizers.Optimizer
import dev.fluxion.optimizers.schedule.Schedule
import dev.fluxion.optimizers.transform.ScaleByLearningRate

/**
 * `{{name}}(lr=...)`: normalized gradient descent, x <- x - lr g / |g|, a step of length exactly lr against the
 * gradient g (none where g = 0). It is the chain of [{{Class}}Direction], which divides g by its norm, and the
 * library's learning rate, so `lr` takes a number or any schedule (`cosine(init=0.5, steps=1000)`).
 *
 * A typed value, as the library's named optimizers are: `{{Class}}.DEFAULT.lr(0.5)` equals the spec
 * `{{name}}(lr=0.5)` parsed by a registry that holds this plugin. Replace the rule with your own in
 * [{{Class}}Direction]; declare more hyperparameters in [HYPERPARAMETERS] and as properties.
 *
 * @property lr the learning rate: the length of each step (a schedule)
 */
data class {{Class}}(val lr: Schedule) : NamedOptimizer {
    init {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr)
    }

    /** This optimizer with a constant learning rate. */
    fun lr(lr: Double): {{Class}} = {{Class}}(LR.constant(NAME, lr))

    override fun chain(): Chain = Optimizer.chain({{Class}}Direction(), ScaleByLearningRate(lr))

    override fun spec(): String = Hyperparameter.spec(NAME, HYPERPARAMETERS, lr)

    companion object {
        private val LR = Hyperparameter.learningRate(0.1, "the length of each step")

        /** The name in specs. */
        const val NAME = "{{name}}"

        /** The hyperparameters, in the order of the properties and of specs. */
        @JvmField
        val HYPERPARAMETERS: List<Hyperparameter> = listOf(LR)

        /** The optimizer for checked spec values. */
        @JvmStatic
        fun of(values: HyperparameterValues): {{Class}} = {{Class}}(values.schedule("lr"))

        /** The optimizer with every hyperparameter at its default. */
        @JvmField
        val DEFAULT: {{Class}} = of(HyperparameterValues.defaults(NAME, HYPERPARAMETERS))
    }
}
