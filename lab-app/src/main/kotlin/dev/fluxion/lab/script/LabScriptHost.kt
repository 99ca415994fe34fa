package dev.fluxion.lab.script

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.lab.engine.Registries
import dev.fluxion.landscapes.LandscapeRegistry
import dev.fluxion.optimizers.Optimizers
import java.io.File
import java.io.OutputStream
import java.io.PrintStream
import java.io.Writer
import java.lang.reflect.InvocationTargetException
import java.net.URLClassLoader
import java.nio.file.Path
import kotlin.script.experimental.annotations.KotlinScript
import kotlin.script.experimental.api.ResultValue
import kotlin.script.experimental.api.ResultWithDiagnostics
import kotlin.script.experimental.api.ScriptDiagnostic
import kotlin.script.experimental.api.constructorArgs
import kotlin.script.experimental.host.toScriptSource
import kotlin.script.experimental.jvm.baseClassLoader
import kotlin.script.experimental.jvm.jvm
import kotlin.script.experimental.jvm.updateClasspath
import kotlin.script.experimental.jvmhost.BasicJvmScriptingHost
import kotlin.script.experimental.jvmhost.createJvmCompilationConfigurationFromTemplate
import kotlin.script.experimental.jvmhost.createJvmEvaluationConfigurationFromTemplate

/**
 * Compiles and runs a [LabScript] in this JVM with Kotlin's scripting host: the embeddable compiler turns the
 * file into a class whose constructor is the script's body, and the host instantiates it.
 *
 * The compiler's class path is where the running lab's classes came from (the shaded `fluxion-lab.jar`, or the
 * modules' class folders and jars in a build), found through the code sources of one class of each part, plus
 * the [pluginJars]; so a script compiles against exactly what runs it. The plugins are on one class loader, the
 * script's, which is also its thread's context class loader while it runs: `Optimizers.parse("lion(...)")`,
 * `LandscapeRegistry.standard()`, the builders' default registries and the script's `registries` all see them.
 * The script's `System.out` and `System.err` go to [out] and [err] while it runs.
 */
