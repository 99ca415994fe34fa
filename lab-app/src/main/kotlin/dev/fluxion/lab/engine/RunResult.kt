package dev.fluxion.lab.engine

/**
 * What one run produced.
 *
 * @property evaluations the evaluations used in all, under the cost model of
 *   [dev.fluxion.optimizers.Evaluations.cost] (a value or a value with its gradient 1, a Hessian n)
 * @property finalValue f at the last point
 * @property finalGap f - f* at the last point (NaN when f* is unknown, +inf when f is NaN)
 * @property hitSteps for each target of the budget, the steps taken before f - f* first fell to it, or -1
 * @property hitEvaluations likewise in evaluations (the evaluation that saw the hit included), or -1
 */
data class RunResult(
    val spec: RunSpec,
    val outcome: Outcome,
    val steps: Long,
    val evaluations: Long,
    val finalValue: Double,
    val finalGap: Double,
    val finalPoint: List<Double>,
    val hitSteps: List<Long>,
    val hitEvaluations: List<Long>,
    val trace: Trace,
) {
    /** Whether the landscape's minimum f* is known: the final gap is NaN exactly when it is not. */
    val knowsMinimum: Boolean get() = !finalGap.isNaN()

    /** Whether the target of the given index was reached. */
    fun hit(target: Int): Boolean = hitSteps[target] >= 0

    /** One line: the pair, the outcome and the final gap. */
    fun summary(): String {
        val what = when (val o = outcome) {
            is Outcome.ReachedTarget -> "reached f - f* <= ${spec.budget.targets.last()} at step ${o.step} " +
                "(${o.evaluations} evaluations)"
            is Outcome.Diverged -> "diverged at step ${o.step}: ${o.cause}"
            is Outcome.Stalled -> "stalled at step ${o.step}"
            is Outcome.OutOfBudget -> "out of budget after ${o.step} steps"
            is Outcome.Failed -> "failed at step ${o.step}: ${o.cause}"
            is Outcome.TimedOut -> "timed out at step ${o.step}: ${o.cause}"
        }
        val gap = if (finalGap.isNaN()) "f = ${fmt(finalValue)}" else "f - f* = ${fmt(finalGap)}"
        return "${spec.pair} [start ${spec.startIndex}, seed ${spec.seedIndex}]: $what; $gap"
    }

    private fun fmt(v: Double) = String.format(java.util.Locale.ROOT, "%.3e", v)

    companion object {
        /**
         * A run that ended with [outcome] after [steps] steps without a result of its own (it threw, or a step never
         * returned): no value, no target reached, no trace, its start kept as its point.
         */
        @JvmStatic
        fun unfinished(spec: RunSpec, outcome: Outcome, steps: Long): RunResult = RunResult(spec, outcome, steps, 0,
            Double.NaN, Double.NaN, spec.start, spec.budget.targets.map { -1L }, spec.budget.targets.map { -1L },
            Trace.EMPTY)
    }
}
