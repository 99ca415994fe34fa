package dev.fluxion.lab.cli

import dev.fluxion.landscapes.LandscapeException
import dev.fluxion.optimizers.OptimizerException

/**
 * The hint an unknown optimizer or landscape name gets on the command line: the registries' message lists the
 * known names, and a name that is none of them is often a plugin's whose jar was not given, so the line goes on
 * to say how to give it, as in `unknown optimizer 'lion' at column 1; known optimizers: adabelief, ...; a
 * plugin's? give its jar: fluxion --plugins DIR report ...`.
 */
internal object UnknownNameHint {
    private val UNKNOWN = Regex("unknown (optimizer|landscape) '")

    /** [line] with the hint when [cause] (or a cause of it) is the registries' error for an unknown name. */
    fun added(line: String, cause: Throwable, command: String?): String {
        val unknown = generateSequence(cause) { it.cause }.any {
            (it is OptimizerException || it is LandscapeException) && UNKNOWN.containsMatchIn(it.message ?: "")
        }
        return if (!unknown) line else "$line; a plugin's? give its jar: fluxion --plugins DIR ${command ?: "COMMAND"} ..."
    }
}
