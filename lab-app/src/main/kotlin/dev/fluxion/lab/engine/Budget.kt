package dev.fluxion.lab.engine

import dev.fluxion.lab.LabException

/**
 * What a run may spend and when it counts as done.
 *
 * @property maxSteps the most optimizer steps
 * @property maxEvaluations the most evaluations, under the cost model of [dev.fluxion.optimizers.Evaluations.cost]:
 *   each value and each value with its gradient counts 1, each Hessian (or metric) n; a step with a line search uses
 *   several, and a run stops before the step that would start at or past the budget
 * @property targets the value gaps f - f* a run aims at, coarsest first; the run ends at the finest
 * @property stallGradient a step counts as still when ||grad f|| is at most this ...
 * @property stallStep ... and the step length is at most this times (1 + ||x||_inf)
 * @property stallPatience the number of consecutive still steps after which a run is stalled
 * @property divergenceBound |f| above this counts as divergence (as does any NaN or infinity)
 * @property gradientNoise the standard deviation of Gaussian noise added to every gradient component (0: exact
 *   gradients), drawn from the run's own seeded generator
 * @property fixedLength whether every run takes all [maxSteps] steps (a fixed-length run): reaching the finest target
 *   and stalling then end no run (the targets' first steps are still recorded); a divergence and [maxEvaluations] do
 *
 * A budget is [java.io.Serializable], every field as it is (the doubles by their bits), so that a cluster's executors
 * get the very budget of the driver's runs (module `lab-spark`), whatever fields it gains: give it a serializable
 * list of [targets] (any list of the standard library, not a view such as `subList`).
 */
data class Budget @JvmOverloads constructor(
    val maxSteps: Long = 2000,
    val maxEvaluations: Long = Long.MAX_VALUE,
    val targets: List<Double> = DEFAULT_TARGETS,
    val stallGradient: Double = 1e-10,
    val stallStep: Double = 1e-14,
    val stallPatience: Int = 10,
    val divergenceBound: Double = 1e100,
    val gradientNoise: Double = 0.0,
    val fixedLength: Boolean = false,
) : java.io.Serializable {
    init {
        if (maxSteps < 1) throw LabException("steps = $maxSteps must be at least 1")
        if (maxEvaluations < 1) throw LabException("evaluations = $maxEvaluations must be at least 1")
        if (targets.isEmpty() || targets.any { !(it > 0) } || targets.zipWithNext().any { (a, b) -> b >= a }) {
            throw LabException("targets must be positive and decreasing, got $targets")
        }
        if (!(gradientNoise >= 0) || gradientNoise.isInfinite()) {
            throw LabException("gradient noise = $gradientNoise must be finite and >= 0")
        }
    }

    /**
     * The text of [identity], made once: every run's key hashes it ([RunSpec.key]), and a study of a million runs
     * makes a million specs of one budget, where writing its doubles out each time cost as much as a short run.
     */
    private val identityText: String = "steps=$maxSteps evals=$maxEvaluations targets=$targets stall=$stallGradient/" +
        "$stallStep/$stallPatience bound=$divergenceBound noise=$gradientNoise" + (if (fixedLength) " fixed-length" else "")

    /** The text that identifies this budget in a run's key. */
    fun identity(): String = identityText

    companion object {
        private const val serialVersionUID = 1L

        /** f - f* <= 1e-1, 1e-2, ..., 1e-8. */
        @JvmField
        val DEFAULT_TARGETS: List<Double> = (1..8).map { Math.pow(10.0, -it.toDouble()) }
    }
}
