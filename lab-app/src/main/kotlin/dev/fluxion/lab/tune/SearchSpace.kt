package dev.fluxion.lab.tune

import dev.fluxion.lab.LabException
import java.util.SplittableRandom

/** One tuned hyperparameter: its [name] in the optimizers' specs and where its values come from. */
data class TunedParameter(val name: String, val distribution: Distribution) {
    /** As written in `--tune`: `lr=loguniform(1.0E-5, 1.0)`. */
    val text: String get() = "$name=${distribution.text}"
}

/**
 * One setting of the tuned hyperparameters, in the order of the search space: `lr=0.001, momentum=0.9`.
 * Whole values are written without a fraction (`3`, not `3.0`), so an integer hyperparameter accepts them.
 */
data class Configuration(val values: List<Pair<String, Double>>) {
    /** The value of the hyperparameter [name]. */
    fun value(name: String): Double = values.first { it.first == name }.second

    /** The setting of the hyperparameters [names] only, in this setting's order. */
    fun only(names: Collection<String>): Configuration = Configuration(values.filter { it.first in names })

    /** `name=value` pairs as a spec writes them. */
    val text: String get() = values.joinToString(", ") { (name, v) -> "$name=${written(v)}" }

    companion object {
        /** A value as a spec argument: whole numbers without a fraction, others as Java prints a double. */
        @JvmStatic
        fun written(v: Double): String = if (v == Math.rint(v) && Math.abs(v) < 1e15) v.toLong().toString() else v.toString()
    }
}

/**
 * The hyperparameters a tune study searches, each with its [Distribution], read from `--tune` options
 * (`lr=loguniform(1e-5, 1)`, one per option).
 *
 * ```kotlin
 * val space = SearchSpace.parse(listOf("lr=loguniform(1e-4, 1)", "momentum=uniform(0.5, 0.99)"))
 * space.grid(20)           // 4 x 4 = 16 settings: 4 learning rates on a log scale times 4 momenta
 * space.random(20, seed)   // 20 settings drawn with a SplittableRandom(seed)
 * ```
 */
data class SearchSpace(val parameters: List<TunedParameter>) {
    init {
        if (parameters.isEmpty()) throw LabException("--tune: give at least one hyperparameter, e.g. --tune 'lr=loguniform(1e-5,1)'")
        parameters.groupBy { it.name }.values.firstOrNull { it.size > 1 }?.let {
            throw LabException("--tune: the hyperparameter '${it[0].name}' is tuned twice; give it once")
        }
    }

    /** The names of the tuned hyperparameters, in order. */
    val names: List<String> get() = parameters.map { it.name }

    /**
     * The grid of at most [budget] settings: every value of each discrete distribution, and n points of each
     * range, n the largest number with n^(ranges) x (product of the discrete sizes) <= [budget]. The last
     * hyperparameter varies fastest.
     *
     * @throws LabException when the discrete values alone make more than [budget] settings
     */
    fun grid(budget: Int): List<Configuration> {
        val discrete = parameters.filter { it.distribution.discrete }.fold(1L) { p, it -> p * it.distribution.points(1).size }
        if (discrete > budget) throw LabException("--tune: the listed values make a grid of $discrete settings, more than --budget $budget")
        val ranges = parameters.count { !it.distribution.discrete }
        var n = 1
        while (ranges > 0 && power(n + 1, ranges) * discrete <= budget) n++
        val axes = parameters.map { it.distribution.points(n) }
        var product = listOf(emptyList<Pair<String, Double>>())
        for ((i, axis) in axes.withIndex()) product = product.flatMap { prefix -> axis.map { prefix + (parameters[i].name to it) } }
        return product.map { Configuration(it) }
    }

    /** [count] settings drawn in order with one `SplittableRandom(seed)`, each hyperparameter in turn. */
    fun random(count: Int, seed: Long): List<Configuration> {
        val random = SplittableRandom(seed)
        return (0 until count).map { Configuration(parameters.map { p -> p.name to p.distribution.draw(random) }) }
    }

    /** The `--tune` options, one per hyperparameter. */
    val texts: List<String> get() = parameters.map { it.text }

    private fun power(base: Int, exponent: Int): Long {
        var p = 1L
        repeat(exponent) { p = Math.multiplyExact(p, base.toLong()) }
        return p
    }

    companion object {
        /**
         * Reads `--tune` options, each `name=distribution`.
         *
         * @throws LabException naming the option, the column and what was wrong
         */
        @JvmStatic
        fun parse(options: List<String>): SearchSpace = SearchSpace(options.map { option ->
            val equals = option.indexOf('=')
            if (equals < 0) throw LabException("--tune '$option': expected name=distribution, e.g. lr=loguniform(1e-5,1) (column 1)")
            val name = option.substring(0, equals).trim()
            if (!NAME.matches(name)) throw LabException("--tune '$option': '$name' is not a hyperparameter name (column 1)")
            TunedParameter(name, Distribution.parse(option.substring(equals + 1), option, equals + 2))
        })

        private val NAME = Regex("[A-Za-z_][A-Za-z0-9_]*")
    }
}
