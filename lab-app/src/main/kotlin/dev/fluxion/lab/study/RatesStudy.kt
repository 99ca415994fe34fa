package dev.fluxion.lab.study

import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.engine.StepRule
import kotlin.math.ceil
import kotlin.math.ln

/**
 * A convergence-rate study: each [StepRule] on `quadratic(dim=D, kappa=k)` (or another [family] of landscapes
 * with a `{kappa}` parameter, a plugin's included) for every kappa, from the landscape's default start, each run
 * going until f - f* <= [floor]. Each rule's hyperparameters come from the landscape's stated smoothness L and
 * strong convexity mu (for the quadratics, L = kappa and mu = 1), so they change with kappa.
 *
 * ```kotlin
 * val study = RatesStudy(listOf(StepRule.parse("gd@1/L"), StepRule.parse("nesterov@optimal")))
 * val rows = study.analyse(Studies.run(study, store), engine)   // fitted against theoretical rate per kappa
 * ```
 *
 * @property target the gap whose steps to reach are compared with the prediction
 * @property floor the finest target: runs stop there, and fits end there
 * @property maxSteps the step budget per run
 * @property family the landscape spec with `{kappa}` (and optionally `{dim}`, replaced by [dimension]) where the
 *   condition number goes; its landscapes must state f*, L and mu
 * @property fixedLength whether every run takes all [maxSteps] steps, past [floor] ([Budget.fixedLength])
 */
