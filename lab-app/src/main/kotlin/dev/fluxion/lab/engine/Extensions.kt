package dev.fluxion.lab.engine

/**
 * The optimizers defined in code (in a script or a test) that one [Engine] knows besides its [Registries], each by
 * its spec `NAME#HASH` ([HashedOptimizer]), and families of them, one per learning rate ([HashedFamily]).
 * Immutable: [with] gives a new value.
 */
class Extensions private constructor(
    private val optimizers: Map<String, HashedOptimizer>,
    private val families: List<HashedFamily> = emptyList(),
) {

    /** The optimizer whose spec is [spec] (one of [with]'s, or of a family's), or null. */
    fun optimizer(spec: String): HashedOptimizer? =
        optimizers[spec] ?: families.firstNotNullOfOrNull { it.optimizer(spec) }

    /** Every optimizer, by spec. */
    fun optimizers(): Collection<HashedOptimizer> = optimizers.values

    /**
     * These extensions and [optimizer]. One spec is one name and one code, so an optimizer whose spec is held
     * already is that one.
     */
    fun with(optimizer: HashedOptimizer): Extensions =
        if (optimizer.spec() in optimizers) this else Extensions(optimizers + (optimizer.spec() to optimizer), families)

    /** These extensions and a [family] of optimizers, one per learning rate. */
    fun with(family: HashedFamily): Extensions =
        if (families.any { it.template == family.template }) this else Extensions(optimizers, families + family)

    companion object {
        /** No extensions: an engine reads specs with its registries alone. */
        @JvmField
        val NONE = Extensions(emptyMap())

        /** Whether [spec] names an optimizer defined in code (it carries a `#` and the hash of the code). */
        @JvmStatic
        fun isHashed(spec: String): Boolean = '#' in spec
    }
}
