package dev.fluxion.lab.api

import dev.fluxion.dsl.Objective
import dev.fluxion.lab.engine.HashedLandscapeFamily
import dev.fluxion.lab.study.RatesStudy
import dev.fluxion.lab.study.SpecList
import dev.fluxion.lab.engine.StepRule
import dev.fluxion.optimizers.Transform

/**
 * A convergence-rate study being built, `fluxion rates` as code: each step rule on the quadratics of each condition
 * number, fitted against its theoretical rate ([RatesStudy]). Options not given keep the command's defaults.
 *
 * ```kotlin
 * val results = rates { rules("gd@1/L", "nesterov@optimal"); kappas(10.0, 100.0); dimension(10) }.run()
 * val mine = rates { optimizers(signDescent); kappas(10.0) }.run()      // one defined in code: NAME#HASH
 * ```
 */
class Rates private constructor() : StudyBuilder<Rates>("rates") {
    private var rules = SpecList.split(RatesStudy.DEFAULT_RULES)
    private var kappas = RatesStudy.DEFAULT_KAPPAS
    private var dimension = 10
    private var target = 1e-8
    private var steps = 200_000L
    private var family = RatesStudy.DEFAULT_FAMILY

    /**
     * The rules, such as `gd@1/L` or `nesterov@optimal`, or optimizer specs at fixed hyperparameters (a plugin's
     * too), fitted without a theory (`--rules`).
     */
    fun rules(vararg rules: String): Rates = also { this.rules = rules.toList() }

    /**
     * The optimizers as values at fixed hyperparameters, fitted without a theory: the registries' by their specs,
     * others defined in code (a class over the contract, a [transform] lambda) by `NAME#HASH`, as [Compare] names
     * them; they replace the [rules].
     */
    fun optimizers(vararg optimizers: Transform): Rates = also { this.rules = optimizers.map { specOf(it) } }

    /** The condition numbers (`--kappas`). */
    fun kappas(vararg kappas: Double): Rates = also { this.kappas = kappas.toList() }

    /** The dimension of the landscapes (`--dim`, default 10). */
    fun dimension(dimension: Int): Rates = also { this.dimension = dimension }

    /** The gap whose steps to reach are compared with the prediction (`--target`, default 1e-8). */
    fun target(target: Double): Rates = also { this.target = target }

    /** The step budget of each run (`--steps`, default 200000). */
    fun steps(steps: Long): Rates = also { this.steps = steps }

    /** [steps] as an Int. */
    fun steps(steps: Int): Rates = steps(steps.toLong())

    /** The landscapes, a spec with `{kappa}` and optionally `{dim}` (`--landscape`). */
    fun landscape(family: String): Rates = also { this.family = family }

    /**
     * The landscapes given by code: [make] gives the objective of a condition number kappa and a dimension, which
     * must state its smoothness L, strong convexity mu and minimum f* ([dev.fluxion.dsl.Objective.smoothness], ...),
     * as the rules' step sizes and the theory need them. Each is named `NAME(dim=D, kappa=K)#HASH`, with [CodeHash]'s
     * hash of [make]'s code; its box is [-5, 5] in every variable and its start at three quarters of it.
     */
    fun landscape(name: String, make: (kappa: Double, dimension: Int) -> Objective): Rates = also {
        family = templateOf(HashedLandscapeFamily(name, CodeHash.ofValue(make)) { spec, kappa, dimension ->
            codeLandscape(name, spec, make(kappa, dimension))
        })
    }

    /** The study `fluxion rates` makes of the same options. */
    override fun study(): RatesStudy = RatesStudy(rules.map { StepRule.parse(it) }, kappas, dimension, target,
        maxSteps = steps, seed = seed, name = studyName(), family = family, fixedLength = fixedLength)

    companion object {
        /** A rates study with the command's defaults, to set with chained calls. */
        @JvmStatic
        fun builder(): Rates = Rates()
    }
}

/** A rates study built by [block] ([Rates]); `.run()` computes it. */
fun rates(block: Rates.() -> Unit): Rates = Rates.builder().apply(block)
