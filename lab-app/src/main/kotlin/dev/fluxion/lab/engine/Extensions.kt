package dev.fluxion.lab.engine

import dev.fluxion.landscapes.Landscape
import dev.fluxion.optimizers.Optimizer

/**
 * What one [Engine] knows besides its [Registries]: the optimizers defined in code (in a script or a test), each by
 * its spec `NAME#HASH` ([HashedOptimizer]), families of them, one per learning rate ([HashedFamily]), the landscapes
 * given by code ([Landscape.of]), each by its spec `NAME(...)#HASH`, families of them, one per condition number
 * ([HashedLandscapeFamily]), and the optimizers and landscapes a report knows only by what its store recorded
 * ([StoredOptimizer], [dev.fluxion.lab.store.LandscapeRecord]). Immutable: [with] gives a new value.
 */
class Extensions private constructor(
    private val optimizers: Map<String, Optimizer>,
    private val families: List<HashedFamily> = emptyList(),
    private val landscapes: Map<String, Landscape> = emptyMap(),
    private val landscapeFamilies: List<HashedLandscapeFamily> = emptyList(),
) {

    /** The optimizer whose spec (or stored label) is [spec], one of [with]'s or of a family's, or null. */
    fun optimizer(spec: String): Optimizer? =
        optimizers[spec] ?: families.firstNotNullOfOrNull { it.optimizer(spec) }

    /** Every optimizer defined in code, by spec. */
    fun optimizers(): Collection<HashedOptimizer> = optimizers.values.filterIsInstance<HashedOptimizer>().distinct()

    /** The landscape given by code whose spec is [spec] (one of [with]'s, or of a family's), or null. */
    fun landscape(spec: String): Landscape? =
        landscapes[spec] ?: landscapeFamilies.firstNotNullOfOrNull { it.landscape(spec) }

    /**
     * These extensions and [optimizer]. One spec is one name and one code, so an optimizer whose spec is held
     * already is that one.
     */
    fun with(optimizer: HashedOptimizer): Extensions =
        if (optimizer.spec() in optimizers) this else copy(optimizers = optimizers + (optimizer.spec() to optimizer))

    /** These extensions and a [family] of optimizers, one per learning rate. */
    fun with(family: HashedFamily): Extensions =
        if (families.any { it.template == family.template }) this else copy(families = families + family)

    /**
     * These extensions and a [landscape] given by code, whose spec carries the hash of its code (`NAME(...)#HASH`,
     * see [dev.fluxion.lab.api.landscape]); a spec held already is that landscape.
     */
    fun with(landscape: Landscape): Extensions {
        require(isHashed(landscape.spec())) { "landscape '${landscape.spec()}' carries no hash of its code" }
        return if (landscape.spec() in landscapes) this else copy(landscapes = landscapes + (landscape.spec() to landscape))
    }

    /**
     * These extensions and the stand-in [landscape] of one a store recorded under [label] (a plugin's, read without
     * its jar: see [dev.fluxion.lab.store.LandscapeRecord]), found by its label or its spec; one held already under
     * either stays.
     */
    fun withRecorded(label: String, landscape: Landscape): Extensions {
        val added = listOf(label, landscape.spec()).filter { it !in landscapes }
        return if (added.isEmpty()) this else copy(landscapes = landscapes + added.associateWith { landscape })
    }

    /** These extensions and a [family] of landscapes given by code, one per condition number and dimension. */
    fun with(family: HashedLandscapeFamily): Extensions =
        if (landscapeFamilies.any { it.template == family.template }) this else copy(landscapeFamilies = landscapeFamilies + family)

    /**
     * These extensions and the stand-in of an optimizer that a store recorded under [label] with the canonical
     * [spec] ([StoredOptimizer]), found by either; an optimizer held already under either stays.
     */
    fun withStored(label: String, spec: String): Extensions {
        val stored = StoredOptimizer(spec)
        val added = listOf(label, spec).filter { it !in optimizers && families.none { f -> f.optimizer(it) != null } }
        return if (added.isEmpty()) this else copy(optimizers = optimizers + added.associateWith { stored })
    }

    private fun copy(optimizers: Map<String, Optimizer> = this.optimizers, families: List<HashedFamily> = this.families,
                     landscapes: Map<String, Landscape> = this.landscapes,
                     landscapeFamilies: List<HashedLandscapeFamily> = this.landscapeFamilies) =
        Extensions(optimizers, families, landscapes, landscapeFamilies)

    companion object {
        /** No extensions: an engine reads specs with its registries alone. */
        @JvmField
        val NONE = Extensions(emptyMap())

        /** Whether [spec] names an optimizer or landscape defined in code (it carries a `#` and the hash of the code). */
        @JvmStatic
        fun isHashed(spec: String): Boolean = '#' in spec
    }
}
