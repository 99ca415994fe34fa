package dev.fluxion.lab

import dev.fluxion.dsl.expr.Point
import dev.fluxion.landscapes.Landscape
import dev.fluxion.optimizers.Optimizer
import dev.fluxion.optimizers.OptimizerException
import java.util.SplittableRandom

/**
 * Runs one run to its end on the calling thread: steps the optimizer from the start, records the trace,
 * checks the targets, and decides the [Outcome]. A pure function of the [RunSpec] (given the landscape and the
 * optimizer it names), so a run gives bit-identical results on any thread.
 *
 * Step k (k = 0, 1, ...) evaluates f and grad f at x_k and moves to x_{k+1}; a target is hit at step k when
 * f(x_k) - f* is at most the target, after the gradient evaluation that saw it.
 */
object RunLoop {

    /**
     * Executes [spec] with the landscape and optimizer it names. [isActive] is polled every 256 steps so that a
     * cancelled study stops promptly (the unfinished run is then thrown away, never stored).
     */
    @JvmStatic
    @JvmOverloads
    fun execute(spec: RunSpec, landscape: Landscape, optimizer: Optimizer, isActive: () -> Boolean = { true }): RunResult {
        val budget = spec.budget
        val n = landscape.dimension()
        val x = spec.start.toDoubleArray()
        if (x.size != n) {
            throw LabException("the start of ${spec.pair} has ${x.size} coordinates, the landscape has $n")
        }
        val objective = CountingObjective(landscape.objective(), budget.gradientNoise, SplittableRandom(spec.seed))
        val minimum = landscape.facts().minimum()
        val fStar = if (minimum.isPresent) minimum.asDouble else Double.NaN
        val targets = budget.targets
        val hitSteps = LongArray(targets.size) { -1 }
        val hitEvaluations = LongArray(targets.size) { -1 }
        var nextTarget = 0
        val recorder = Trace.Recorder(withPositions = n == 2)
        val state = optimizer.start(n)
        val previous = x.copyOf()
        var still = 0

        fun checkTargets(f: Double, k: Long): Boolean {
            if (fStar.isNaN()) return false
            val gap = f - fStar
            while (nextTarget < targets.size && gap <= targets[nextTarget]) {
                hitSteps[nextTarget] = k
                hitEvaluations[nextTarget] = objective.evaluations
                nextTarget++
            }
            return nextTarget == targets.size
        }

        fun finish(outcome: Outcome, k: Long, point: DoubleArray, f: Double): RunResult = RunResult(
            spec, outcome, k, objective.evaluations, f, finalGap(f, fStar),
            point.toList(), hitSteps.toList(), hitEvaluations.toList(), recorder.build())

        var k = 0L
        while (k < budget.maxSteps) {
            if (objective.evaluations >= budget.maxEvaluations) break
            if (k and 255L == 0L && !isActive()) throw kotlinx.coroutines.CancellationException("run cancelled")
            System.arraycopy(x, 0, previous, 0, n)
            val info = try {
                state.step(objective, x)
            } catch (e: OptimizerException) {
                val f = landscape.value(previous)
                recorder.record(k, f, Double.NaN, 0.0, previous, force = true)
                return finish(Outcome.Diverged(k, listOfNotNull(e.message, nonFiniteNode(landscape, previous))
                    .joinToString("; ")), k, previous, f)
            }
            val f = info.value()
            recorder.record(k, f, info.gradientNorm(), info.stepLength(), previous)
            if (!f.isFinite() || Math.abs(f) > budget.divergenceBound) {
                val cause = if (f.isFinite()) "f = $f left the divergence bound ${budget.divergenceBound} at step $k"
                else "f = $f at step $k"
                return finish(Outcome.Diverged(k, listOfNotNull(cause, nonFiniteNode(landscape, previous))
                    .joinToString("; ")), k, previous, f)
            }
            if (checkTargets(f, k)) {
                return finish(Outcome.ReachedTarget(k, objective.evaluations), k, previous, f)
            }
            val scale = 1.0 + previous.maxOf { Math.abs(it) }
            still = if (info.gradientNorm() <= budget.stallGradient && info.stepLength() <= budget.stallStep * scale)
                still + 1 else 0
            if (still >= budget.stallPatience) {
                return finish(Outcome.Stalled(k), k, previous, f)
            }
            k++
        }
        // The last point has not been evaluated with a gradient; its value alone decides the last target check.
        val f = landscape.value(x)
        recorder.record(k, f, Double.NaN, 0.0, x, force = true)
        if (!f.isFinite()) {
            return finish(Outcome.Diverged(k, listOfNotNull("f = $f at step $k", nonFiniteNode(landscape, x))
                .joinToString("; ")), k, x, f)
        }
        if (checkTargets(f, k)) return finish(Outcome.ReachedTarget(k, objective.evaluations), k, x, f)
        return finish(Outcome.OutOfBudget(k), k, x, f)
    }

    /** f - f*; NaN when f* is unknown, and +inf when f* is known but f is NaN (a blown-up run is far away). */
    private fun finalGap(f: Double, fStar: Double): Double = when {
        fStar.isNaN() -> Double.NaN
        f.isNaN() -> Double.POSITIVE_INFINITY
        else -> f - fStar
    }

    /**
     * The dsl's checked evaluation at x: the first sub-expression whose value or derivative is NaN or infinite,
     * as a message, or null when every node is finite or the landscape has vector variables.
     */
    @JvmStatic
    fun nonFiniteNode(landscape: Landscape, x: DoubleArray): String? {
        val variables = landscape.variables()
        if (variables.size != x.size) return null
        return try {
            landscape.expression().checkedAt(Point.of(variables, x), variables).nonFinite().map { it.message() }
                .orElse(null)
        } catch (e: RuntimeException) {
            null
        }
    }
}
