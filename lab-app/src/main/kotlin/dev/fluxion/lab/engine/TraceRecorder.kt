package dev.fluxion.lab.engine

/**
 * Writes a [Trace] step by step into primitive arrays allocated once, at the size the step budget implies: the
 * kept steps are decided up front by the study's [TracePolicy] (by default every step k <= 100, then
 * k_{i+1} = max(k_i + 1, ceil(1.02 k_i)) up to [maxSteps], so a run of n steps keeps min(n, 100) + O(log n) points),
 * and a step allocates nothing. The run's last point is recorded whatever its step ([recordLast]), which is why
 * the arrays may have one slot more than the schedule ([capacity]); under [TracePolicy.NONE] nothing is recorded.
 *
 * One recorder belongs to one run, on one thread.
 *
 * @property maxSteps the run's step budget, which bounds the schedule
 * @property policy which steps are kept
 */
class TraceRecorder @JvmOverloads constructor(
    val maxSteps: Long,
    private val withPositions: Boolean,
    val policy: TracePolicy = TracePolicy.LOG,
) {
    private val keepsNothing = policy == TracePolicy.NONE
    private val schedule = if (keepsNothing) NOTHING else schedule(maxSteps, policy)
    private val capacity = schedule.capacity
    /** The kept steps in order, shared by the runs of one budget (read only). */
    private val kept = schedule.steps
    private val steps = LongArray(capacity)
    private val loss = DoubleArray(capacity)
    private val gradientNorm = DoubleArray(capacity)
    private val stepLength = DoubleArray(capacity)
    private val positions = DoubleArray(if (withPositions) 2 * capacity else 0)
    private var size = 0
    private var nextKept = if (keepsNothing) Long.MAX_VALUE else 0L

    /** Whether step [k] is on the schedule (so callers can skip work for the others); steps come in order. */
    fun keeps(k: Long): Boolean = k >= nextKept

    /**
     * Records the point x after [k] steps with f(x), ||grad f(x)|| and the length of the step taken from it, if
     * [keeps] says so: the per-step call, which does nothing for a step off the schedule.
     */
    fun record(k: Long, f: Double, gradNorm: Double, step: Double, x: DoubleArray) {
        if (k >= nextKept) put(k, f, gradNorm, step, x)
    }

    /**
     * Records the run's last point, whatever its step. A point already recorded at the same step is replaced (the
     * last point may be recorded again with more facts).
     */
    fun recordLast(k: Long, f: Double, gradNorm: Double, step: Double, x: DoubleArray) {
        if (keepsNothing) return
        if (size > 0 && steps[size - 1] == k) size--
        put(k, f, gradNorm, step, x)
    }

    private fun put(k: Long, f: Double, gradNorm: Double, step: Double, x: DoubleArray) {
        val i = size
        steps[i] = k
        loss[i] = f
        gradientNorm[i] = gradNorm
        stepLength[i] = step
        if (withPositions) {
            positions[2 * i] = x[0]
            positions[2 * i + 1] = x[1]
        }
        size = i + 1
        // the schedule's next step (the i-th put of a run is at kept[i]); none once the schedule is done, or after
        // a last point recorded off the schedule
        nextKept = if (i + 1 < kept.size && kept[i] == k) kept[i + 1] else Long.MAX_VALUE
    }

    /** The trace so far; the arrays are handed over without a copy when the schedule filled them. */
    fun build(): Trace = if (keepsNothing) Trace.EMPTY else if (size == capacity) Trace(steps, loss, gradientNorm, stepLength, positions)
    else Trace(steps.copyOf(size), loss.copyOf(size), gradientNorm.copyOf(size), stepLength.copyOf(size),
        positions.copyOf(if (withPositions) 2 * size else 0))

    companion object {
        /**
         * The points a run of at most [maxSteps] steps can keep: the schedule's steps in 0..maxSteps, and one more
         * for a last point off the schedule unless the schedule ends at maxSteps. (A run that ends at a step k off
         * the schedule before maxSteps records the last point in place of the schedule's next step, which is then
         * never reached, or, if that step lies beyond maxSteps, in the extra slot.)
         */
        @JvmStatic
        fun capacity(maxSteps: Long, policy: TracePolicy): Int =
            if (policy == TracePolicy.NONE) 0 else schedule(maxSteps, policy).capacity

        /**
         * The kept steps of a run of at most [maxSteps] steps, and the trace's [capacity], worked out once per
         * budget: every run of a study has the same one, and walking the log-spaced steps (about 120 dependent
         * multiplications and roundings from step 100 to step 1,000) took about a twelfth of a 1,000-step run on a
         * 2-D quadratic when each run did it, and a share of each kept step when each put asked the policy.
         */
        private fun schedule(maxSteps: Long, policy: TracePolicy): Schedule {
            val last = lastSchedule
            if (last != null && last.maxSteps == maxSteps && last.policy == policy) return last
            val steps = keptSteps(maxSteps, policy)
            // one slot more for a last point off the schedule, unless the schedule ends at maxSteps
            val capacity = if (steps.isNotEmpty() && steps.last() == maxSteps) steps.size else Math.addExact(steps.size, 1)
            return Schedule(maxSteps, policy, capacity, steps).also { lastSchedule = it }
        }

        /** The schedule whose steps were worked out last. */
        @Volatile
        private var lastSchedule: Schedule? = null

        private class Schedule(val maxSteps: Long, val policy: TracePolicy, val capacity: Int, val steps: LongArray)

        private val NOTHING = Schedule(0, TracePolicy.NONE, 0, LongArray(0))

        /** The policy's steps in 0..maxSteps, in order. */
        private fun keptSteps(maxSteps: Long, policy: TracePolicy): LongArray {
            var steps = LongArray(16)
            var count = 0
            var k = 0L
            while (k <= maxSteps) {
                if (count == steps.size) steps = steps.copyOf(Math.toIntExact(2L * count))
                steps[count++] = k
                val following = policy.next(k)
                if (following <= k) break // k + 1 overflowed
                k = following
            }
            return steps.copyOf(count)
        }
    }
}
