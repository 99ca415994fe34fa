package dev.fluxion.dsl.expr

import kotlin.math.abs
import kotlin.math.max

/**
 * Whether a and b agree to a relative tolerance on the scale max(1, |a|, |b|): relative where the numbers are
 * large, absolute (at the same level) where they are below 1.
 *
 * The floor of 1 is what makes the comparison meaningful for derivatives: a derivative that comes out small
 * usually does so by cancellation of terms of order 1 (the generated expressions are built to keep values and
 * slopes of order 1 to 1e3), and the rounding error of the two computations is then a few ulps of those terms,
 * not of the small result.
 */
fun agree(a: Double, b: Double, relative: Double): Boolean =
    abs(a - b) <= relative * max(1.0, max(abs(a), abs(b)))

/** Fails, naming what was compared, when a and b do not [agree]. */
fun shouldAgree(what: String, a: Double, b: Double, relative: Double) {
    if (!agree(a, b, relative)) {
        throw AssertionError("$what: $a and $b differ by ${abs(a - b)}, more than $relative * " +
            "max(1, |a|, |b|) = ${relative * max(1.0, max(abs(a), abs(b)))}")
    }
}
