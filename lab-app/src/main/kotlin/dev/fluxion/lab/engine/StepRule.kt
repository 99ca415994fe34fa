package dev.fluxion.lab.engine

import dev.fluxion.lab.LabException
import dev.fluxion.lab.report.ConsoleTable
import kotlin.math.abs
import kotlin.math.max
import kotlin.math.sqrt

/**
 * An optimizer whose hyperparameters follow from a quadratic's smoothness L and strong convexity mu, with the
 * linear rate theory predicts for it. Written `optimizer@rule`:
 *
 * | rule | optimizer | rate rho of the error ||x_k - x*|| |
 * |---|---|---|
 * | `gd@c/L` (0 < c < 2, e.g. `gd@1/L`) | gd(lr = c/L) | max(abs(1 - c mu/L), abs(1 - c)); 1 - mu/L at c = 1 |
 * | `gd@2/(L+mu)` | gd(lr = 2/(L + mu)) | (kappa - 1)/(kappa + 1) |
 * | `heavyball@optimal` | momentum(lr = 4/(sqrt L + sqrt mu)^2, momentum = ((sqrt kappa - 1)/(sqrt kappa + 1))^2) | (sqrt kappa - 1)/(sqrt kappa + 1) |
 * | `nesterov@optimal` | nesterov(lr = 1/L, momentum = (sqrt kappa - 1)/(sqrt kappa + 1)) | 1 - 1/sqrt kappa |
 *
 * The rate is the asymptotic contraction of the error per step on a quadratic, the spectral radius of the
 * iteration (B. T. Polyak, Introduction to Optimization, 1987, sections 1.4 and 3.2; Yu. Nesterov, Introductory
 * Lectures on Convex Optimization, 2004, section 2.2). The gap f - f* is quadratic in the error, so it contracts
 * at rho^2 per step. At kappa = 1 every rule but `gd@c/L` with c != 1 is exact Newton: rho = 0, one step.
 * Any other optimizer takes part at fixed hyperparameters as [Fixed], written as its spec, with no theory.
 */
sealed interface StepRule {
    /** The rule as written, such as `gd@1/L`. */
    val text: String

    /** The optimizer spec for a quadratic with smoothness [l] and strong convexity [mu]. */
    fun optimizer(l: Double, mu: Double): String

    /** The theoretical contraction rho of ||x_k - x*|| per step. */
    fun rate(l: Double, mu: Double): Double

    /** Gradient descent with step c/L. */
    data class ScaledGradientDescent(val multiple: Double) : StepRule {
        init {
            if (!(multiple > 0 && multiple < 2)) throw LabException("gd@c/L needs 0 < c < 2 (above 2/L it diverges), got c = $multiple")
        }

        override val text get() = "gd@${ConsoleTable.g(multiple)}/L"
        override fun optimizer(l: Double, mu: Double) = "gd(lr=${multiple / l})"
        override fun rate(l: Double, mu: Double) = max(abs(1 - multiple * mu / l), abs(1 - multiple))
    }

    /** Gradient descent with the best fixed step 2/(L + mu), which balances the two ends of the spectrum. */
    data object BalancedGradientDescent : StepRule {
        override val text get() = "gd@2/(L+mu)"
        override fun optimizer(l: Double, mu: Double) = "gd(lr=${2 / (l + mu)})"
        override fun rate(l: Double, mu: Double) = (l / mu - 1) / (l / mu + 1)
    }

    /** Polyak's heavy ball with the parameters that minimize its rate on quadratics. */
    data object OptimalHeavyBall : StepRule {
        override val text get() = "heavyball@optimal"
        override fun optimizer(l: Double, mu: Double): String {
            val root = sqrt(l / mu)
            val beta = (root - 1) / (root + 1)
            return "momentum(lr=${4 / ((sqrt(l) + sqrt(mu)) * (sqrt(l) + sqrt(mu)))}, momentum=${beta * beta})"
        }
        override fun rate(l: Double, mu: Double) = sqrt(l / mu).let { (it - 1) / (it + 1) }
    }

    /** Nesterov's method for strongly convex functions: step 1/L, constant momentum. */
    data object OptimalNesterov : StepRule {
        override val text get() = "nesterov@optimal"
        override fun optimizer(l: Double, mu: Double) =
            "nesterov(lr=${1 / l}, momentum=${sqrt(l / mu).let { (it - 1) / (it + 1) }})"
        override fun rate(l: Double, mu: Double) = 1 - 1 / sqrt(l / mu)
    }

    /**
     * Any optimizer at fixed hyperparameters, written as its spec (`lion(lr=0.001)`, a plugin's; `NAME#HASH`, one
     * defined in code): no theory predicts its rate, so the study reports the fitted rate alone ([rate] is NaN).
     */
    data class Fixed(val spec: String) : StepRule {
        init {
            if (spec.isBlank() || '@' in spec) throw LabException("rule '$spec' is neither a rule nor an optimizer spec; use $SYNTAX")
        }

        override val text get() = spec
        override fun optimizer(l: Double, mu: Double) = spec
        override fun rate(l: Double, mu: Double) = Double.NaN
    }

    companion object {
        /** Every rule's syntax, for messages and help. */
        const val SYNTAX = "gd@c/L (0 < c < 2), gd@2/(L+mu), heavyball@optimal, nesterov@optimal, or an optimizer " +
            "spec without '@' (a plugin's too), fitted without a theory"

        /** Parses a rule; spaces are ignored. */
        @JvmStatic
        fun parse(text: String): StepRule {
            val t = text.replace(" ", "")
            return when {
                t == "gd@2/(L+mu)" -> BalancedGradientDescent
                t == "heavyball@optimal" || t == "momentum@optimal" -> OptimalHeavyBall
                t == "nesterov@optimal" -> OptimalNesterov
                t.startsWith("gd@") && t.endsWith("/L") -> {
                    val c = t.removePrefix("gd@").removeSuffix("/L").toDoubleOrNull()
                        ?: throw LabException("rule '$text': '${t.removePrefix("gd@").removeSuffix("/L")}' is not a number; use $SYNTAX")
                    ScaledGradientDescent(c)
                }
                '@' !in t -> Fixed(text.trim())
                else -> throw LabException("unknown rule '$text'; use $SYNTAX")
            }
        }
    }
}
