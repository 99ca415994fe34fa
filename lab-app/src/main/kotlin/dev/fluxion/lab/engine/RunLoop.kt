package dev.fluxion.lab.engine

import dev.fluxion.dsl.expr.Point
import dev.fluxion.lab.LabException
import dev.fluxion.landscapes.Landscape
import dev.fluxion.optimizers.Optimizer
import dev.fluxion.optimizers.OptimizerException
import java.util.SplittableRandom

/**
 * Runs one run to its end on the calling thread: steps the optimizer from the start, records the trace,
 * checks the targets, and decides the [Outcome]. A pure function of the [RunSpec] (given the landscape and the
 * optimizer it names), so a run gives bit-identical results on any thread.
 *
 * Step k (k = 0, 1, ...) evaluates f and grad f at x_k and moves to x_{k+1} (on a minibatched landscape, the loss
 * and gradient of the run's batch k, see [Landscape.objectiveForRun]; the f recorded and checked is then the full
 * f(x_k), evaluated apart and not counted as cost); a target is hit at step k when
 * f(x_k) - f* is at most the target, after the evaluation that saw it. Evaluations are the optimizer run's counts
 * under the cost model of [dev.fluxion.optimizers.Evaluations.cost]: a value or a value with its gradient counts 1,
 * a Hessian (or metric) counts n, so line searches and Newton's method pay for what they ask.
 */
object RunLoop {

    /**
     * Executes [spec] with the landscape and optimizer it names. [isActive] is polled every 256 steps so that a
     * cancelled study stops promptly (the unfinished run is then thrown away, never stored).
     *
     * The loop allocates nothing per step: the trace goes into arrays sized from the budget ([TraceRecorder]),
     * the targets are a primitive array, and the dsl's checked evaluation (which walks the expression) runs only
     * once a run has diverged, to name the cause.
     */
    @JvmStatic
    @JvmOverloads
    fun execute(spec: RunSpec, landscape: Landscape, optimizer: Optimizer, isActive: () -> Boolean = { true }): RunResult =
        execute(spec, landscape, optimizer, isActive, RunTimeout.NONE)

    /**
     * [execute], ending the run as [Outcome.TimedOut] once [timeout] has passed: checked with [isActive], every 256
     * steps (a step that never returns is the engine's to catch, see [Engine]).
     *
     * Code of the optimizer or the landscape that throws (a plugin's bug, say) ends the run as [Outcome.Failed] with
     * the exception and where it was thrown, instead of ending the study; so does a stack overflow or a class that
     * cannot load. An [OptimizerException] (a non-finite gradient) is a divergence, as before.
     */
    internal fun execute(spec: RunSpec, landscape: Landscape, optimizer: Optimizer, isActive: () -> Boolean,
                         timeout: RunTimeout): RunResult {
        val deadline = timeout.deadlineFromNow()
        val steps = longArrayOf(0L)
        return try {
            val n = landscape.dimension()
            val x = spec.start.toDoubleArray()
            if (x.size != n) {
                throw LabException("the start of ${spec.pair} has ${x.size} coordinates, the landscape has $n")
            }
            loop(spec, landscape, optimizer, isActive, x, deadline, timeout, steps)
        } catch (e: Throwable) {
            if (e is LabException || !isRunFailure(e)) throw e
            failed(spec, steps[0], e)
        }
    }

    /**
     * Whether [e], thrown by the optimizer's or the landscape's code, ends the run as failed: any exception but a
     * cancellation, a stack overflow, a class that cannot load or an assertion; not the JVM running out of memory.
     */
    private fun isRunFailure(e: Throwable): Boolean =
        (e is Exception && e !is kotlinx.coroutines.CancellationException) || e is StackOverflowError ||
            e is LinkageError || e is AssertionError

    /** The result of a run that threw [e] during step [k]. */
    private fun failed(spec: RunSpec, k: Long, e: Throwable): RunResult =
        RunResult.unfinished(spec, Outcome.Failed(k, "${describe(e)} during step $k"), k)

    /** An exception on one line: its type, its message and the place it was thrown. */
    internal fun describe(e: Throwable): String {
        val message = (e.message ?: "").lineSequence().firstOrNull()?.trim().orEmpty()
        val where = e.stackTrace.firstOrNull()?.let { " at ${it.className}.${it.methodName}(${it.fileName}:${it.lineNumber})" } ?: ""
        return "${e.javaClass.name}${if (message.isEmpty()) "" else ": $message"}$where"
    }

