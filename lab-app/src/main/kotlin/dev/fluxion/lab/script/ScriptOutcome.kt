package dev.fluxion.lab.script

/** How a Kotlin experiment script ended: it ran, it did not compile, or it threw. */
sealed interface ScriptOutcome {
    /** The script's warnings, one line each, `FILE:LINE:COLUMN: warning: message`. */
    val warnings: List<String>

    /** The script ran to its end. */
    data class Completed(override val warnings: List<String>) : ScriptOutcome

    /** The compiler rejected the script: one line per error, `FILE:LINE:COLUMN: message`. */
    data class CompileErrors(val errors: List<String>, override val warnings: List<String>) : ScriptOutcome

    /**
     * The script threw: [line] names the script, the script's line nearest the throw (when known) and the
     * cause, as in `study.lab.kts:12: IllegalStateException: no such landscape`.
     */
    data class Threw(val line: String, val cause: Throwable, override val warnings: List<String>) : ScriptOutcome
}
