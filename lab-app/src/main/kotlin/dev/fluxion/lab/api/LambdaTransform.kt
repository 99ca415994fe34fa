package dev.fluxion.lab.api

import dev.fluxion.lab.LabException
import dev.fluxion.optimizers.StepContext
import dev.fluxion.optimizers.Transform
import dev.fluxion.optimizers.TransformState

/**
 * A transform written as a Kotlin lambda over the optimizers' contract: [init] makes the state of one run, as
 * [Transform.init] does. Its [spec] is its [name]; [code] is the lambda whose code [CodeHash] hashes when a study
 * stores its runs ([dev.fluxion.lab.engine.HashedOptimizer]). Made by [transform] and [statefulTransform].
 */
class LambdaTransform internal constructor(val name: String, val code: Any, private val init: (Int) -> TransformState) : Transform {
    init {
        if (name.isBlank() || '#' in name || ';' in name) {
            throw LabException("a transform written as a lambda needs a name without '#' or ';', got '$name'")
        }
    }

    override fun init(dimension: Int): TransformState = init.invoke(dimension)

    override fun spec(): String = name

    override fun toString(): String = name
}

/**
 * A transform without state, written as a lambda that rewrites the incoming direction in place (on entry the
 * gradient, or what the link before made of it; on exit the update added to x when it is the last link). Sign
 * descent with a step of 0.01:
 * ```kotlin
 * val signDescent = transform("signDescent") { direction, _ ->
 *     for (i in direction.indices) direction[i] = -0.01 * sign(direction[i])
 * }
 * ```
 */
fun transform(name: String, update: (direction: DoubleArray, context: StepContext) -> Unit): LambdaTransform =
    LambdaTransform(name, update) { _ ->
        object : TransformState() {
            override fun update(direction: DoubleArray, context: StepContext) = update(direction, context)
        }
    }

/**
 * A transform with state, written as a lambda that makes the state of one run for a problem of `dimension`
 * variables (register its saved buffers with [TransformState]'s `buffer`).
 */
fun statefulTransform(name: String, init: (dimension: Int) -> TransformState): LambdaTransform =
    LambdaTransform(name, init, init)
