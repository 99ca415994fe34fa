package dev.fluxion.examples.mixture

import dev.fluxion.dsl.softplus
import dev.fluxion.dsl.times
import dev.fluxion.dsl.variable
import dev.fluxion.dsl.expr.VectorExpr
import dev.fluxion.landscapes.Arguments
import dev.fluxion.landscapes.Box
import dev.fluxion.landscapes.Curvature
import dev.fluxion.landscapes.Dataset
import dev.fluxion.landscapes.Landscape
import dev.fluxion.landscapes.LandscapeException
import dev.fluxion.landscapes.LandscapeProvider
import dev.fluxion.landscapes.Parameter
import dev.fluxion.landscapes.Tag
import kotlin.math.PI
import kotlin.math.ln

/**
 * The negative log-likelihood per sample of a two-component Gaussian mixture with equal weights and unit
 * variances, in its two means, over N seeded samples x_i (half drawn from each component):
 *
 * ```
 *   f(mu1, mu2) = -(1/N) sum_i log( φ(x_i - mu1)/2 + φ(x_i - mu2)/2 ),   φ(t) = e^(-t²/2) / sqrt(2 pi)
 *               = log 2 + log(2 pi)/2 - mean_i logaddexp(a_i, b_i),  a_i = -(x_i - mu1)²/2, b_i = -(x_i - mu2)²/2,
 * ```
 *
 * with logaddexp(a, b) = a + softplus(b - a), so nothing underflows far from the data. The gradient is
 * df/dmu1 = -(1/N) sum r_i (x_i - mu1) and df/dmu2 = -(1/N) sum (1 - r_i)(x_i - mu2), where
 * r_i = sigmoid(a_i - b_i) is the responsibility of the first component: EM's fixed points are its critical points.
 *
 * Facts: f is symmetric under swapping the means (label switching), so it has two global minimizers, the
 * maximum-likelihood estimates (mu1*, mu2*) and (mu2*, mu1*), found by Newton's method from the components'
 * sample means. On the diagonal mu1 = mu2 = mu the mixture is one Gaussian, and (x̄, x̄) is a critical point
 * (there r_i = 1/2) whose Hessian, I/2 - v (I/2 - 11ᵀ/4) with v the biased sample variance, has eigenvalue 1/2
 * along (1, 1) and (1 - v)/2 along (1, -1): a saddle when v > 1, which a separation of at least 3 ensures.
 *
 * Sources: McLachlan, G. and Peel, D. (2000), Finite Mixture Models, Wiley, chapter 2; Dempster, A. P., Laird,
 * N. M. and Rubin, D. B. (1977), Maximum likelihood from incomplete data via the EM algorithm, JRSS B 39(1),
 * 1-38; Jin, C. et al. (2016), Local maxima in the likelihood of Gaussian mixture models, NeurIPS 2016.
 */
class GaussianMixtureNll : LandscapeProvider {

    override fun name() = "gaussian-mixture"

    override fun description() = "negative log-likelihood of a two-Gaussian mixture in its means; a plugin"

    override fun parameters(): List<Parameter> = listOf(
        Parameter.integer("samples", 200, 50, 1_000_000, "the number of samples N, half from each component"),
        Parameter.real("center", 0.0, -1e6, 1e6, "the midpoint of the two true means"),
        Parameter.real("separation", 4.0, 3.0, 1e3, "the distance between the two true means"),
        Parameter.integer("seed", 0, 0, Long.MAX_VALUE, "the seed of the data"),
    )

    override fun create(arguments: Arguments): Landscape {
        val n = arguments.integer("samples")
        val center = arguments.real("center")
        val half = arguments.real("separation") / 2
        val normal = StandardNormal(arguments.longInteger("seed"))
        val samples = DoubleArray(n) { i -> (if (i % 2 == 0) center - half else center + half) + normal.next() }

        val mu1 = variable("mu1")
        val mu2 = variable("mu2")
        val x = VectorExpr.constant(*samples)
        val a = -0.5 * (x - mu1).square()
        val b = -0.5 * (x - mu2).square()
        val f = (a + softplus(b - a)).mean().unaryMinus() + (ln(2.0) + ln(2 * PI) / 2)

        val mean = samples.average()
        val variance = samples.sumOf { (it - mean) * (it - mean) } / n
        if (variance <= 1) {
            throw LandscapeException("${arguments.spec()}: the sample variance $variance is at most 1, so the" +
                " diagonal point is no saddle; choose a larger separation")
        }
        val firstMean = samples.filterIndexed { i, _ -> i % 2 == 0 }.average()
        val secondMean = samples.filterIndexed { i, _ -> i % 2 == 1 }.average()
        return Landscape.builder(arguments, f, listOf("mu1", "mu2"))
            .description(description())
            .domain(center - half - 4, center + half + 4)
            .minimizerNear(firstMean, secondMean)
            .minimizerNear(secondMean, firstMean)
            .criticalPoint(Curvature.SADDLE, mean, mean)
            .start(center - 0.25, center + 0.5)
            .data(Dataset(Array(n) { DoubleArray(0) }, samples))
            .tags(Tag.MULTIMODAL, Tag.SADDLE, Tag.STATISTICAL)
            .sources("McLachlan, G. and Peel, D. (2000). Finite Mixture Models. Wiley",
                "Dempster, A. P., Laird, N. M. and Rubin, D. B. (1977). Maximum likelihood from incomplete data via" +
                    " the EM algorithm. JRSS B 39(1), 1-38",
                "Jin, C. et al. (2016). Local maxima in the likelihood of Gaussian mixture models. NeurIPS 2016")
            .build()
    }
}
