package dev.fluxion.dsl.function;

import dev.fluxion.dsl.number.DoubleReal;
import dev.fluxion.dsl.number.Real;

/**
 * A function of two arguments together with its two partial-derivative rules, written once for every face.
 */
public interface BinaryFunction {

    /** The name by which formulas call this function, such as {@code atan2}, or the operator symbol. */
    String symbol();

    /** f(x, y) on doubles; NaN outside the domain. */
    double value(double x, double y);

    /** df/dx at (x, y), written with the operations of {@link Real}. */
    <T extends Real<T>> T partialFirst(T x, T y);

    /** df/dy at (x, y), written with the operations of {@link Real}. */
    <T extends Real<T>> T partialSecond(T x, T y);

    /** df/dx on doubles. */
    default double slopeFirst(double x, double y) {
        return partialFirst(new DoubleReal(x), new DoubleReal(y)).value();
    }

    /** df/dy on doubles. */
    default double slopeSecond(double x, double y) {
        return partialSecond(new DoubleReal(x), new DoubleReal(y)).value();
    }
}
