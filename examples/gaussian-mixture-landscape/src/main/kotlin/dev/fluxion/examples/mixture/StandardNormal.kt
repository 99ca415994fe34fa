package dev.fluxion.examples.mixture

import java.util.SplittableRandom
import kotlin.math.PI
import kotlin.math.cos
import kotlin.math.ln
import kotlin.math.sqrt

/**
 * Standard normal numbers from a seed by the Box-Muller transform, z = sqrt(-2 ln u1) cos(2 pi u2), over
 * SplittableRandom's uniforms, so a seed gives the same data on every JVM (Box and Muller, Annals of
 * Mathematical Statistics 29(2), 1958).
 */
internal class StandardNormal(seed: Long) {
    private val random = SplittableRandom(seed)

    /** The next standard normal number. */
    fun next(): Double {
        val u1 = 1.0 - random.nextDouble() // in (0, 1], so the logarithm is finite
        return sqrt(-2 * ln(u1)) * cos(2 * PI * random.nextDouble())
    }
}
