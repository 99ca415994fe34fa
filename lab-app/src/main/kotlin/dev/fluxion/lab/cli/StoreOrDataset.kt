package dev.fluxion.lab.cli

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.store.ResultDataset
import dev.fluxion.lab.store.ResultStore
import java.nio.file.Files
import java.nio.file.Path
import java.util.Comparator

/**
 * Reads [path] with [read]: a study's `.sqlite` store as it is (read only), or a dataset's folder (a Parquet dataset
 * of `--out-format parquet`: [ResultDataset]) copied first into a temporary store, deleted afterwards, so that
 * `fluxion report` and `fluxion export` read either alike and give the same table, page and CSV. [engine] makes, of
 * the temporary store once it holds the dataset's study and records, the engine that rebuilds the dataset's runs (see
 * [ResultDataset.copyInto]).
 */
internal fun <T> readStoreOrDataset(path: Path, engine: (ResultStore) -> Engine, read: (ResultStore) -> T): T {
    val format = ResultDataset.forFolder(path) ?: return ResultStore.openReadOnly(path).use(read)
    val folder = Files.createTempDirectory("fluxion-dataset-")
    try {
        val copy = folder.resolve("${path.fileName}.sqlite")
        ResultStore.open(copy).use { format.copyInto(path, it, engine) }
        return ResultStore.openReadOnly(copy).use(read)
    } finally {
        Files.walk(folder).use { files -> files.sorted(Comparator.reverseOrder()).forEach { Files.deleteIfExists(it) } }
    }
}
