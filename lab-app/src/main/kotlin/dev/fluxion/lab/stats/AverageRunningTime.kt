package dev.fluxion.lab.stats

import dev.fluxion.lab.engine.RunResult

/**
 * COCO's average running time (aRT) to one target, the one formula behind the comparison's tables ([PairSummary],
 * from [SummaryColumns]) and the suite's ([dev.fluxion.lab.suite.Runtimes]):
 *
 *     aRT = (sum over all runs of [evaluationsSpent]) / #successful runs,
 *
 * where a run that reached the target counts its evaluations up to the hit (the evaluation that saw it included) and
 * one that did not counts every evaluation it used until it ended (out of budget, stalled, diverged); infinite when
 * no run succeeded (cocopp's `toolsstats.sp`). It is the expected runtime of an optimizer restarted independently
 * until it reaches the target, when its restarts behave like these runs. Three runs, two reaching the target after
 * e1 and e2 evaluations and one spending its whole budget B: aRT = (e1 + e2 + B) / 2.
 *
 * Source: N. Hansen, A. Auger, D. Brockhoff, D. Tusar and T. Tusar, "COCO: performance assessment",
 * arXiv:1605.03560, 2016, section 3.
 */
object AverageRunningTime {
    /** aRT from the evaluations all runs spent on a target ([evaluationsSpent], summed) and how many reached it. */
    @JvmStatic
    fun of(evaluations: Long, successes: Int): Double =
        if (successes == 0) Double.POSITIVE_INFINITY else evaluations.toDouble() / successes

    /** What [run] spent on its budget's target of index [target]: its evaluations to the hit, or all of them. */
    @JvmStatic
    fun evaluationsSpent(run: RunResult, target: Int): Long =
        if (run.hit(target)) run.hitEvaluations[target] else run.evaluations
}