class LabScriptHost(
    private val pluginJars: List<Path>,
    private val out: Writer,
    private val err: Writer,
) {
    /** Compiles and runs [file] with [arguments] as its `args`. */
    fun run(file: Path, arguments: List<String>): ScriptOutcome {
        val name = file.toString()
        val compilation = createJvmCompilationConfigurationFromTemplate<LabScript> {
            updateClasspath(classPath() + pluginJars.map { it.toFile() })
        }
        val loader = URLClassLoader(pluginJars.map { it.toUri().toURL() }.toTypedArray(),
            LabScript::class.java.classLoader)
        val result = loader.use {
            inContext(loader) {
                // one class loader holds the plugins for the whole script: `registries`, `Optimizers.parse`,
                // `LandscapeRegistry.standard()` and a plugin class the script names all make the same classes
                val evaluation = createJvmEvaluationConfigurationFromTemplate<LabScript> {
                    constructorArgs(arguments.toTypedArray(), Registries.builtIn())
                    jvm { baseClassLoader(loader) }
                }
                redirected { BasicJvmScriptingHost().eval(file.toFile().toScriptSource(), compilation, evaluation) }
            }
        }
        val warnings = result.reports.filter { it.severity == ScriptDiagnostic.Severity.WARNING && it.location != null }
            .map { line(name, it, "warning: ") }.distinct()
        return when (result) {
            is ResultWithDiagnostics.Failure -> ScriptOutcome.CompileErrors(
                result.reports.filter { it.severity >= ScriptDiagnostic.Severity.ERROR }.map { line(name, it, "") }.distinct(),
                warnings)
            is ResultWithDiagnostics.Success -> when (val value = result.value.returnValue) {
                is ResultValue.Error -> {
                    val cause = unwrapped(value.error)
                    ScriptOutcome.Threw(threwLine(file, cause), cause, warnings)
                }
                else -> ScriptOutcome.Completed(warnings)
            }
        }
    }

    /**
     * Runs [block] with [loader] as the thread's context class loader, which the registries of
     * [Registries.builtIn], `Optimizers.parse` and `LandscapeRegistry.standard()` join (so the script sees its
     * plugins wherever it asks, as a Java script with the jars on its class path does), and threads started meanwhile
     * inherit.
     */
    private fun <T> inContext(loader: ClassLoader, block: () -> T): T {
        val thread = Thread.currentThread()
        val before = thread.contextClassLoader
        thread.contextClassLoader = loader
        try {
            return block()
        } finally {
            thread.contextClassLoader = before
        }
    }

    /** Runs [block] with `System.out` and `System.err` writing to [out] and [err]. */
    private fun <T> redirected(block: () -> T): T {
        val systemOut = System.out
        val systemErr = System.err
        System.setOut(PrintStream(WriterStream(out), true, Charsets.UTF_8))
        System.setErr(PrintStream(WriterStream(err), true, Charsets.UTF_8))
        try {
            return block()
        } finally {
            System.out.flush()
            System.err.flush()
            System.setOut(systemOut)
            System.setErr(systemErr)
        }
    }

    /** Bytes to a writer, decoded as UTF-8; flushing flushes the writer. */
    private class WriterStream(private val writer: Writer) : OutputStream() {
        private val pending = java.io.ByteArrayOutputStream()
        override fun write(b: Int) = pending.write(b)
        override fun write(b: ByteArray, off: Int, len: Int) = pending.write(b, off, len)
        override fun flush() {
            writer.write(pending.toString(Charsets.UTF_8))
            pending.reset()
            writer.flush()
        }
    }

    companion object {
        /**
         * The packages every lab script imports: the dsl's, the optimizers' (with their Kotlin factories, so that
         * `adam(lr = 0.01)` and `cosine(init = 0.05, steps = 1500)` need no import), the landscapes', the lab's
         * (with its study builders, `compare { ... }`, and landscape factories, `beale()`),
         * [dev.fluxion.lab.report.Figures] with its [dev.fluxion.lab.report.Axis] and [dev.fluxion.lab.report.Series],
         * `kotlin.math`, and `Files`, `Path` and `Locale`.
         */
        val DEFAULT_IMPORTS = listOf(
            "dev.fluxion.dsl.*", "dev.fluxion.dsl.expr.*", "dev.fluxion.dsl.calculus.*", "dev.fluxion.dsl.number.*",
            "dev.fluxion.dsl.function.*", "dev.fluxion.dsl.tape.*",
            "dev.fluxion.optimizers.*", "dev.fluxion.optimizers.schedule.*", "dev.fluxion.optimizers.transform.*",
            "dev.fluxion.optimizers.named.*", "dev.fluxion.optimizers.kotlin.*",
            "dev.fluxion.landscapes.*", "dev.fluxion.landscapes.catalog.*",
            "dev.fluxion.lab.*", "dev.fluxion.lab.engine.*", "dev.fluxion.lab.study.*", "dev.fluxion.lab.store.*",
            "dev.fluxion.lab.stats.*", "dev.fluxion.lab.api.*",
            "dev.fluxion.lab.report.Figures", "dev.fluxion.lab.report.ConsoleTable", "dev.fluxion.lab.report.Axis",
            "dev.fluxion.lab.report.Series",
            "kotlin.math.*", "java.nio.file.Files", "java.nio.file.Path", "java.util.Locale",
        )

        /**
         * The jars or class folders holding Fluxion's parts, the Kotlin standard library, coroutines, the
         * scripting annotations and Kotlin DataFrame ([dev.fluxion.lab.store.StoreFrames]): each class's code source, once.
         */
        fun classPath(): List<File> = listOf(
            LabScript::class.java, Expr::class.java, Optimizers::class.java, LandscapeRegistry::class.java,
            Unit::class.java, kotlinx.coroutines.CoroutineScope::class.java, KotlinScript::class.java,
            org.jetbrains.kotlinx.dataframe.DataFrame::class.java,
        ).map { File(it.protectionDomain.codeSource.location.toURI()) }.distinct()

        /**
         * `FILE:LINE:COLUMN: message`, or `FILE: message` when the compiler gave no position; of a message that
         * goes on to list candidates, its first line.
         */
        private fun line(file: String, diagnostic: ScriptDiagnostic, kind: String): String {
            val start = diagnostic.location?.start
            val at = if (start == null) file else "$file:${start.line}:${start.col}"
            return "$at: $kind${diagnostic.message.lineSequence().first().trim()}"
        }

        /** The exception the script threw, without the reflection wrappers around it. */
        private fun unwrapped(error: Throwable): Throwable {
            var e = error
            while (e is InvocationTargetException && e.cause != null) e = e.cause!!
            return e
        }

        /**
         * `FILE:LINE: Type: message`, LINE being the script's line nearest the throw (the innermost frame in the
         * script), or `FILE: Type: message` if no frame is the script's.
         */
        private fun threwLine(file: Path, cause: Throwable): String {
            val scriptLine = cause.stackTrace.firstOrNull { it.fileName == file.fileName.toString() }?.lineNumber
            val at = if (scriptLine == null || scriptLine < 0) "$file" else "$file:$scriptLine"
            val message = (cause.message ?: "").lineSequence().firstOrNull().orEmpty()
            return "$at: ${cause.javaClass.simpleName}${if (message.isEmpty()) "" else ": $message"}"
        }
    }
}
