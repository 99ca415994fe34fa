package dev.fluxion.lab.cli

import dev.fluxion.lab.engine.Extensions
import dev.fluxion.lab.engine.Registries
import dev.fluxion.lab.engine.StoredOptimizer
import dev.fluxion.lab.store.LandscapeRecord
import dev.fluxion.lab.store.ResultStore

/**
 * What [store] recorded of the optimizers and landscapes that [registries] cannot make, as extensions: the optimizers
 * of its runs (a plugin's without `--plugins`, one defined in a script) as [StoredOptimizer]s of the specs the runs
 * recorded, and its landscapes given by code (`NAME(...)#HASH`) or by a plugin not loaded as the stand-ins of their
 * [LandscapeRecord]s. So a
 * stored study's plan, and so its report, are rebuilt from the store alone. Optimizers the registries make are
 * theirs, as before.
 */
internal fun recordedExtensions(store: ResultStore, registries: Registries): Extensions {
    val optimizers = store.optimizerSpecs().entries.fold(Extensions.NONE) { extensions, (label, spec) ->
        if (!Extensions.isHashed(label) && made { registries.optimizers.parse(label) }) extensions
        else extensions.withStored(label, spec)
    }
    return store.landscapeRecords().entries.fold(optimizers) { extensions, (label, record) ->
        when {
            Extensions.isHashed(label) -> extensions.with(record.landscape())
            made { registries.landscapes.create(label) } -> extensions
            else -> extensions.withRecorded(label, record.landscape())
        }
    }
}

/** Whether [make] makes its optimizer or landscape, rather than failing (an unknown name: a plugin's not loaded). */
private fun made(make: () -> Any): Boolean = try {
    make()
    true
} catch (e: RuntimeException) {
    false
}
