package dev.fluxion.lab.engine

import dev.fluxion.lab.LabException
import java.time.Duration

/**
 * A wall-clock limit on each run (`--run-timeout`): a run still going when it has passed ends as
 * [Outcome.TimedOut] and the study goes on. [NONE] sets no limit. A limit makes results depend on the machine's
 * speed, so a study with one is reproducible only for the runs that finish within it.
 *
 * @property limit the longest a run may take
 */
data class RunTimeout(val limit: Duration?) {
    init {
        if (limit != null && (limit.isNegative || limit.isZero)) {
            throw LabException("run timeout = ${limit.toMillis() / 1000.0} s must be positive")
        }
    }

    /** The [System.nanoTime] at which a run starting now times out; [Long.MAX_VALUE] for no limit. */
    fun deadlineFromNow(): Long = if (limit == null) Long.MAX_VALUE else System.nanoTime() + limit.toNanos()

    /** Why a run timed out, on one line. */
    fun describe(): String = "the run took longer than its limit of ${seconds()} s (--run-timeout)"

    /** The limit in seconds, as written (`30`, `0.5`). */
    fun seconds(): String = if (limit == null) "no" else
        java.math.BigDecimal.valueOf(limit.toNanos(), 9).stripTrailingZeros().toPlainString()

    companion object {
        /** No limit. */
        @JvmField
        val NONE = RunTimeout(null)

        /**
         * A limit of [seconds] seconds (0 for none).
         *
         * @throws LabException when [seconds] is negative, NaN or infinite
         */
        @JvmStatic
        fun ofSeconds(seconds: Double): RunTimeout {
            if (!seconds.isFinite() || seconds < 0 || seconds > 1e9) {
                throw LabException("--run-timeout $seconds: give seconds, from 0 (no limit) up to 1e9")
            }
            return if (seconds == 0.0) NONE else RunTimeout(Duration.ofNanos(Math.round(seconds * 1e9)))
        }
    }
}
