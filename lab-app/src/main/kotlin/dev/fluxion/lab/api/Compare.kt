package dev.fluxion.lab.api

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.lab.study.SpecList
import dev.fluxion.lab.cli.CompareCommand
import dev.fluxion.landscapes.Landscape
import dev.fluxion.optimizers.Transform

/**
 * A comparison being built, `fluxion compare` as code: every optimizer on every landscape from every start with
 * every seed. Options the builder is not given keep the command's defaults.
 *
 * ```kotlin
 * val results = compare {
 *     optimizers(adam(lr = 0.01), momentum())
 *     landscapes(beale(), rosenbrock(dim = 10))
 *     starts(default() + random(100))
 *     steps(10_000)
 *     threads(2)
 *     store("results/x.sqlite")
 * }.run()
 * print(results.table)
 * ```
 * and in Java, `Compare.builder().optimizers(adam).landscapes("beale").steps(10_000).store("results/x.sqlite").run()`.
 */
class Compare private constructor() : RunPlanBuilder<Compare>("compare", 10_000L) {
    private var optimizers = SpecList.split(CompareCommand.DEFAULT_OPTIMIZERS)
    private var landscapes = SpecList.split(CompareCommand.DEFAULT_LANDSCAPES)
    private var targets = Budget.DEFAULT_TARGETS

    /** The optimizers as values: the registries' by their specs, others defined in code by `NAME#HASH`. */
    fun optimizers(vararg optimizers: Transform): Compare = also { this.optimizers = optimizers.map { specOf(it) } }

    /** The optimizers as specs (`--optimizers`). */
    fun optimizers(vararg specs: String): Compare = also { optimizers = specs.toList() }

    /** The landscapes as values ([beale], [formula], ...), each named by its spec. */
    fun landscapes(vararg landscapes: Landscape): Compare = also { this.landscapes = landscapes.map { specOf(it) } }

    /** The landscapes as specs (`--landscapes`). */
    fun landscapes(vararg specs: String): Compare = also { landscapes = specs.toList() }

    /**
     * The gaps f - f* whose first steps each run records (its `hitSteps`), decreasing; a run ends at the last, the
     * finest (default 1e-1, 1e-2, ..., 1e-8). A finer last target lets runs go on past 1e-8.
     */
    fun targets(vararg targets: Double): Compare = also { this.targets = targets.toList() }

    /** The study `fluxion compare` makes of the same options. */
    override fun study(): CompareStudy = CompareStudy(optimizers, landscapes, starts, seeds,
        Budget(maxSteps = steps, targets = targets, gradientNoise = noise, fixedLength = fixedLength), seed, studyName(), traces)

    companion object {
        /** A comparison with the command's defaults, to set with chained calls. */
        @JvmStatic
        fun builder(): Compare = Compare()
    }
}

/** A comparison built by [block] ([Compare]); `.run()` computes it. */
fun compare(block: Compare.() -> Unit): Compare = Compare.builder().apply(block)
