package dev.fluxion.lab.api

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.Extensions
import dev.fluxion.lab.engine.HashedFamily
import dev.fluxion.lab.engine.HashedLandscapeFamily
import dev.fluxion.lab.engine.HashedOptimizer
import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.Progress
import dev.fluxion.lab.engine.Registries
import dev.fluxion.lab.engine.RunTimeout
import dev.fluxion.lab.study.Study
import dev.fluxion.landscapes.Landscape
import dev.fluxion.optimizers.Optimizer
import dev.fluxion.optimizers.Transform
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CompletableFuture
import java.util.function.Consumer

/**
 * What every study builder ([Compare], [Rates], [Scan], [Tune]) shares: where the study is stored, with how many
 * threads and which registries it runs, and how optimizer and landscape values become the text specs a study is
 * made of. A builder is thin: [study] is the very study object the `fluxion` command with the same options makes,
 * and [run] computes it through [dev.fluxion.lab.study.Studies], so the stored results are the command's, bit for bit.
 *
 * An optimizer value the registries make (`adam(lr = 0.01)`, a chain of building blocks) is named by its spec. An
 * optimizer or transform defined in code (a class over the [Transform] contract, or a [transform] lambda) takes
 * part as a [HashedOptimizer], `NAME#HASH`, the hash being [CodeHash]'s of its code: the registries need no jar for
 * it, and a store never mixes the results of changed code with old ones. A landscape given by code (an `Objective`,
 * [landscape]) takes part the same way, by its spec `NAME(...)#HASH`.
 *
 * @param B the builder's own type, which its setters return (for Java's chained calls)
 */
abstract class StudyBuilder<B : StudyBuilder<B>> internal constructor(private var name: String) {
    private var threads = Runtime.getRuntime().availableProcessors()
    private var store: Path? = null
    private var registries = Registries.builtIn()
    private var runTimeout = RunTimeout.NONE
    private var extensions = Extensions.NONE

    /** The seed of the study: every run's seed and random start derive from it (`--seed`). */
    protected var seed = 0L
        private set

    /** Whether every run takes its whole step budget ([fixedLength]). */
    protected var fixedLength = false
        private set

    @Suppress("UNCHECKED_CAST")
    protected fun self(): B = this as B

    /** The study's name, the base name of its files (`--name`). */
    fun name(name: String): B = self().also { this.name = name }

    /** The study's name. */
    protected fun studyName(): String = name

    /** The study seed (`--seed`, default 0). */
    fun seed(seed: Long): B = self().also { this.seed = seed }

    /** How many runs compute at once (`--threads`, default one per core); results do not depend on it. */
    fun threads(threads: Int): B = self().also {
        if (threads < 1) throw LabException("threads = $threads must be at least 1")
        this.threads = threads
    }

    /**
     * The SQLite file the study is stored in and resumes from (`--out FOLDER` stores in `FOLDER/NAME.sqlite`); by
     * default a file in a new temporary folder, deleted when the JVM exits.
     */
    fun store(path: Path): B = self().also { store = path }

    /** [store] of a path given as text. */
    fun store(path: String): B = store(Path.of(path))

    /** The registries specs are read with: a script's `registries`, which hold the plugins of `--plugins`. */
    fun registries(registries: Registries): B = self().also { this.registries = registries }

    /**
     * Fixed-length runs (`--fixed-length`): each run takes exactly its steps, even past the finest target or a stall
     * (where f* is known and the gap reaches rounding, say), so runs of several optimizers compare step by step to
     * the end; the steps at which it first reached each target are still recorded. A divergence still ends a run.
     * Unset, runs end at the finest target or a stall, and their keys are those of a study before this option.
     */
    fun fixedLength(): B = self().also { fixedLength = true }

    /** The wall-clock limit of each run in seconds (`--run-timeout`); none by default. */
    fun runTimeout(seconds: Double): B = self().also { runTimeout = RunTimeout.ofSeconds(seconds) }