    private fun loop(spec: RunSpec, landscape: Landscape, optimizer: Optimizer, isActive: () -> Boolean,
                     x: DoubleArray, deadline: Long, timeout: RunTimeout, steps: LongArray): RunResult {
        val budget = spec.budget
        val n = x.size
        // the run's own objective: its scratch arrays are made here, beside the run's other arrays, and dropped with
        // them, rather than held by the thread for its life (see benchmarks/README.md, "Each run's own scratch arrays")
        val exact = landscape.confinedObjective()
        // a minibatched landscape's gradients (and line searches' values) are its batches'; progress is f's, below
        val minibatched = landscape.isMinibatched()
        // a full-batch run evaluates f and its gradient on one objective (one set of scratch arrays, not two)
        val sampled = if (minibatched) landscape.objectiveForRun(spec.seed) else exact
        val objective = if (budget.gradientNoise > 0) NoisyObjective(sampled, budget.gradientNoise, SplittableRandom(spec.seed))
        else sampled
        val minimum = landscape.facts().minimum()
        val fStar = if (minimum.isPresent) minimum.asDouble else Double.NaN
        val targets = budget.targets.toDoubleArray()
        val hits = Hits(targets.size)
        val recorder = TraceRecorder(budget.maxSteps, withPositions = n == 2, spec.traces)
        val state = optimizer.start(n)
        val previous = x.copyOf()
        val maxSteps = budget.maxSteps
        val maxEvaluations = budget.maxEvaluations
        val watch = Watch(targets, budget, fStar, hits)

        // the steps so far, and the run's evaluations under the cost model of [Evaluations.cost] (values and
        // gradients 1 each, a Hessian n), counted by the optimizer's run
        val stepping = Stepping(state, objective, exact, minibatched, x, previous, recorder, watch, maxSteps, maxEvaluations)

        fun finish(outcome: Outcome, k: Long, point: DoubleArray, f: Double): RunResult = RunResult(
            spec, outcome, k, stepping.cost, f, finalGap(f, fStar),
            point.toList(), hits.steps.toList(), hits.evaluations.toList(), recorder.build())

        // The steps ([Stepping.advance], a method of its own) stop for one of three reasons: the budget is spent, the
        // run's time limit has passed, or a step may end the run (f out of bounds or NaN, the next target reached, a
        // tiny gradient, or still steps being counted: [Watch.mayEnd]); only then does [Watch.verdict] work out which
        // ending, if any, here, out of the hot method.
        while (true) {
            val stop = try {
                stepping.advance(isActive, deadline, steps)
            } catch (e: OptimizerException) {
                val at = stepping.k
                val f = exact.value(previous)
                recorder.recordLast(at, f, Double.NaN, 0.0, previous)
                return finish(Outcome.Diverged(at, listOfNotNull(e.message, nonFiniteNode(landscape, previous))
                    .joinToString("; ")), at, previous, f)
            } catch (e: Throwable) {
                if (isRunFailure(e)) steps[0] = stepping.k // the step the run fails at, for [execute]
                throw e
            }
            if (stop == Stepping.SPENT) break
            if (stop == Stepping.TIMED_OUT) {
                val k = stepping.k
                val f = exact.value(x)
                recorder.recordLast(k, f, Double.NaN, 0.0, x)
                return finish(Outcome.TimedOut(k, timeout.describe()), k, x, f)
            }
            val at = stepping.k
            val f = stepping.f
            val gradientNorm = stepping.gradientNorm
            val stepLength = stepping.stepLength
            val outcome = watch.verdict(at, f, gradientNorm, stepLength, previous, stepping.seenAt)
            if (outcome != null) {
                recorder.recordLast(at, f, gradientNorm, stepLength, previous) // the last point, kept
                val ending = if (outcome is Outcome.Diverged) Outcome.Diverged(at, listOfNotNull(outcome.cause,
                    nonFiniteNode(landscape, previous)).joinToString("; ")) else outcome
                return finish(ending, at, previous, f)
            }
            stepping.k = at + 1
        }
        val k = stepping.k
        steps[0] = k
        // The last point has not been evaluated with a gradient; its value alone decides the last target check.
        val f = exact.value(x)
        recorder.recordLast(k, f, Double.NaN, 0.0, x)
        if (!f.isFinite()) {
            return finish(Outcome.Diverged(k, listOfNotNull("f = $f at step $k", nonFiniteNode(landscape, x))
                .joinToString("; ")), k, x, f)
        }
        // f(x_T) is the lab's evaluation, not the optimizer's: it counts only when it is what reaches a target, as
        // the evaluation that saw it (the run's cost then includes it); otherwise the final gap is read for free
        val reachedBefore = hits.reached
        val reachedAll = hits.check(f - fStar, targets, k, stepping.cost + 1)
        if (hits.reached > reachedBefore) stepping.cost += 1
        if (reachedAll) {
            return finish(Outcome.ReachedTarget(k, stepping.cost), k, x, f)
        }
        return finish(Outcome.OutOfBudget(k), k, x, f)
    }

