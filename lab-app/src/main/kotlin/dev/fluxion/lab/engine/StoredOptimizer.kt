package dev.fluxion.lab.engine

import dev.fluxion.lab.LabException
import dev.fluxion.optimizers.Optimizer
import dev.fluxion.optimizers.TransformState

/**
 * An optimizer known only by the canonical [spec] a store recorded for it (a plugin's, without its jar; one defined
 * in a script, without the script): enough to rebuild a stored study's plan and report it (`fluxion report`), whose
 * runs are all read from the store. Running it is an error naming what to give instead.
 */
class StoredOptimizer(private val spec: String) : Optimizer {
    /** @throws LabException always: only the optimizer's spec is known here, not its code */
    override fun init(dimension: Int): TransformState = throw LabException("optimizer '$spec' is known here only by " +
        "the spec its store recorded, not by its code: run the study with its plugins (--plugins) or from its script")

    /** The canonical spec the store recorded. */
    override fun spec(): String = spec

    override fun toString(): String = spec

    override fun equals(other: Any?): Boolean = other is StoredOptimizer && other.spec == spec

    override fun hashCode(): Int = spec.hashCode()
}
