package dev.fluxion.lab.study

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.LabException
import dev.fluxion.lab.engine.Outcome
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec

/**
 * A step-size scan: one optimizer on one landscape from its default start, for learning rates on a log grid of
 * [points] from [low] to [high], each run [steps] steps long. A run *grows* when it diverges or ends with a gap
 * above its starting gap; the divergence edge is the smallest growing learning rate of the grid, refined by
 * bisection (on a log scale) between the last learning rate below it that did not grow and it. For gradient
 * descent on a quadratic the edge is 2/L: the error along the top eigenvector is multiplied by 1 - lr L per step.
 *
 * The runs go all [steps] steps (their finest target, 1e-30, is out of reach), so the final gap shows how far each
 * learning rate gets in the same number of steps; the best step is the grid's smallest final gap.
 *
 * @property optimizer the optimizer spec with `{lr}` where the learning rate goes, or a bare name such as `gd`
 *   (then `gd(lr={lr})`)
 * @property bisections the number of bisection runs refining the edge
 * @property fixedLength whether every run takes all [steps] steps, even past a stall ([Budget.fixedLength])
 */
data class ScanStudy @JvmOverloads constructor(
    val optimizer: String = "gd",
    val landscape: String = "quadratic(dim=10, kappa=100)",
    val low: Double = 1e-4,
    val high: Double = 1.0,
    val points: Int = 40,
    val steps: Long = 1000,
    val seed: Long = 0,
    override val name: String = "scan",
    val bisections: Int = 24,
    val fixedLength: Boolean = false,
) : Study {
    init {
        if (!(low > 0 && high > low)) throw LabException("the scan needs 0 < low < high, got low $low, high $high")
        if (points < 2 || points > MAX_POINTS) throw LabException("points = $points must be from 2 to $MAX_POINTS")
        Study.checkName(name)
        if (steps < 1) throw LabException("steps = $steps must be at least 1")
    }

    /** The optimizer template with `{lr}`. */
    val template: String
        get() = if (optimizer.contains("{lr}")) optimizer else if (!optimizer.contains('(')) "$optimizer(lr={lr})"
        else throw LabException("scan optimizer '$optimizer' needs {lr} where the learning rate goes, e.g. 'momentum(lr={lr}, momentum=0.9)'")

    /** The grid's learning rates, low * (high/low)^(i/(points-1)). */
    val learningRates: List<Double>
        get() = (0 until points).map { i ->
            val t = i.toDouble() / (points - 1)
            when {
                i == points - 1 -> high
                (high / low).isFinite() -> low * Math.pow(high / low, t)
                // a range as wide as 1e-300 .. 1e300, where high / low overflows: in logarithms
                else -> low * Math.exp(t * (Math.log(high) - Math.log(low)))
            }
        }

    /** Every run ends at f - f* <= 1e-30 or after [steps] steps; the usual decades are kept for steps-to-target. */
    override val budget: Budget get() = Budget(maxSteps = steps, targets = Budget.DEFAULT_TARGETS + 1e-30,
        fixedLength = fixedLength)

    /** The run of one learning rate. */
    fun run(engine: Engine, learningRate: Double): RunSpec {
        val l = engine.landscape(landscape)
        val spec = engine.optimizer(template.replace("{lr}", learningRate.toString())).spec()
        return RunSpec(template.replace("{lr}", learningRate.toString()), spec, landscape, l.spec(), 0,
            l.facts().start().toList(), 0, seed, budget)
    }

    override fun runs(engine: Engine): List<RunSpec> = learningRates.map { run(engine, it) }

    override fun properties(): Map<String, String> = mapOf("kind" to "scan", "name" to name, "optimizer" to optimizer,
        "landscape" to landscape, "low" to low.toString(), "high" to high.toString(), "points" to points.toString(),
        "steps" to steps.toString(), "seed" to seed.toString()) + Study.fixedLengthProperty(fixedLength)

    /**
     * Locates the edge from the grid's [results] (in the order of [runs]), bisecting with [runOne] (which may look
     * a run up in a store before computing it), and picks the best step.
     */
    fun analyse(results: List<RunResult>, engine: Engine, runOne: (RunSpec) -> RunResult): ScanOutcome {
        val rates = learningRates
        val grows = results.map { grows(it) }
        val firstGrowing = grows.indexOfFirst { it }
        val finalGaps = results.map { it.finalGap }
        val best = finalGaps.indices.filter { !grows[it] }.minByOrNull { finalGaps[it] }
        val facts = engine.landscape(landscape).facts()
        val smoothness = if (facts.smoothness().isPresent) facts.smoothness().asDouble else Double.NaN
        val mu = if (facts.strongConvexity().isPresent) facts.strongConvexity().asDouble else Double.NaN
        var below = Double.NaN
        var above = Double.NaN
        val refinements = ArrayList<RunResult>()
        if (firstGrowing > 0 && !grows[firstGrowing - 1]) {
            below = rates[firstGrowing - 1]
            above = rates[firstGrowing]
            repeat(bisections) {
                val middle = Math.sqrt(below * above)
                val r = runOne(run(engine, middle))
                refinements.add(r)
                if (grows(r)) above = middle else below = middle
            }
        }
        return ScanOutcome(rates, results, refinements, below, above, best?.let { rates[it] } ?: Double.NaN,
            best?.let { finalGaps[it] } ?: Double.NaN, smoothness, mu)
    }

    companion object {
        /** The most learning rates a scan's grid may have. */
        const val MAX_POINTS = 10_000

        /** Whether a run diverged or ended further from f* than it started. */
        @JvmStatic
        fun grows(result: RunResult): Boolean {
            if (result.outcome is Outcome.Diverged) return true
            if (result.trace.size == 0) return false // a run that failed or timed out before its first step
            // f at the start against f at the end: the same comparison as of the gaps, f* known or not
            return !(result.finalValue <= result.trace.loss[0])
        }
    }
}

/**
 * What a scan found.
 *
 * @property lastStable the largest learning rate known not to grow (the edge's lower bracket)
 * @property firstGrowing the smallest learning rate known to grow (the upper bracket); NaN brackets when the grid
 *   never grew or grew from its first point
 * @property smoothness L when the landscape knows it, so that 2/L can be compared; NaN otherwise
 */
data class ScanOutcome(
    val learningRates: List<Double>,
    val grid: List<RunResult>,
    val refinements: List<RunResult>,
    val lastStable: Double,
    val firstGrowing: Double,
    val bestLearningRate: Double,
    val bestFinalGap: Double,
    val smoothness: Double,
    val strongConvexity: Double,
) {
    /** The edge: the midpoint (on a log scale) of the final bracket. */
    val edge: Double get() = Math.sqrt(lastStable * firstGrowing)

    /** 2/L, the edge theory predicts for gradient descent on a quadratic. */
    val theoreticalEdge: Double get() = 2 / smoothness

    /** 2/(L + mu), gradient descent's best fixed step on a quadratic. */
    val theoreticalBest: Double get() = 2 / (smoothness + strongConvexity)

    /** |edge - 2/L| / (2/L). */
    val edgeError: Double get() = Math.abs(edge - theoreticalEdge) / theoreticalEdge
}
