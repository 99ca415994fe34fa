package dev.fluxion.lab.engine

import dev.fluxion.lab.LabException
import dev.fluxion.optimizers.Optimizer
import dev.fluxion.optimizers.Transform
import dev.fluxion.optimizers.TransformState

/**
 * An optimizer the registries do not know (a class or a lambda written in a script or a test, over the
 * [Transform] contract), made known to one [Engine] through [Extensions] under the spec `NAME#HASH`: [name] is
 * what its own [Transform.spec] says, [codeHash] a hash of its code ([dev.fluxion.lab.api.CodeHash]). A run's
 * key is made from that spec, so changing the code gives new keys, and a resumed study recomputes exactly the
 * runs of the changed optimizer instead of mixing its old results with new ones.
 *
 * Its state is the wrapped optimizer's own; the spec cannot be parsed (`#` belongs to no spec), so such an
 * optimizer runs only through an engine that was given it.
 */
class HashedOptimizer(val name: String, val codeHash: String, val optimizer: Transform) : Optimizer {
    init {
        if (name.isBlank() || '#' in name || ';' in name) {
            throw LabException("an optimizer defined in code needs a name without '#' or ';', got '$name'")
        }
        if (!codeHash.matches(Regex("[0-9a-f]{8,64}"))) throw LabException("code hash '$codeHash' is not 8 to 64 hex digits")
    }

    private val chained: Optimizer = Optimizer.of(optimizer)

    override fun init(dimension: Int): TransformState = chained.init(dimension)

    /** `NAME#HASH`: the identity of this code in a study's store. */
    override fun spec(): String = "$name#$codeHash"

    override fun toString(): String = spec()
}