    /** The study, as the `fluxion` command with the same options makes it. */
    abstract fun study(): Study

    /** The engine the study runs on: [threads], [registries], and the optimizers defined in code it names. */
    fun engine(): Engine = Engine(threads, registries, runTimeout, extensions)

    /** The study with its engine and store, ready to run. */
    fun build(): Experiment {
        val study = study()
        return Experiment(study, engine(), store ?: temporaryStore(study.name))
    }

    /** Computes the study (skipping stored runs), blocking; the calling thread computes runs too. */
    @JvmOverloads
    fun run(progress: Consumer<Progress> = Consumer {}): StudyResults = build().run(progress)

    /** Computes the study in the coroutine's scope; cancelling it keeps every stored run. */
    suspend fun execute(progress: (Progress) -> Unit = {}): StudyResults = build().execute(progress)

    /** Computes the study in the background; cancelling the future cancels it and keeps what was stored. */
    @JvmOverloads
    fun submit(progress: Consumer<Progress> = Consumer {}): CompletableFuture<StudyResults> = build().submit(progress)

    /**
     * The spec a study names [optimizer] by: its own spec when the registries make an equal optimizer of it, else
     * `NAME#HASH`, with the optimizer joining the engine's extensions.
     */
    protected fun specOf(optimizer: Transform): String {
        if (optimizer is HashedOptimizer) return join(optimizer)
        val text = optimizer.spec()
        val parsed = try {
            registries.optimizers.parse(text)
        } catch (e: RuntimeException) {
            null
        }
        if (parsed != null && parsed == Optimizer.of(optimizer)) return text
        val code: Any = (optimizer as? LambdaTransform)?.code ?: optimizer
        return join(HashedOptimizer(text, CodeHash.ofValue(code), optimizer))
    }

    /** The spec with `{lr}` a scan names a [family] defined in code by, with the family joining the engine's extensions. */
    protected fun templateOf(family: HashedFamily): String {
        extensions = extensions.with(family)
        return family.template
    }

    /** The spec with `{dim}` and `{kappa}` a rates study names a [family] of landscapes given by code by, joining the engine's extensions. */
    protected fun templateOf(family: HashedLandscapeFamily): String {
        extensions = extensions.with(family)
        return family.template
    }

    private fun join(optimizer: HashedOptimizer): String {
        extensions = extensions.with(optimizer)
        return optimizer.spec()
    }

    /**
     * The spec a study names [landscape] by: its own, which the registries must make into the same landscape (a
     * landscape of one's own is [landscape] of its expression, whose spec holds the expression); or, for a landscape
     * given by code ([landscape] of an `Objective`), its spec `NAME(...)#HASH`, with the landscape joining the
     * engine's extensions.
     */
    protected fun specOf(landscape: Landscape): String {
        val spec = landscape.spec()
        if (!landscape.hasExpression()) {
            if (!Extensions.isHashed(spec)) {
                throw LabException("landscape '$spec' is given by code but its spec carries no hash of the code: " +
                    "make it with landscape(name, objective, ...)")
            }
            extensions = extensions.with(landscape)
            return spec
        }
        val made = try {
            registries.landscapes.create(spec)
        } catch (e: RuntimeException) {
            null
        }
        if (made == null || !made.hasExpression() || made.expression().toString() != landscape.expression().toString() ||
            made.facts().toString() != landscape.facts().toString()) {
            throw LabException("landscape '$spec' is not one the registries make from its spec: give a landscape of " +
                "your own as a dsl expression, landscape(formula(\"...\")), whose spec holds it, or as code, " +
                "landscape(name, objective)")
        }
        return spec
    }

    private fun temporaryStore(name: String): Path {
        val folder = Files.createTempDirectory("fluxion-study")
        val file = folder.resolve("$name.sqlite")
        folder.toFile().deleteOnExit()
        for (suffix in listOf("", "-journal", "-wal", "-shm")) file.resolveSibling("$name.sqlite$suffix").toFile().deleteOnExit()
        return file
    }
}
