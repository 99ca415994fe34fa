package dev.fluxion.dsl.function;

import dev.fluxion.dsl.number.DoubleReal;
import dev.fluxion.dsl.number.Algebra;

/**
 * A function of one argument together with its derivative rule, written once for every face of the dsl.
 *
 * <p>{@link #value(double)} computes f(x) on doubles. {@link #derivative(Algebra)} states f'(x) with the
 * operations of {@link Algebra}, so the same rule gives the slope on doubles, the second derivative on dual
 * numbers, the Taylor coefficients of jets and the symbolic derivative on expressions.
 */
public interface UnaryFunction {

    /** The name by which formulas call this function, such as {@code sin}. */
    String symbol();

    /** f(x) on doubles; NaN outside the domain, as IEEE 754 does. */
    double value(double x);

    /** f'(x), written with the operations of {@link Algebra}. */
    <T extends Algebra<T>> T derivative(T x);

    /**
     * f(x) under a convention for kinks: {@link #value(double)} for every function except the few whose value is
     * the convention itself (sign, heaviside and the cusp power at 0), which read it here. Their
     * {@link #value(double)} is their value under {@link Kinks#STANDARD}.
     */
    default double value(double x, Kinks kinks) {
        return value(x);
    }

    /**
     * This function under a non-standard convention (see {@link Kinks#bind(UnaryFunction)}): by default bound to it,
     * since a rule may reach a kink anywhere below; a function known to be smooth at every order returns itself.
     */
    default UnaryFunction under(Kinks kinks) {
        return new KinkedUnary(this, kinks);
    }

    /** f'(x) on doubles, from {@link #derivative(Algebra)}. */
    default double slope(double x) {
        return derivative(new DoubleReal(x)).value();
    }
}
