package dev.fluxion.lab.engine

import dev.fluxion.lab.LabException

/**
 * Which steps of a run its [Trace] keeps, for a whole study: the summaries (outcome, final value and point, the steps
 * and evaluations to each target) are kept whatever the policy, so tables, ECDFs and profiles never need traces;
 * plots of trajectories and loss curves do. The store's cost per run is mostly its trace.
 * - [LOG] (`log`, the default): every step up to 100, then log-spaced (each kept step at least 1.02 times the one
 *   before): about 100 + 116 ln(steps / 100) points;
 * - [Every] (`every:N`): the start and every N-th step;
 * - [NONE] (`none`): no trace.
 *
 * The run's last point is kept by every policy but `none`.
 */
sealed interface TracePolicy {
    /** The policy as `fluxion compare --traces` takes it, and as a study stores it. */
    val text: String

    /** The kept step after [k] (steps come in order from 0). */
    fun next(k: Long): Long

    /** Keeps nothing. */
    object None : TracePolicy {
        override val text get() = "none"
        override fun next(k: Long) = Long.MAX_VALUE
    }

    /** Every step up to [keepAll], then each kept step at least [ratio] times the previous one. */
    data class Log(val keepAll: Long = 100, val ratio: Double = 1.02) : TracePolicy {
        override val text get() = if (this == LOG) "log" else "log(keepAll=$keepAll, ratio=$ratio)"
        override fun next(k: Long): Long = if (k < keepAll) k + 1 else maxOf(k + 1, Math.ceil(k * ratio).toLong())
    }

    /** The start and every [interval]-th step. */
    data class Every(val interval: Long) : TracePolicy {
        init {
            if (interval < 1) throw LabException("traces every:$interval: the interval must be at least 1")
        }

        override val text get() = "every:$interval"
        override fun next(k: Long): Long = if (k > Long.MAX_VALUE - interval) Long.MAX_VALUE else (k / interval + 1) * interval
    }

    companion object {
        /** The default: every step up to 100, then log-spaced. */
        @JvmField
        val LOG: TracePolicy = Log()

        /** No traces. */
        @JvmField
        val NONE: TracePolicy = None

        /**
         * Reads `none`, `log` or `every:N` (N a whole number from 1 to 10^12).
         *
         * @throws LabException naming the text and the three forms
         */
        @JvmStatic
        fun parse(text: String): TracePolicy {
            val t = text.trim()
            return when {
                t == "none" -> NONE
                t == "log" -> LOG
                t.startsWith("every:") -> {
                    val n = t.removePrefix("every:").toLongOrNull()
                    if (n == null || n < 1 || n > 1_000_000_000_000L) {
                        throw LabException("traces '$text': the interval of every:N must be a whole number from 1 to 10^12")
                    }
                    Every(n)
                }
                else -> throw LabException("traces '$text' is not a trace policy: use none, log or every:N")
            }
        }
    }
}