data class RatesStudy @JvmOverloads constructor(
    val rules: List<StepRule>,
    val kappas: List<Double> = DEFAULT_KAPPAS,
    val dimension: Int = 10,
    val target: Double = 1e-8,
    val floor: Double = 1e-14,
    val maxSteps: Long = 200_000,
    val seed: Long = 0,
    override val name: String = "rates",
    val family: String = DEFAULT_FAMILY,
    val fixedLength: Boolean = false,
) : Study {
    init {
        Study.checkName(name)
        if (rules.isEmpty()) throw LabException("a rates study needs at least one rule (${StepRule.SYNTAX})")
        if (kappas.isEmpty() || kappas.any { !(it >= 1) }) throw LabException("kappas must be >= 1, got $kappas")
        if (dimension < 1) throw LabException("dimension = $dimension must be at least 1")
        if (!(floor > 0 && target > floor)) throw LabException("need target > floor > 0, got target $target, floor $floor")
        if (!family.contains("{kappa}")) {
            throw LabException("rates landscape '$family' needs {kappa} where the condition number goes, e.g. '$DEFAULT_FAMILY'")
        }
    }

    /** The targets of every run: the decades from 1e-1 down, with [target], ending at [floor]. */
    override val budget: Budget
        get() {
            val decades = generateSequence(1) { it + 1 }.map { Math.pow(10.0, -it.toDouble()) }
                .takeWhile { it > floor * 1.0001 }.toList()
            return Budget(maxSteps = maxSteps, targets = (decades + target + floor).distinct().sortedDescending(),
                fixedLength = fixedLength)
        }

    /** The landscape label of one kappa, such as `quadratic(dim=10, kappa=100)`. */
    fun landscape(kappa: Double) = family.replace("{dim}", dimension.toString()).replace("{kappa}", plain(kappa))

    override fun runs(engine: Engine): List<RunSpec> = rules.flatMap { rule ->
        kappas.map { kappa ->
            val label = landscape(kappa)
            val landscape = engine.landscape(label)
            val facts = landscape.facts()
            if (facts.smoothness().isEmpty || facts.strongConvexity().isEmpty || facts.minimum().isEmpty) {
                throw LabException("rates landscape $label does not state its smoothness L, strong convexity mu and " +
                    "minimum f*, which the study needs")
            }
            val l = landscape.facts().smoothness().asDouble
            val mu = landscape.facts().strongConvexity().asDouble
            val optimizer = engine.optimizer(rule.optimizer(l, mu)).spec()
            RunSpec(rule.text, optimizer, label, landscape.spec(), 0, landscape.facts().start().toList(), 0, seed, budget)
        }
    }

    override fun properties(): Map<String, String> = mapOf("kind" to "rates", "name" to name,
        "rules" to SpecList.join(rules.map { it.text }), "kappas" to kappas.joinToString(","),
        "dimension" to dimension.toString(), "target" to target.toString(), "floor" to floor.toString(),
        "maxSteps" to maxSteps.toString(), "seed" to seed.toString(), "family" to family) + Study.fixedLengthProperty(fixedLength)

    /** One row per run of [results] (as [runs] orders them): the fit beside the theory. */
    fun analyse(results: List<RunResult>, engine: Engine): List<RateRow> = results.map { r ->
        val facts = engine.landscape(r.spec.landscapeSpec).facts()
        val l = facts.smoothness().asDouble
        val mu = facts.strongConvexity().asDouble
        val rule = StepRule.parse(r.spec.optimizerLabel)
        val theory = rule.rate(l, mu)
        val fit = RateFit.of(r.trace, facts.minimum().asDouble, floor)
        val gap0 = r.trace.loss[0] - facts.minimum().asDouble
        val t = r.spec.budget.targets.indexOf(target)
        RateRow(rule.text, l / mu, l, mu, r.spec.optimizerSpec, theory, fit, r.hitSteps[t],
            predictedSteps(gap0, target, theory), r.outcome.kind)
    }

    companion object {
        /** 1, 3, 10, ..., 1000. */
        @JvmField
        val DEFAULT_KAPPAS = listOf(1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0)

        /** The quadratics of `fluxion rates` by default. */
        const val DEFAULT_FAMILY = "quadratic(dim={dim}, kappa={kappa})"

        /** The rules of the default study: gradient descent at its two classic steps, heavy ball and Nesterov. */
        const val DEFAULT_RULES = "gd@1/L; gd@2/(L+mu); heavyball@optimal; nesterov@optimal"

        /** A number as the user would write it: whole numbers without a decimal point. */
        internal fun plain(v: Double) = if (v == Math.rint(v) && Math.abs(v) < 1e15) v.toLong().toString() else v.toString()

        /**
         * The steps for a gap contracting at rho^2 per step to fall from [gap0] to [target]:
         * ln(gap0/target) / ln(1/rho^2), rounded up (0 if already there, 1 if rho = 0).
         */
        @JvmStatic
        fun predictedSteps(gap0: Double, target: Double, rate: Double): Double = when {
            gap0 <= target -> 0.0
            rate <= 0 -> 1.0
            rate >= 1 -> Double.POSITIVE_INFINITY
            else -> ceil(ln(gap0 / target) / ln(1 / (rate * rate)))
        }
    }
}

/**
 * One rule at one kappa: the theoretical rate rho of the error and the fitted one (`fit.rate`, from the gap's
 * slope), and the steps to the study's target against the prediction from rho.
 *
 * @property stepsToTarget the steps taken to reach the target, or -1
 * @property predictedSteps ln(gap0/target) / ln(1/rho^2), an upper bound for gradient descent on a quadratic
 */
data class RateRow(
    val rule: String,
    val kappa: Double,
    val smoothness: Double,
    val strongConvexity: Double,
    val optimizer: String,
    val theoreticalRate: Double,
    val fit: RateFit?,
    val stepsToTarget: Long,
    val predictedSteps: Double,
    val outcome: String,
) {
    /** The fitted rate of the error, NaN without a fit. */
    val fittedRate: Double get() = fit?.rate ?: Double.NaN

    /** |fitted - theory| / theory (for rho = 0, the absolute difference). */
    val relativeError: Double
        get() = if (theoreticalRate == 0.0) Math.abs(fittedRate) else Math.abs(fittedRate - theoreticalRate) / theoreticalRate

    /** |ln fitted - ln theory| / |ln theory|: the error in the speed of convergence (NaN for rho = 0). */
    val slopeError: Double
        get() = if (theoreticalRate == 0.0) Double.NaN
        else Math.abs(ln(fittedRate) - ln(theoreticalRate)) / Math.abs(ln(theoreticalRate))
}
