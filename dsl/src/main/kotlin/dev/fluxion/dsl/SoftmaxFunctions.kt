@file:JvmName("SoftmaxFunctions")

package dev.fluxion.dsl

import dev.fluxion.dsl.function.LogSumExp
import dev.fluxion.dsl.function.Softmax
import dev.fluxion.dsl.number.Algebra

// Kotlin face of the vector functions: log-sum-exp and softmax over lists of any Algebra, max-shifted so that
// logits such as 1000 and 1001 do not overflow.

/** log(sum_i e^(z_i)), computed as m + log(sum_i e^(z_i - m)) with m = max_i z_i. */
fun <T : Algebra<T>> logSumExp(z: List<T>): T = LogSumExp.logSumExp(z)

/** log(sum_i e^(z_i)) of the arguments: `logSumExp(z1, z2, z3)`. */
fun <T : Algebra<T>> logSumExp(vararg z: T): T = LogSumExp.logSumExp(z.asList())

/** softmax_i(z) = e^(z_i - m) / sum_j e^(z_j - m) with m = max_j z_j. */
fun <T : Algebra<T>> softmax(z: List<T>): List<T> = Softmax.softmax(z)

/** softmax of the arguments: `softmax(z1, z2, z3)`. */
fun <T : Algebra<T>> softmax(vararg z: T): List<T> = Softmax.softmax(z.asList())
