package dev.fluxion.landscapes

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import kotlin.math.sqrt

/** The geometry the lab measures: distance to the nearest minimizer, value gap, Hessian spectrum. */
class GeometrySpec : FunSpec({

    test("the distance to the nearest minimizer picks the closest of Himmelblau's four") {
        val l = landscape("himmelblau")
        l.distanceToNearestMinimizer(doubleArrayOf(3.0, 2.5)) shouldBe (0.5 plusOrMinus 1e-15)
        l.distanceToNearestMinimizer(doubleArrayOf(0.0, 0.0)) shouldBe (sqrt(13.0) plusOrMinus 1e-12)
    }

    test("the value gap is f(x) - f*") {
        landscape("goldstein-price").valueGap(doubleArrayOf(0.0, 0.0)) shouldBe (600.0 - 3.0 plusOrMinus 1e-9)
        landscape("rosenbrock").valueGap(doubleArrayOf(0.0, 0.0)) shouldBe 1.0
    }

    test("the classification of symmetric matrices: min, max, saddle, degenerate") {
        fun classify(vararg rows: DoubleArray) = HessianSpectrum.of(arrayOf(*rows), HessianSpectrum.DEFAULT_TOLERANCE)
        classify(doubleArrayOf(2.0, 1.0), doubleArrayOf(1.0, 2.0)).let {
            it.curvature() shouldBe Curvature.MIN
            it.eigenvalues()[0] shouldBe (1.0 plusOrMinus 1e-15)
            it.eigenvalues()[1] shouldBe (3.0 plusOrMinus 1e-15)
        }
        classify(doubleArrayOf(-2.0, 0.0), doubleArrayOf(0.0, -1.0)).curvature() shouldBe Curvature.MAX
        classify(doubleArrayOf(1.0, 2.0), doubleArrayOf(2.0, 1.0)).curvature() shouldBe Curvature.SADDLE
        classify(doubleArrayOf(1.0, 1.0), doubleArrayOf(1.0, 1.0)).curvature() shouldBe Curvature.DEGENERATE
        classify(doubleArrayOf(0.0, 0.0), doubleArrayOf(0.0, -1.0)).curvature() shouldBe Curvature.DEGENERATE
        classify(doubleArrayOf(0.0, 0.0, 0.0), doubleArrayOf(0.0, 1.0, 0.0), doubleArrayOf(0.0, 0.0, -1.0))
            .curvature() shouldBe Curvature.SADDLE
    }

    test("the objective carries the facts' constants and, for the Gaussian, its metric") {
        val booth = landscape("booth").objective()
        booth.smoothness().asDouble shouldBe 18.0
        booth.strongConvexity().asDouble shouldBe 2.0
        booth.metric().isPresent shouldBe false
        booth.hasHessian() shouldBe true
        landscape("gaussian-nll").objective().metric().isPresent shouldBe true
    }
})
