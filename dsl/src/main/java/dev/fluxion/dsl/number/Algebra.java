package dev.fluxion.dsl.number;

import dev.fluxion.dsl.function.Binary;
import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.PowerOf;
import dev.fluxion.dsl.function.Unary;
import dev.fluxion.dsl.function.UnaryFunction;

/**
 * The operations that a number carrying derivatives and a symbolic expression share: arithmetic and the
 * functions of the dsl's rule table, and nothing that needs a numeric value.
 *
 * <p>A derivative rule written once, generic in {@code T extends Algebra<T>}, runs on every number of the dsl
 * ({@link Real}: {@link DoubleReal}, {@link Dual}, {@link HyperDual}, {@link Jet}, {@link Complex}) and on
 * expressions, which gives the symbolic derivative. An expression is an algebra and not a {@link Real}: it has no
 * numeric value without a point, so asking for one does not compile.
 *
 * <p>The arithmetic is named {@code plus}, {@code minus}, {@code times}, {@code div} and {@code unaryMinus}
 * so that Kotlin reads {@code a + b * c} without any wrapper. Every other function goes through
 * {@link #apply(UnaryFunction)} or {@link #apply(BinaryFunction, Algebra)}, whose derivative rule is written
 * once, in {@link Unary} and {@link Binary}, and shared by all implementations.
 *
 * @param <T> the implementing type
 */
public interface Algebra<T extends Algebra<T>> {

    /** A constant of this kind (same order, same shape), with all derivative parts zero. */
    T lift(double constant);

    /** this + other. */
    T plus(T other);

    /** this - other. */
    T minus(T other);

    /** this * other. */
    T times(T other);

    /** this / other. */
    T div(T other);

    /** -this. */
    T unaryMinus();

    /** f(this), with the derivative parts propagated by f's rule. */
    T apply(UnaryFunction f);

    /** f(this, other), with the derivative parts propagated by f's partial-derivative rules. */
    T apply(BinaryFunction f, T other);

    /** this + c. */
    default T plus(double c) {
        return plus(lift(c));
    }

    /** this - c. */
    default T minus(double c) {
        return minus(lift(c));
    }

    /** this * c. */
    default T times(double c) {
        return times(lift(c));
    }

    /** this / c. */
    default T div(double c) {
        return div(lift(c));
    }

    /** this^p for a constant exponent p; for integer p this is defined for negative bases. */
    default T pow(double p) {
        return apply(PowerOf.of(p));
    }

    /** this^y for a variable exponent; defined for a positive base. */
    default T pow(T y) {
        return apply(Binary.POW, y);
    }

    /** this * this. */
    default T square() {
        return pow(2);
    }

    /** The square root, on [0, inf). */
    default T sqrt() {
        return apply(Unary.SQRT);
    }

    /** The real cube root, on all reals. */
    default T cbrt() {
        return apply(Unary.CBRT);
    }

    /** e^this. */
    default T exp() {
        return apply(Unary.EXP);
    }

    /** e^this - 1, accurate near 0. */
    default T expm1() {
        return apply(Unary.EXPM1);
    }

    /** The natural logarithm, on (0, inf). */
    default T log() {
        return apply(Unary.LOG);
    }

    /** log(1 + this), accurate near 0, on (-1, inf). */
    default T log1p() {
        return apply(Unary.LOG1P);
    }

    /** The logarithm of this to the given base: log(this) / log(base). */
    default T log(T base) {
        return apply(Binary.LOG_BASE, base);
    }

    /** The sine. */
    default T sin() {
        return apply(Unary.SIN);
    }

    /** The cosine. */
    default T cos() {
        return apply(Unary.COS);
    }

    /** The tangent. */
    default T tan() {
        return apply(Unary.TAN);
    }

    /** The arcsine, on [-1, 1]. */
    default T asin() {
        return apply(Unary.ASIN);
    }

    /** The arccosine, on [-1, 1]. */
    default T acos() {
        return apply(Unary.ACOS);
    }

    /** The arctangent. */
    default T atan() {
        return apply(Unary.ATAN);
    }

    /** atan2(this, x): the angle of the point (x, this), with this as the ordinate y. */
    default T atan2(T x) {
        return apply(Binary.ATAN2, x);
    }

    /** The hyperbolic sine. */
    default T sinh() {
        return apply(Unary.SINH);
    }

    /** The hyperbolic cosine. */
    default T cosh() {
        return apply(Unary.COSH);
    }

    /** The hyperbolic tangent. */
    default T tanh() {
        return apply(Unary.TANH);
    }

    /** The inverse hyperbolic sine. */
    default T asinh() {
        return apply(Unary.ASINH);
    }

    /** The inverse hyperbolic cosine, on [1, inf). */
    default T acosh() {
        return apply(Unary.ACOSH);
    }

    /** The inverse hyperbolic tangent, on (-1, 1). */
    default T atanh() {
        return apply(Unary.ATANH);
    }

    /** The absolute value; its slope at 0 is the convention's sign(0) (see {@code Kinks}). */
    default T abs() {
        return apply(Unary.ABS);
    }

    /** The sign: -1, 0 (by convention, see {@code Kinks}) or 1; its derivative is 0. */
    default T sign() {
        return apply(Unary.SIGN);
    }

    /** The Heaviside step: 0 below 0, 1 above, the convention's value at 0. */
    default T heaviside() {
        return apply(Unary.HEAVISIDE);
    }

    /** min(this, other); a tie splits the derivative as the convention says. */
    default T min(T other) {
        return apply(Binary.MIN, other);
    }

    /** max(this, other); a tie splits the derivative as the convention says. */
    default T max(T other) {
        return apply(Binary.MAX, other);
    }

    /** sqrt(this^2 + other^2) without overflow. */
    default T hypot(T other) {
        return apply(Binary.HYPOT, other);
    }

    /** The error function. */
    default T erf() {
        return apply(Unary.ERF);
    }

    /** The complementary error function 1 - erf, accurate in the tail. */
    default T erfc() {
        return apply(Unary.ERFC);
    }

    /** The logarithm of the Gamma function, on (0, inf). */
    default T logGamma() {
        return apply(Unary.LOG_GAMMA);
    }

    /** The logistic sigmoid 1 / (1 + e^-x), computed without overflow. */
    default T sigmoid() {
        return apply(Unary.SIGMOID);
    }

    /** log(sigmoid(x)) = -softplus(-x), computed without overflow. */
    default T logSigmoid() {
        return apply(Unary.LOG_SIGMOID);
    }

    /** log(1 + e^x), computed without overflow. */
    default T softplus() {
        return apply(Unary.SOFTPLUS);
    }

    /** max(x, 0); relu'(0) follows the convention (0 by default). */
    default T relu() {
        return apply(Unary.RELU);
    }

    /** x for x &gt; 0 and alpha * x otherwise. */
    default T leakyRelu(double alpha) {
        return apply(Binary.LEAKY_RELU, lift(alpha));
    }

    /** x for x &gt; 0 and alpha * (e^x - 1) otherwise. */
    default T elu(double alpha) {
        return apply(Binary.ELU, lift(alpha));
    }

    /** The Gaussian error linear unit in its exact form x * Phi(x), with Phi the standard normal CDF. */
    default T gelu() {
        return apply(Unary.GELU);
    }

    /** The sigmoid linear unit x * sigmoid(x), also called swish. */
    default T silu() {
        return apply(Unary.SILU);
    }

    /** Swish, the same function as {@link #silu()}. */
    default T swish() {
        return silu();
    }

    /** Mish: x * tanh(softplus(x)). */
    default T mish() {
        return apply(Unary.MISH);
    }
}
