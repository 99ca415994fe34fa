package dev.fluxion.optimizers

import dev.fluxion.dsl.spec.ParameterType
import dev.fluxion.dsl.spec.Range
import dev.fluxion.optimizers.schedule.ConstantSchedule
import dev.fluxion.optimizers.schedule.Schedule
import dev.fluxion.optimizers.schedule.Schedules
import kotlin.math.ceil
import kotlin.math.pow
import kotlin.random.Random

/**
 * Random, valid optimizers for property tests: every typed provider of the registry (named optimizers and building
 * blocks) with random hyperparameters inside their ranges and choices, learning rates that are constants or
 * schedules of every kind (warm-ups and joins nested), chains nested up to depth 3, and optimizers nested as
 * hyperparameters (lookahead's inner). Joint rules (c1 < c2, a trust region's radius < maxRadius) are met by drawing
 * again. [seen] collects the names
 * drawn, so that a test can check the draws reached every provider and schedule.
 */
class RandomOptimizers(private val random: Random) {
    private val providers = Optimizers.list().filterIsInstance<TypedProvider>()
    val seen = mutableSetOf<String>()

    /** An optimizer: a named one, a chain, or a lone building block as the chain of that link. */
    fun optimizer(): Optimizer = Optimizer.of(transform(depth = 1))

    /** A chain of one to three links (below depth 3, one time in three), else a provider's value. */
    fun transform(depth: Int): Transform =
        if (depth < 3 && random.nextInt(3) == 0) Chain(List(1 + random.nextInt(3)) { transform(depth + 1) })
        else providers.random(random).let(::create)

    /**
     * The provider's value for random hyperparameters, drawn again while they break a rule that joins several of
     * them (the line searches' c1 < c2), which ranges alone cannot express: those messages say what it `needs`.
     */
    private fun create(provider: OptimizerProvider): Transform {
        repeat(100) {
            try {
                return provider.create(values(provider.name(), provider.hyperparameters()))
            } catch (refused: OptimizerException) {
                if (!refused.message!!.startsWith("${provider.name()} needs ")) throw refused
            }
        }
        error("100 draws of ${provider.name()} broke its joint rules")
    }

    /** A schedule of any kind, warm-ups and joins nesting schedules up to [depth] 3. */
    fun schedule(depth: Int = 1): Schedule {
        val kinds = Schedules.SIGNATURES.filter { depth < 3 || it.hyperparameters().none { h -> h.type() == ParameterType.NESTED } }
        val kind = kinds.random(random)
        seen += kind.name()
        return kind.create(HyperparameterValues(kind.name(), kind.hyperparameters().associate { it.name() to value(it, depth + 1) }))
    }

    private fun values(owner: String, declared: List<Hyperparameter>): HyperparameterValues {
        seen += owner
        return HyperparameterValues(owner, declared.associate { it.name() to value(it, depth = 1) })
    }

    private fun value(h: Hyperparameter, depth: Int): Any = when (h.type()) {
        ParameterType.REAL -> real(h.range())
        ParameterType.INTEGER -> integer(h.range())
        ParameterType.BOOLEAN -> random.nextBoolean()
        ParameterType.CHOICE -> h.choices().random(random)
        // a NESTED hyperparameter without a range takes an optimizer (lookahead's inner, scheduleFree's base)
        ParameterType.NESTED -> if (h.range() == null) transform(depth = 3)
            else if (random.nextBoolean()) ConstantSchedule(real(h.range())) else schedule(depth)
        else -> error("no values of type ${h.type()} here")
    }

    /**
     * A double in [range]: its ends sometimes, else uniform in a bounded range, 10^[-6, 3) above the lower end, or
     * +-10^[-6, 3) when the range is the whole line (a polyak step's f*).
     */
    private fun real(range: Range): Double {
        while (true) {
            val x = when (random.nextInt(8)) {
                0 -> range.min()
                1 -> range.max()
                else -> if (range.min().isInfinite()) (if (random.nextBoolean()) 1 else -1) * 10.0.pow(random.nextDouble(-6.0, 3.0))
                    else if (range.max().isInfinite()) range.min() + 10.0.pow(random.nextDouble(-6.0, 3.0))
                    else range.min() + (range.max() - range.min()) * random.nextDouble()
            }
            if (range.contains(x)) return x
        }
    }

    /** A whole number in [range], at most 1000 above its lower end. */
    private fun integer(range: Range): Long {
        val low = ceil(range.min()).toLong().let { if (range.contains(it.toDouble())) it else it + 1 }
        return low + random.nextLong(1000)
    }
}
