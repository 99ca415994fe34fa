package dev.fluxion.dsl.function;

import dev.fluxion.dsl.number.DoubleReal;
import dev.fluxion.dsl.number.Algebra;

/**
 * A function of two arguments together with its two partial-derivative rules, written once for every face.
 */
public interface BinaryFunction {

    /** The name by which formulas call this function, such as {@code atan2}, or the operator symbol. */
    String symbol();

    /** f(x, y) on doubles; NaN outside the domain. */
    double value(double x, double y);

    /** df/dx at (x, y), written with the operations of {@link Algebra}. */
    <T extends Algebra<T>> T partialFirst(T x, T y);

    /** df/dy at (x, y), written with the operations of {@link Algebra}. */
    <T extends Algebra<T>> T partialSecond(T x, T y);

    /** f(x, y) under a convention for kinks: {@link #value(double, double)} except where the value is the convention. */
    default double value(double x, double y, Kinks kinks) {
        return value(x, y);
    }

    /** This function under a non-standard convention (see {@link Kinks#bind(BinaryFunction)}); smooth ones return this. */
    default BinaryFunction under(Kinks kinks) {
        return new KinkedBinary(this, kinks);
    }

    /** df/dx on doubles. */
    default double slopeFirst(double x, double y) {
        return partialFirst(new DoubleReal(x), new DoubleReal(y)).value();
    }

    /** df/dy on doubles. */
    default double slopeSecond(double x, double y) {
        return partialSecond(new DoubleReal(x), new DoubleReal(y)).value();
    }
}
