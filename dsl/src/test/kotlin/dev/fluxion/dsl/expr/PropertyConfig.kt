package dev.fluxion.dsl.expr

import io.kotest.property.PropTestConfig
import io.kotest.property.ShrinkingMode

/**
 * The configuration of the random-expression properties: the given number of iterations, or the number in the
 * system property `fluxion.propertyIterations` (for a longer hunt: `-Dfluxion.propertyIterations=20000`), and no
 * shrinking (a shrunk expression would leave the domain its point was chosen for).
 */
fun propertyConfig(iterations: Int): PropTestConfig = PropTestConfig(
    iterations = System.getProperty("fluxion.propertyIterations")?.toInt() ?: iterations,
    shrinkingMode = ShrinkingMode.Off,
)
