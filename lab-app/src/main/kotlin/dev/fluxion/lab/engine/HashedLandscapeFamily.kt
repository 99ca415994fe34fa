package dev.fluxion.lab.engine

import dev.fluxion.lab.LabException
import dev.fluxion.landscapes.Landscape

/**
 * Landscapes given by code for every condition number and dimension, as a rates study needs them: [make] gives the
 * landscape of (kappa, dimension), and the spec `NAME(dim=D, kappa=K)#HASH` names it, [codeHash] being a hash of
 * [make]'s code ([dev.fluxion.lab.api.CodeHash]). [template] is the spec with `{dim}` and `{kappa}` that a
 * [dev.fluxion.lab.study.RatesStudy] fills in.
 */
class HashedLandscapeFamily(val name: String, val codeHash: String, private val make: (spec: String, kappa: Double, dimension: Int) -> Landscape) {
    init {
        if (!name.matches(Regex("[A-Za-z_][A-Za-z0-9_]*"))) {
            throw LabException("a landscape family given by code needs a name of letters, digits and '_', got '$name'")
        }
        if (!codeHash.matches(Regex("[0-9a-f]{8,64}"))) throw LabException("code hash '$codeHash' is not 8 to 64 hex digits")
    }

    /** `NAME(dim={dim}, kappa={kappa})#HASH`. */
    val template: String get() = "$name(dim={dim}, kappa={kappa})#$codeHash"

    /** The landscape [spec] names if it is `NAME(dim=D, kappa=K)#HASH` of this family, else null. */
    fun landscape(spec: String): Landscape? {
        val match = Regex(Regex.escape("$name(dim=") + "(\\d+), kappa=([^)]+)" + Regex.escape(")#$codeHash")).matchEntire(spec)
            ?: return null
        val dimension = match.groupValues[1].toIntOrNull() ?: return null
        val kappa = match.groupValues[2].toDoubleOrNull() ?: return null
        val landscape = make(spec, kappa, dimension)
        if (landscape.spec() != spec) throw LabException("landscape family $name made '${landscape.spec()}' for '$spec'")
        return landscape
    }
}
