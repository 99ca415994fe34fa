package dev.fluxion.lab.api

import dev.fluxion.lab.engine.HashedFamily
import dev.fluxion.lab.study.ScanStudy
import dev.fluxion.landscapes.Landscape
import dev.fluxion.optimizers.Transform

/**
 * A step-size scan being built, `fluxion scan` as code: one optimizer over a log grid of learning rates on one
 * landscape, with the divergence edge found by bisection ([ScanStudy]). Options not given keep the command's
 * defaults.
 *
 * ```kotlin
 * val results = scan { optimizer("momentum(lr={lr}, momentum=0.9)"); landscape(quadratic(dim = 10, kappa = 100.0)) }.run()
 * ```
 */
class Scan private constructor() : StudyBuilder<Scan>("scan") {
    private var optimizer = "gd"
    private var landscape = "quadratic(dim=10, kappa=100)"
    private var low = 1e-4
    private var high = 1.0
    private var points = 40
    private var steps = 1000L

    /** The optimizer: a name, or a spec with `{lr}` where the learning rate goes (`--optimizer`). */
    fun optimizer(template: String): Scan = also { optimizer = template }

    /**
     * The optimizer as code: [make] gives the optimizer of a learning rate (a class or a [transform] of a script,
     * say), which the study names `NAME(lr=X)#HASH`, the hash being that of [make]'s code.
     */
    fun optimizer(name: String, make: (learningRate: Double) -> Transform): Scan =
        also { optimizer = templateOf(HashedFamily(name, CodeHash.ofValue(make), make)) }

    /** The landscape as a value, named by its spec. */
    fun landscape(landscape: Landscape): Scan = also { this.landscape = specOf(landscape) }

    /** The landscape as a spec (`--landscape`). */
    fun landscape(spec: String): Scan = also { landscape = spec }

    /** The grid's learning rates, from [low] to [high] (`--from`, `--to`). */
    fun learningRates(low: Double, high: Double): Scan = also { this.low = low; this.high = high }

    /** The number of grid points (`--points`, default 40). */
    fun points(points: Int): Scan = also { this.points = points }

    /** The steps of each run (`--steps`, default 1000). */
    fun steps(steps: Long): Scan = also { this.steps = steps }

    /** [steps] as an Int. */
    fun steps(steps: Int): Scan = steps(steps.toLong())

    /** The study `fluxion scan` makes of the same options. */
    override fun study(): ScanStudy = ScanStudy(optimizer, landscape, low, high, points, steps, seed, studyName(),
        fixedLength = fixedLength)

    companion object {
        /** A scan with the command's defaults, to set with chained calls. */
        @JvmStatic
        fun builder(): Scan = Scan()
    }
}

/** A scan built by [block] ([Scan]); `.run()` computes it. */
fun scan(block: Scan.() -> Unit): Scan = Scan.builder().apply(block)
