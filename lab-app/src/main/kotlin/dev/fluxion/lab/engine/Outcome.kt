package dev.fluxion.lab.engine

import dev.fluxion.lab.LabException

/**
 * How a run ended. The set is closed, so a `when` over it is checked for completeness.
 */
sealed interface Outcome {
    /** The short name stored and printed: `reached`, `diverged`, `stalled`, `budget`, `failed`, `timeout`. */
    val kind: String

    /** The number of steps completed when the run ended. */
    val step: Long

    /** What ended the run, for the endings that have a cause (divergence, failure, time-out); null otherwise. */
    val cause: String? get() = null

    /** f - f* reached the finest target after [step] steps, having used [evaluations] evaluations (a Hessian counted
     *  as n). */
    data class ReachedTarget(override val step: Long, val evaluations: Long) : Outcome {
        override val kind get() = "reached"
    }

    /** The run blew up at [step]: a NaN or infinity appeared, or f left the divergence bound; [cause] says where. */
    data class Diverged(override val step: Long, override val cause: String) : Outcome {
        override val kind get() = "diverged"
    }

    /** The run stopped moving at [step] (step length and gradient norm under the stall thresholds) off target. */
    data class Stalled(override val step: Long) : Outcome {
        override val kind get() = "stalled"
    }

    /** The budget of steps or evaluations ran out at [step] before the finest target. */
    data class OutOfBudget(override val step: Long) : Outcome {
        override val kind get() = "budget"
    }

    /**
     * The optimizer or the landscape threw at [step] (a plugin's bug, say): the run is recorded with [cause] (the
     * exception and where it was thrown) and the study goes on with its other runs.
     */
    data class Failed(override val step: Long, override val cause: String) : Outcome {
        override val kind get() = "failed"
    }

    /**
     * The run passed its wall-clock limit during step [step] (at least that many steps were completed; a step that
     * never returned is one), as [cause] says.
     */
    data class TimedOut(override val step: Long, override val cause: String) : Outcome {
        override val kind get() = "timeout"
    }

    companion object {
        /** Rebuilds an outcome from its stored columns. */
        @JvmStatic
        fun of(kind: String, step: Long, evaluations: Long, cause: String?): Outcome = when (kind) {
            "reached" -> ReachedTarget(step, evaluations)
            "diverged" -> Diverged(step, cause ?: "")
            "stalled" -> Stalled(step)
            "budget" -> OutOfBudget(step)
            "failed" -> Failed(step, cause ?: "")
            "timeout" -> TimedOut(step, cause ?: "")
            else -> throw LabException("unknown outcome '$kind'; known: reached, diverged, stalled, budget, failed, timeout")
        }
    }
}
