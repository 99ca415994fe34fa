package dev.fluxion.lab

/**
 * The one exception type of the lab: bad study specs, unreadable or unwritable stores and report folders. Its
 * message names the input and what would have been accepted; the CLI prints it on one line and exits with 2.
 */
class LabException(message: String, cause: Throwable? = null) : RuntimeException(message, cause)