    /**
     * A run's steps, in a method of their own: the JIT compiles it apart from the run's set-up and endings, with the
     * optimizer's step, the objective and the bookkeeping inlined into it. (Inlined into a method that also held the
     * set-up and the endings, the step was cut off by the compiler's node limit and the run cost up to four times as
     * much, in some JVMs and not others: see benchmarks/README.md, "The step left a call".) Between calls, [k] is the
     * next step and [cost] the evaluations so far; after a call that returns [MAY_END], the fields below them
     * describe step [k], which may end the run.
     */
    private class Stepping(
        private val state: dev.fluxion.optimizers.OptimizerState,
        private val objective: dev.fluxion.dsl.Objective,
        private val exact: dev.fluxion.dsl.Objective,
        private val minibatched: Boolean,
        private val x: DoubleArray,
        private val previous: DoubleArray,
        private val recorder: TraceRecorder,
        private val watch: Watch,
        private val maxSteps: Long,
        private val maxEvaluations: Long,
    ) {
        var k = 0L
        var cost = 0L
        var f = 0.0
        var gradientNorm = 0.0
        var stepLength = 0.0

        /** The evaluations after which f(x_k) was seen: by step k's first, or by the step before's last if reused. */
        var seenAt = 0L

        /**
         * Steps from [k] until the budget is spent ([SPENT]), the [deadline] (a [System.nanoTime], or
         * [Long.MAX_VALUE] for none) has passed ([TIMED_OUT], checked every 256 steps, when [isActive] is polled and
         * the step reached is written to [reached]), or a step may end the run ([MAY_END], with [k] at that step).
         * Counters live in locals and are written back on every way out, a throw included ([k] is then the step
         * that threw); a cancelled run throws [kotlinx.coroutines.CancellationException].
         */
        fun advance(isActive: () -> Boolean, deadline: Long, reached: LongArray): Int {
            var k = this.k
            var cost = this.cost
            val n = x.size
            try {
                while (k < maxSteps && cost < maxEvaluations) {
                    if (k and 255L == 0L) {
                        if (!isActive()) throw kotlinx.coroutines.CancellationException("run cancelled")
                        reached[0] = k
                        if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) return TIMED_OUT
                    }
                    val until = minOf(maxSteps, (k or 255L) + 1)
                    while (k < until && cost < maxEvaluations) {
                        if (n == 2) { // the lab's common case, two stores: the copy loop alone cost 0.6 of a gd step
                            previous[0] = x[0]
                            previous[1] = x[1]
                        } else {
                            for (i in 0 until n) previous[i] = x[i]
                        }
                        val info = state.step(objective, x)
                        // on minibatches the step saw its batch's loss; the run's progress is the full f(x_k), not
                        // counted as cost
                        val f = if (minibatched) exact.value(previous) else info.value()
                        val gradientNorm = info.gradientNorm()
                        val before = cost
                        cost = info.evaluationCost(n)
                        // the step's length (a square root) only for the steps that need it: kept, or maybe the last
                        if (recorder.keeps(k)) recorder.record(k, f, gradientNorm, info.stepLength(), previous)
                        if (watch.mayEnd(f, gradientNorm)) {
                            this.f = f
                            this.gradientNorm = gradientNorm
                            this.stepLength = info.stepLength()
                            this.seenAt = if (info.reusedEvaluation()) before else before + 1
                            return MAY_END
                        }
                        k++
                    }
                }
                return SPENT
            } finally {
                this.k = k
                this.cost = cost
            }
        }

