package dev.fluxion.lab.store

import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.Progress
import dev.fluxion.lab.engine.RunBackend
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.study.Study
import dev.fluxion.lab.study.recordLandscapes
import java.nio.file.Files
import java.nio.file.Path
import java.util.ServiceConfigurationError
import java.util.ServiceLoader

/**
 * A study's results in a folder of another format than the SQLite store, such as `lab-spark`'s Parquet dataset (one
 * row per run, written by the cluster's executors): it computes a study into such a folder on a [RunBackend] and
 * copies one back into a store, which the report and the export then read as they read any store. Formats are
 * found through [ServiceLoader] ([of], [forFolder]), so the lab does not depend on any of them.
 *
 * Beside its runs a dataset keeps what a report needs of its study's optimizers and landscapes whose code a reader may
 * lack (a plugin's, one defined in a script), in a store of the study that holds no runs ([record]), so a dataset is
 * reported without the plugins or the script, as a store is.
 */
interface ResultDataset {
    /** The format's name, as `--out-format` selects it: `parquet`. */
    fun name(): String

    /** Whether [folder] is a dataset of this format (it records a study). */
    fun holds(folder: Path): Boolean

    /**
     * Computes into [folder] the runs of [study] that it lacks, on [engine]'s backend, and records the study there,
     * with what a report needs of its optimizers and landscapes ([record]);
     * [progress] sees one [Progress.Planned] and then [Progress.Finished] events as the cluster's tasks finish (each
     * with the last run of its task). With [replace] the folder's runs are deleted first; without, a folder of
     * another study is refused. Interrupting the calling thread stops the computation; the runs written before stay.
     *
     * @throws LabException when the engine has no backend of this format, the study is not one it can write, or the
     *   folder holds another study
     */
    fun compute(study: Study, folder: Path, engine: Engine, replace: Boolean, progress: (Progress) -> Unit)

    /**
     * Copies dataset [folder]'s study, its records of optimizers and landscapes ([record]) and its runs into the empty
     * [store], each run once, rebuilt with the engine that [engine] makes of [store] once it holds the study and the
     * records (the caller's registries, and what the records know of the optimizers and landscapes whose code is not
     * loaded): the results as they were computed, bit for bit.
     *
     * @throws LabException when the folder is damaged or holds runs its study does not plan
     */
    fun copyInto(folder: Path, store: ResultStore, engine: (ResultStore) -> Engine)

    companion object {
        /**
         * Records in [records], a store of [study] that holds none of its runs, kept in a dataset's folder, what a
         * report needs of the study's optimizers and landscapes, as a store of the study records them beside its runs:
         * [optimizers], each optimizer label of the study's runs with its canonical spec ([ResultStore.optimizerSpecs]),
         * and the landscapes given by code or by a plugin ([ResultStore.landscapeRecords]), drawn from the dataset's
         * runs as [load] (with their traces) and [summaries] (without) read them. [copyInto] gives them to the store
         * it fills ([ResultStore.putRecordsOf]).
         */
        @JvmStatic
        fun record(study: Study, records: ResultStore, optimizers: Map<String, String>, engine: Engine,
                   load: (List<RunSpec>) -> List<RunResult>, summaries: (List<RunSpec>) -> List<RunResult>) {
            records.putOptimizerSpecs(optimizers)
            recordLandscapes(study, records, engine, load, summaries)
        }

        /**
         * The format named [name] (such as `parquet`) on the lab's class path.
         *
         * @throws LabException when none of that name is there, naming the ones that are
         */
        @JvmStatic
        fun of(name: String): ResultDataset = all().firstOrNull { it.name() == name } ?: throw LabException(
            "output format '$name' is not on the class path (known here: ${(listOf("sqlite") + all().map { it.name() }).joinToString(", ")}); " +
                "the fluxion command adds lab-spark's jars for --engine spark")

        /**
         * The format of the dataset [folder], or null when [folder] is not a folder (a store, then).
         *
         * @throws LabException when [folder] is a folder that no format on the class path holds
         */
        @JvmStatic
        fun forFolder(folder: Path): ResultDataset? {
            if (!Files.isDirectory(folder)) return null
            return all().firstOrNull { it.holds(folder) } ?: throw LabException("$folder is a folder, not a study's " +
                ".sqlite file" + if (all().isEmpty()) "; a Parquet dataset (--out-format parquet) is read with lab-spark's " +
                "jars, which the fluxion command adds for a dataset's folder" else " nor a dataset that records a study")
        }

        private fun all(): List<ResultDataset> = try {
            ServiceLoader.load(ResultDataset::class.java, ResultDataset::class.java.classLoader).toList()
        } catch (e: ServiceConfigurationError) {
            throw LabException("the output formats could not be loaded: ${e.message?.lineSequence()?.first()}")
        }
    }
}
