package dev.fluxion.lab.engine

import dev.fluxion.lab.LabException
import java.util.ServiceConfigurationError
import java.util.ServiceLoader

/**
 * Makes a [RunBackend] of one name; listed in `META-INF/services/dev.fluxion.lab.engine.RunBackendProvider` of the jar that
 * brings it (as `lab-spark` does for `spark`).
 */
interface RunBackendProvider {
    /** The name `--engine` selects this backend by, such as `spark`. */
    fun name(): String

    /**
     * Opens a backend with [settings] (such as `master` = `spark://host:7077`; a missing setting takes the backend's
     * default).
     *
     * @throws LabException when a setting is malformed or the cluster cannot be reached
     */
    fun open(settings: Map<String, String>): RunBackend

    companion object {
        /** The name of the engine's own threads: no backend. */
        const val COROUTINES = "coroutines"

        /**
         * Opens the backend named [name] with [settings], looking providers up on the lab's class path.
         *
         * @throws LabException when no provider of that name is on the class path, naming the ones that are
         */
        @JvmStatic
        fun open(name: String, settings: Map<String, String>): RunBackend {
            val providers = try {
                ServiceLoader.load(RunBackendProvider::class.java, RunBackendProvider::class.java.classLoader).toList()
            } catch (e: ServiceConfigurationError) {
                throw LabException("engine '$name' could not be loaded: ${e.message?.lineSequence()?.first()}")
            }
            val provider = providers.firstOrNull { it.name() == name } ?: throw LabException("engine '$name' is not " +
                "on the class path (known here: ${(listOf(COROUTINES) + providers.map { it.name() }).joinToString(", ")}); " +
                "the fluxion command adds lab-spark's jars for --engine spark")
            return provider.open(settings)
        }
    }
}
