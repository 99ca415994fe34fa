package dev.fluxion.lab.api

import dev.fluxion.lab.engine.HashedFamily
import dev.fluxion.lab.study.SpecList
import dev.fluxion.lab.tune.Configuration
import dev.fluxion.lab.cli.TuneOptions
import dev.fluxion.lab.tune.TuneStudy
import dev.fluxion.landscapes.Landscape
import dev.fluxion.optimizers.Transform

/**
 * A tune study being built, `fluxion tune` as code: each optimizer's hyperparameters tuned by a search, then the
 * optimizers compared at their tuned settings ([TuneStudy]). The study is made by the command's own [TuneOptions],
 * so options not given keep the command's defaults. Tuning rewrites an optimizer's spec, so the optimizers are the
 * registries' (given as specs or values), or a family defined in code whose learning rate is tuned ([optimizer]).
 *
 * ```kotlin
 * val results = tune { optimizers("gd", "adam"); landscapes(rosenbrock()); tune("lr=loguniform(1e-5, 1)"); budget(8) }.run()
 * ```
 */
class Tune private constructor() : RunPlanBuilder<Tune>("tune", 2000L) {
    private val tuning = TuneOptions()
    private var optimizers = listOf("gd", "momentum(momentum=0.9)", "adam")
    private var landscapes = listOf("quadratic(dim=2, kappa=100)", "rosenbrock(dim=2)")

    /**
     * The optimizers as values: the registries' by their specs, others defined in code by `NAME#HASH` (those tune
     * no hyperparameter; see [optimizer] for a learning rate to tune).
     */
    fun optimizers(vararg optimizers: Transform): Tune = also { this.optimizers = optimizers.map { specOf(it) } }

    /**
     * Adds an optimizer defined in code for every learning rate, whose `lr` the study tunes: [make] gives the
     * optimizer of a rate ([HashedFamily]), and the study names the one of rate X `NAME(lr=X)#HASH`, starting from
     * [learningRate] (the setting of a study that tunes no `lr`).
     */
    @JvmOverloads
    fun optimizer(name: String, learningRate: Double = 0.01, make: (learningRate: Double) -> Transform): Tune = also {
        val template = templateOf(HashedFamily(name, CodeHash.ofValue(make), make))
        optimizers = optimizers + template.replace("{lr}", Configuration.written(learningRate))
    }

    /** The optimizers as specs (`--optimizers`). */
    fun optimizers(vararg specs: String): Tune = also { optimizers = specs.toList() }

    /** The landscapes as values, by their specs. */
    fun landscapes(vararg landscapes: Landscape): Tune = also { this.landscapes = landscapes.map { specOf(it) } }

    /** The landscapes as specs (`--landscapes`). */
    fun landscapes(vararg specs: String): Tune = also { landscapes = specs.toList() }

    /** The hyperparameters to tune, as `NAME=DIST` such as `lr=loguniform(1e-5, 1)` (`--tune`). */
    fun tune(vararg parameters: String): Tune = also { tuning.tune = parameters.toList() }

    /** The settings each optimizer tries per tuning unit (`--budget`, default 20). */
    fun budget(settings: Int): Tune = also { tuning.budget = settings }

    /** grid, random or halving (`--search`, default random). */
    fun search(search: String): Tune = also { tuning.search = search }

    /** Successive halving keeps the best 1/eta of each rung (`--eta`, default 3). */
    fun eta(eta: Int): Tune = also { tuning.eta = eta }

    /** The tuning runs' starts (`--tune-starts`, default `random:3`). */
    fun tuningStarts(starts: String): Tune = also { tuning.tuneStarts = starts }

    /** landscape (a setting per landscape) or all (`--tune-unit`). */
    fun unit(unit: String): Tune = also { tuning.tuneUnit = unit }

    /** The study `fluxion tune` makes of the same options. */
    override fun study(): TuneStudy = tuning.study(SpecList.join(optimizers), SpecList.join(landscapes), starts.text,
        seeds, steps, noise, seed, studyName(), traces.text, fixedLength)

    companion object {
        /** A tune study with the command's defaults, to set with chained calls. */
        @JvmStatic
        fun builder(): Tune = Tune()
    }
}

/** A tune study built by [block] ([Tune]); `.run()` computes it. */
fun tune(block: Tune.() -> Unit): Tune = Tune.builder().apply(block)
