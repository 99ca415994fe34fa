package dev.fluxion.dsl

import io.kotest.matchers.doubles.ToleranceMatcher
import io.kotest.matchers.doubles.plusOrMinus
import kotlin.math.abs
import kotlin.math.max

/** A matcher for [expected] to a relative tolerance (absolute below magnitude 1): `value shouldBe near(e)`. */
fun near(expected: Double, relative: Double = 1e-12): ToleranceMatcher =
    expected plusOrMinus relative * max(1.0, abs(expected))
