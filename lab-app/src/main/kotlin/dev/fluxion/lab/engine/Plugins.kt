package dev.fluxion.lab.engine

import dev.fluxion.lab.LabException
import java.io.IOException
import java.net.URLClassLoader
import java.nio.file.Files
import java.nio.file.Path
import java.util.ServiceConfigurationError
import java.util.jar.JarFile
import kotlin.io.path.extension
import kotlin.io.path.isDirectory
import kotlin.io.path.isRegularFile
import kotlin.io.path.name

/**
 * Plugins from jar files: optimizers and landscapes that a jar's `META-INF/services` lists join the [registries]
 * after the built-ins, which keep their names. Each jar gets its own class loader whose parent is the lab's, so
 * a plugin sees Fluxion and its own classes (a plugin needing other libraries shades them in).
 *
 * A jar that cannot load (not a jar, a corrupt zip), a provider that cannot (its class is missing, its
 * constructor throws) and a name that is taken each become one line of [problems] naming the jar and the
 * cause, such as `plugin broken.jar: not a jar file (zip END header not found)`; everything else still loads.
 * A jar with a class that calls `System.exit` (or `Runtime.exit` or `halt`) is not loaded at all ([ExitCalls]):
 * it could end the lab with its runs in flight.
 *
 * @property registries the built-in registries joined by the plugins
 * @property jars the jars that added something, in load order
 * @property problems one line per jar or provider that could not load
 */
class Plugins private constructor(val registries: Registries, val jars: List<PluginJar>, val problems: List<String>) {

    companion object {
        /** The folder the `fluxion` command reads plugins from when no `--plugins` is given: `~/.fluxion/plugins`. */
        @JvmStatic
        fun defaultFolder(): Path = Path.of(System.getProperty("user.home"), ".fluxion", "plugins")

        /** No plugins: the built-in registries alone. */
        @JvmStatic
        fun none() = Plugins(Registries.builtIn(), emptyList(), emptyList())

        /**
         * Loads every jar of [sources], each a folder (its `*.jar` files, in name order) or a jar file, on top of
         * [base].
         *
         * @throws LabException if a source is neither a folder nor a file
         */
        @JvmStatic
        @JvmOverloads
        fun load(sources: List<Path>, base: Registries = Registries.builtIn()): Plugins {
            var registries = base
            val jars = mutableListOf<PluginJar>()
            val problems = mutableListOf<String>()
            for (jar in sources.flatMap(::jarsOf)) {
                val said = problems.size
                val problem = { cause: String -> problems += "plugin ${jar.name}: $cause" }
                val unreadable = unreadable(jar)
                if (unreadable != null) {
                    problem(unreadable)
                    continue
                }
                val exits = try {
                    ExitCalls.of(jar)
                } catch (e: IOException) {
                    problem("cannot read its classes (${e.message ?: e.javaClass.simpleName})")
                    continue
                }
                if (exits.isNotEmpty()) {
                    problem("not loaded: ${exits.first()}${if (exits.size > 1) " (and ${exits.size - 1} more classes)" else ""}, " +
                        "which would end the lab's process; a plugin reports a problem by throwing")
                    continue
                }
                val loader = URLClassLoader(arrayOf(jar.toUri().toURL()), Plugins::class.java.classLoader)
                val before = registries
                registries = Registries(
                    before.optimizers.withPlugins(loader) { problem(cause("optimizer", it)) },
                    before.landscapes.withPlugins(loader) { problem(cause("landscape", it)) },
                )
                val added = PluginJar(jar, registries.optimizers.names() - before.optimizers.names().toSet(),
                    registries.landscapes.names() - before.landscapes.names().toSet())
                when {
                    added.optimizers.isNotEmpty() || added.landscapes.isNotEmpty() -> jars += added
                    problems.size == said -> problem("no optimizer or landscape provider is listed in its META-INF/services")
                }
            }
            return Plugins(registries, jars, problems)
        }

        private fun jarsOf(source: Path): List<Path> = when {
            source.isDirectory() -> Files.list(source).use { files ->
                files.filter { it.extension.equals("jar", ignoreCase = true) && it.isRegularFile() }.sorted().toList()
            }
            source.isRegularFile() -> listOf(source)
            else -> throw LabException("--plugins $source: no such folder or jar file")
        }

        /** Why a file is not a readable jar, or null if it is one. */
        private fun unreadable(jar: Path): String? = try {
            JarFile(jar.toFile()).use { null }
        } catch (e: IOException) {
            "not a jar file (${e.message ?: e.javaClass.simpleName})"
        } catch (e: SecurityException) {
            "its signature does not verify (${e.message})"
        }

        /**
         * One line out of a [ServiceConfigurationError]: ServiceLoader's message without the interface's name
         * (`dev.fluxion.optimizers.OptimizerProvider: Provider x.Y not found` becomes
         * `optimizer provider x.Y not found`), followed by the root cause a provider threw.
         */
        private fun cause(kind: String, error: ServiceConfigurationError): String {
            val message = (error.message ?: "").replace(Regex("^[\\w.$]+Provider: (Provider )?"), "$kind provider ")
            val root = generateSequence(error.cause) { it.cause }.lastOrNull()
            val thrown = root?.let { it.javaClass.simpleName + (it.message?.let { m -> ": $m" } ?: "") }
            val line = if (thrown == null || message.contains(thrown)) message else "$message ($thrown)"
            return line.lineSequence().joinToString(" ") { it.trim() }
        }
    }
}

/**
 * A plugin jar that loaded, with the names it added.
 *
 * @property file the jar
 * @property optimizers the optimizer names it added, sorted
 * @property landscapes the landscape names it added, sorted
 */
data class PluginJar(val file: Path, val optimizers: List<String>, val landscapes: List<String>)