        companion object {
            /** The steps or the evaluations of the budget are spent. */
            const val SPENT = 0

            /** The run's time limit has passed. */
            const val TIMED_OUT = 1

            /** Step [k] may end the run: [Watch.verdict] decides. */
            const val MAY_END = 2
        }
    }

    /**
     * The run's endings other than the budget, decided after a step that might end it: divergence (f NaN, infinite
     * or beyond the bound), the finest target reached, or a stall (a tiny gradient and a tiny step, relative to the
     * point's size, for [Budget.stallPatience] steps in a row); only a divergence for a [Budget.fixedLength] run.
     */
    private class Watch(private val targets: DoubleArray, budget: Budget, private val fStar: Double,
                        private val hits: Hits) {
        private val divergenceBound = budget.divergenceBound
        private val stallGradient = budget.stallGradient
        private val stallStep = budget.stallStep
        private val stallPatience = budget.stallPatience
        private val fixedLength = budget.fixedLength

        /** The number of still steps in a row so far. */
        private var still = 0

        /** The gap that reaches the next target not yet reached; -inf once all are. */
        private var nextTarget = hits.nextTarget(targets)

        /**
         * Whether a step with f and ||grad f|| could end the run: f NaN, infinite or beyond the bound, the next
         * target reached, a tiny gradient, or still steps being counted. The loop's only per-step question.
         */
        fun mayEnd(f: Double, gradientNorm: Double): Boolean = !(Math.abs(f) <= divergenceBound) ||
            f - fStar <= nextTarget || gradientNorm <= stallGradient || still != 0

        /**
         * The outcome after step [k] at x = [point] (f, ||grad f|| and the step's length given), or null when the
         * run goes on; marks the targets reached in [hits]. A divergence's cause is the message alone (the caller
         * adds the sub-expression).
         */
        fun verdict(k: Long, f: Double, gradientNorm: Double, stepLength: Double, point: DoubleArray,
                    evaluations: Long): Outcome? {
            if (!f.isFinite() || Math.abs(f) > divergenceBound) {
                return Outcome.Diverged(k, if (f.isFinite()) "f = $f left the divergence bound $divergenceBound at step $k"
                else "f = $f at step $k")
            }
            val reachedAll = hits.check(f - fStar, targets, k, evaluations)
            nextTarget = hits.nextTarget(targets)
            if (fixedLength) return null
            if (reachedAll) return Outcome.ReachedTarget(k, evaluations)
            still = if (gradientNorm <= stallGradient && stepLength <= stallStep * (1.0 + largestMagnitude(point)))
                still + 1 else 0
            return if (still >= stallPatience) Outcome.Stalled(k) else null
        }
    }

    /**
     * The steps and evaluations at which a run first reached each target (-1 until it does). A NaN gap
     * (f* unknown) reaches none.
     */
    private class Hits(count: Int) {
        val steps = LongArray(count) { -1 }
        val evaluations = LongArray(count) { -1 }
        private var next = 0

        /** How many targets are reached so far. */
        val reached: Int get() = next

        /** Marks every target the gap [gap] reaches at step [k]; true once the finest is reached. */
        fun check(gap: Double, targets: DoubleArray, k: Long, evaluationsSoFar: Long): Boolean {
            while (next < targets.size && gap <= targets[next]) {
                steps[next] = k
                evaluations[next] = evaluationsSoFar
                next++
            }
            return next == targets.size
        }

        /** The gap that reaches the next target not yet reached; -inf once all are. */
        fun nextTarget(targets: DoubleArray): Double = if (next < targets.size) targets[next] else Double.NEGATIVE_INFINITY
    }

    private fun largestMagnitude(x: DoubleArray): Double {
        var largest = 0.0
        for (v in x) largest = maxOf(largest, Math.abs(v))
        return largest
    }

    /** f - f*; NaN when f* is unknown, and +inf when f* is known but f is NaN (a blown-up run is far away). */
    private fun finalGap(f: Double, fStar: Double): Double = when {
        fStar.isNaN() -> Double.NaN
        f.isNaN() -> Double.POSITIVE_INFINITY
        else -> f - fStar
    }

    /**
     * The dsl's checked evaluation at x: the first sub-expression whose value or derivative is NaN or infinite,
     * as a message, or null when every node is finite, the landscape has vector variables, or it is given by code
     * (it has no nodes).
     */
    @JvmStatic
    fun nonFiniteNode(landscape: Landscape, x: DoubleArray): String? {
        if (!landscape.hasExpression()) return null
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
