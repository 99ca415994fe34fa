package dev.fluxion.dsl.tape

import io.kotest.assertions.fail
import kotlin.math.abs
import kotlin.math.max

/** The largest absolute entry, at least 1: the scale of an absolute tolerance that is relative for big numbers. */
fun scaleOf(first: Double, vararg rest: Double): Double = max(scaleOf(rest), abs(first))

/** The largest absolute entry of a vector, at least 1. */
fun scaleOf(values: DoubleArray): Double = values.fold(1.0) { m, v -> max(m, abs(v)) }

/** The largest absolute entry of a matrix, at least 1. */
fun scaleOf(values: Array<DoubleArray>): Double = values.maxOf { scaleOf(it) }

/** Fails unless |actual - expected| <= tolerance, naming what was compared. */
fun assertClose(actual: Double, expected: Double, tolerance: Double, what: () -> String) {
    if (!(abs(actual - expected) <= tolerance)) {
        fail("${what()}: expected $expected but was $actual (difference ${abs(actual - expected)}, tolerance $tolerance)")
    }
}

/** Fails unless every entry is within the tolerance, naming the first entry that is not. */
fun assertClose(actual: DoubleArray, expected: DoubleArray, tolerance: Double, what: () -> String) {
    if (actual.size != expected.size) {
        fail("${what()}: expected ${expected.size} entries but got ${actual.size}")
    }
    for (i in actual.indices) {
        assertClose(actual[i], expected[i], tolerance) { "${what()} [$i] (expected ${expected.contentToString()}," +
            " was ${actual.contentToString()})" }
    }
}

/** Fails unless every entry of the matrix is within the tolerance. */
fun assertClose(actual: Array<DoubleArray>, expected: Array<DoubleArray>, tolerance: Double, what: () -> String) {
    if (actual.size != expected.size) {
        fail("${what()}: expected ${expected.size} rows but got ${actual.size}")
    }
    for (i in actual.indices) {
        assertClose(actual[i], expected[i], tolerance) { "${what()} row $i" }
    }
}

/** M v. */
fun matrixTimes(m: Array<DoubleArray>, v: DoubleArray): DoubleArray =
    DoubleArray(m.size) { i -> m[i].indices.sumOf { j -> m[i][j] * v[j] } }
