package dev.fluxion.lab

import io.kotest.assertions.withClue
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.nio.file.Files
import java.nio.file.Path

/** The repository's `examples/scripts` folder, found from the module's directory or the repository's. */
val exampleScripts: Path = listOf(Path.of("../examples/scripts"), Path.of("examples/scripts"))
    .first { Files.isDirectory(it) }.toAbsolutePath().normalize()

/**
 * A copy of the guide script [name] (such as `ScriptOptimizer.lab.kts`) in a new temporary folder, run by `fluxion
 * script FILE OUTPUT` as a user runs it, with its output folder [output]; [edit] changes its code between runs.
 */
class ScriptCopy(name: String) {
    private val work = temporaryFolder(name.substringBefore('.'))

    /** The copied script. */
    val script: Path = work.resolve(name).also { Files.copy(exampleScripts.resolve(name), it) }

    /** The folder the script writes its store, report and figures into. */
    val output: Path = work.resolve("out")

    /** Runs the script, which must succeed, and gives what it printed. */
    fun run(): String {
        val outcome = fluxion("script", script.toString(), output.toString())
        withClue(outcome.err) { outcome.code shouldBe 0 }
        return outcome.out
    }

    /** Replaces [old], which the script must hold, by [new] in its code. */
    fun edit(old: String, new: String) {
        val text = Files.readString(script)
        text shouldContain old
        Files.writeString(script, text.replace(old, new))
    }
}
