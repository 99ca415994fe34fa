package dev.fluxion.dsl.function;

import dev.fluxion.dsl.number.DoubleReal;
import dev.fluxion.dsl.number.Real;

/**
 * A function of one argument together with its derivative rule, written once for every face of the dsl.
 *
 * <p>{@link #value(double)} computes f(x) on doubles. {@link #derivative(Real)} states f'(x) with the
 * operations of {@link Real}, so the same rule gives the slope on doubles, the second derivative on dual
 * numbers, the Taylor coefficients of jets and the symbolic derivative on expressions.
 */
public interface UnaryFunction {

    /** The name by which formulas call this function, such as {@code sin}. */
    String symbol();

    /** f(x) on doubles; NaN outside the domain, as IEEE 754 does. */
    double value(double x);

    /** f'(x), written with the operations of {@link Real}. */
    <T extends Real<T>> T derivative(T x);

    /** f'(x) on doubles, from {@link #derivative(Real)}. */
    default double slope(double x) {
        return derivative(new DoubleReal(x)).value();
    }
}
