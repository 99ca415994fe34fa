package dev.fluxion.lab.cli

import dev.fluxion.lab.engine.Extensions
import dev.fluxion.lab.engine.Registries
import dev.fluxion.lab.engine.StoredOptimizer
import dev.fluxion.lab.store.ResultStore

/**
 * The optimizers of [store]'s runs that [registries] cannot make (a plugin's without `--plugins`, one defined in a
 * script), as [StoredOptimizer]s of the specs the runs recorded: so a stored study's plan, and so its report, are
 * rebuilt from the store alone. Optimizers the registries make are theirs, as before.
 */
internal fun recordedOptimizers(store: ResultStore, registries: Registries): Extensions =
    store.optimizerSpecs().entries.fold(Extensions.NONE) { extensions, (label, spec) ->
        val made = !Extensions.isHashed(label) && try {
            registries.optimizers.parse(label)
            true
        } catch (e: RuntimeException) {
            false
        }
        if (made) extensions else extensions.withStored(label, spec)
    }
