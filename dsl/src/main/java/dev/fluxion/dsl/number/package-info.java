/**
 * The numbers the dsl evaluates on, and the algebra they share with expressions.
 *
 * <h2>Algebra and Real (decided in issue 19)</h2>
 *
 * <p>{@link dev.fluxion.dsl.number.Algebra} holds what a derivative rule needs: the arithmetic, {@code lift} and
 * the functions of the rule table. {@link dev.fluxion.dsl.number.Real} adds {@code value()}, the primal number.
 * {@link dev.fluxion.dsl.number.DoubleReal}, {@link dev.fluxion.dsl.number.Dual},
 * {@link dev.fluxion.dsl.number.HyperDual}, {@link dev.fluxion.dsl.number.Jet} and
 * {@link dev.fluxion.dsl.number.Complex} are {@code Real}; {@code Expr} and {@code VectorExpr} are only
 * {@code Algebra}. An expression used to be a {@code Real} whose {@code value()} threw unless it was a constant;
 * now the question does not compile. Why: no rule in the table, no function of {@code LogSumExp} or {@code Softmax},
 * no Kotlin operator and no landscape function calls {@code value()} (137 generic bounds moved from {@code Real} to
 * {@code Algebra} without another change), so the split cost nothing but the names, and turned a run-time error
 * into a compile-time one. The one place that reads the number, the tree walk's max-shifted log-sum-exp, keeps the
 * bound {@code T extends Real<T>}, and so does {@code Expr.evaluate}: substituting expressions for variables was
 * never supported there (the log-sum-exp shift threw on it), and now it is refused by the compiler.
 *
 * <h2>Kinks as a value, not a thread's setting (decided in issue 19)</h2>
 *
 * <p>The convention for derivatives at kinks ({@link dev.fluxion.dsl.function.Kinks}) used to be a thread-local
 * read by sign, heaviside, greater and the cusp power, chosen with {@code Kinks.within(...)}. It is now given to
 * the evaluation: {@code valueAt}, {@code gradientAt}, {@code checkedAt}, {@code hessianAt} and {@code evaluate}
 * take it, and {@code compile(order, kinks)} fixes it in the tape. The evaluation applies every function bound to
 * it ({@code Kinks.bind}). Why: a thread-local does not follow work handed to another thread (a pool's thread,
 * a parallel study) and leaks to anything else the thread evaluates inside {@code within}; a compiled expression
 * built with its convention gives its own slopes on any thread, interleaved with any other (see
 * {@code ConcurrentKinksSpec}). The numbers themselves carry no convention: a kinked function bound to one
 * ({@code KinkedUnary}, {@code KinkedBinary}) evaluates the table's own rule on {@code KinkedAlgebra}, which binds
 * every function the rule applies, so no rule is written twice and no number type grows a field. Under
 * {@code Kinks.STANDARD}, {@code bind} returns the function itself, so the default path runs the table's functions
 * exactly as before, minus the thread-local read in sign, heaviside, greater and the cusp power: results are bit
 * for bit the same. Measured on 2026-12-06 (load average about 30, thread CPU time per compiled value-and-gradient
 * call, median of 7 rounds of 2e6 calls, three alternating runs each of main's dsl jar and this one): Beale at
 * (1, 1), which reads no convention, 7.70 / 6.88 / 7.44 ns before and 7.04 / 7.08 / 7.58 ns after;
 * relu(x) + abs(y) + max(x, y) + sqrt(x^2 + y^2) at the origin, which reads it four times, 18.1 / 17.6 / 27.0 ns
 * before and 4.1 / 6.1 / 7.7 ns after. Under another convention a kinked function's partial-derivative nodes are built through the
 * wrapper, which the bytecode generator calls like any other function (no inlining by identity) and which
 * common-sub-expression elimination does not merge with the unbound node: a little slower, and only then.
 */
package dev.fluxion.dsl.number;
