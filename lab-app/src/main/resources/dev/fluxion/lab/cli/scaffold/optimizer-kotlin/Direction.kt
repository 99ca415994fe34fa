package {{package}}

import dev.fluxion.optimizers.StepContext
import dev.fluxion.optimizers.Transform
import dev.fluxion.optimizers.TransformState
import kotlin.math.abs
import kotlin.math.sqrt

/**
 * The direction of [{{Class}}]: the gradient g divided by its Euclidean norm, g / |g|, so that the learning rate
 * chained after it sets the step's length; a zero gradient stays zero. The norm is taken as
 * m sqrt(sum (g_i / m)^2) with m = max |g_i|, which neither overflows nor underflows.
 *
 * The contract: [TransformState.update] rewrites the direction in place (on entry the gradient, or what the
 * transform before handed on); the context gives the point, the raw gradient, f, the step counter and counted
 * evaluations at trial points. Buffers that a run keeps between steps (a momentum) are registered with
 * `buffer(name, length, initialValue)` when the state is made, so that a run saves and restores them exactly.
 */
class {{Class}}Direction : Transform {

    override fun init(dimension: Int): TransformState = object : TransformState() {
        override fun update(direction: DoubleArray, context: StepContext) {
            val largest = direction.maxOf { abs(it) }
            if (largest == 0.0) return
            val norm = largest * sqrt(direction.sumOf { (it / largest) * (it / largest) })
            for (i in direction.indices) direction[i] /= norm
        }
    }

    override fun spec(): String = "{{camel}}Direction()"

    override fun equals(other: Any?): Boolean = other is {{Class}}Direction

    override fun hashCode(): Int = {{Class}}Direction::class.hashCode()
}
