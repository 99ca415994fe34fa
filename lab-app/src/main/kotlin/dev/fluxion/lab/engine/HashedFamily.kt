package dev.fluxion.lab.engine

import dev.fluxion.lab.LabException
import dev.fluxion.lab.study.ScanStudy
import dev.fluxion.optimizers.Transform

/**
 * An optimizer defined in code for every learning rate, as a step-size scan needs it: [make] gives the optimizer
 * of a learning rate, and the spec `NAME(lr=X)#HASH` names the one of rate X ([HashedOptimizer]), [codeHash] being
 * a hash of [make]'s code. [template] is the spec with `{lr}` that a [ScanStudy] fills in.
 */
class HashedFamily(val name: String, val codeHash: String, val make: (Double) -> Transform) {
    init {
        if (!name.matches(Regex("[A-Za-z_][A-Za-z0-9_]*"))) {
            throw LabException("an optimizer family defined in code needs a name of letters, digits and '_', got '$name'")
        }
    }

    /** `NAME(lr={lr})#HASH`. */
    val template: String get() = "$name(lr={lr})#$codeHash"

    /** The optimizer [spec] names if it is `NAME(lr=X)#HASH` of this family, else null. */
    fun optimizer(spec: String): HashedOptimizer? {
        val prefix = "$name(lr="
        val suffix = ")#$codeHash"
        if (!spec.startsWith(prefix) || !spec.endsWith(suffix)) return null
        val rate = spec.substring(prefix.length, spec.length - suffix.length).toDoubleOrNull() ?: return null
        return HashedOptimizer(spec.substringBeforeLast('#'), codeHash, make(rate))
    }
}
