package dev.fluxion.lab.suite

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.LabException

/**
 * The targets of a suite study, relative to each landscape's minimum f*: a run reaches target delta when
 * f(x) - f* <= delta, that is when f(x) <= f_target = f* + delta. They are COCO's 51 targets of its runtime ECDFs
 * (cocopp's `pprldmany_target_values`), delta = 10^(2 - k/5) for k = 0, ..., 50: from 100 down to 1e-8, five per
 * decade. They are fixed, not runlength-based (COCO's other setting needs a reference algorithm's data).
 *
 * COCO's aRT tables show seven of them ([TABLE]: 10, 1, 1e-1, 1e-2, 1e-3, 1e-5, 1e-7, cocopp's
 * `pptable_targetsOfInterest`) and count a run successful at the finest, 1e-8.
 *
 * Source: N. Hansen, A. Auger, D. Brockhoff and T. Tusar, "Anytime performance assessment in blackbox optimization
 * benchmarking", IEEE TEVC 26(6), 2022; cocopp's `testbedsettings.py`.
 */
object SuiteTargets {
    /** The number of targets per decade. */
    const val PER_DECADE = 5

    /** delta = 10^(2 - k/5), k = 0..50, coarsest first (as a [Budget] wants them). */
    @JvmField
    val COCO: List<Double> = (0..50).map { k -> Math.pow(10.0, 2 - k.toDouble() / PER_DECADE) }

    /** The indices in [COCO] of COCO's table targets 10, 1, 1e-1, 1e-2, 1e-3, 1e-5 and 1e-7 (k = 5 (2 - log10 delta)). */
    @JvmField
    val TABLE: List<Int> = listOf(1, 0, -1, -2, -3, -5, -7).map { exponent -> PER_DECADE * (2 - exponent) }

    /** The budget of a suite study: [maxSteps] steps, COCO's targets, gradient noise [gradientNoise]. */
    @JvmStatic
    @JvmOverloads
    fun budget(maxSteps: Long, gradientNoise: Double = 0.0): Budget =
        Budget(maxSteps = maxSteps, targets = COCO, gradientNoise = gradientNoise)

    /**
     * Checks that [budget] aims at COCO's targets, which the suite report's tables and ECDFs are built on.
     *
     * @throws LabException naming the targets found
     */
    @JvmStatic
    fun check(budget: Budget): Budget {
        if (budget.targets != COCO) {
            throw LabException("a suite study uses COCO's 51 targets 10^(2 - k/5), k = 0..50; this budget has " +
                "${budget.targets.size} targets from ${budget.targets.first()} to ${budget.targets.last()}")
        }
        return budget
    }
}
