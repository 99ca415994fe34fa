package dev.fluxion.lab.script

import dev.fluxion.lab.engine.Registries
import kotlin.script.experimental.annotations.KotlinScript
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.defaultImports
import kotlin.script.experimental.api.displayName
import kotlin.script.experimental.api.fileExtension

/**
 * The definition of a Fluxion experiment script, a file `NAME.lab.kts` that `fluxion script` compiles and runs.
 * The script's body is the body of a subclass: it sees [args] and [registries], the packages of the dsl, the
 * optimizers, the landscapes and the lab without imports, and `kotlin.math`, so a study reads like
 *
 * ```kotlin
 * val f = Expr.parse("(x - 3)^2").compile("x")
 * val x = doubleArrayOf(0.0)
 * Optimizers.parse("gd(lr=0.25)").minimize(f, x, 10)
 * println("x = ${x[0]}")  // 3 - 3 / 2^10
 * ```
 *
 * The compiler sees Fluxion, its Kotlin libraries and the plugins' jars; [LabScriptHost] sets that class path.
 *
 * @property args the arguments after the script's file name on the command line
 * @property registries the lab's optimizers and landscapes, plugins included: `Engine(registries = registries)`
 *   runs studies with them
 */
@KotlinScript(
    displayName = "Fluxion lab script",
    fileExtension = "lab.kts",
    compilationConfiguration = LabScriptCompilation::class,
)
abstract class LabScript(val args: Array<String>, val registries: Registries)

/**
 * How a [LabScript] compiles: with the Fluxion packages imported by default. The class path is set by
 * [LabScriptHost], from the jars (or class folders) the running lab was loaded from.
 */
object LabScriptCompilation : ScriptCompilationConfiguration({
    displayName("Fluxion lab script")
    fileExtension("lab.kts")
    defaultImports(LabScriptHost.DEFAULT_IMPORTS)
}) {
    private fun readResolve(): Any = LabScriptCompilation
}
