package dev.fluxion.dsl.expr;

import dev.fluxion.dsl.function.Binary;
import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.number.Algebra;

/**
 * Dispatches the four arithmetic operators to a number's own arithmetic (which each number type implements
 * directly and cheaply) and every other binary function to its rule.
 */
final class Arithmetic {
    private Arithmetic() {
    }

    static <T extends Algebra<T>> T apply(BinaryFunction f, T left, T right) {
        if (f == Binary.ADD) {
            return left.plus(right);
        }
        if (f == Binary.SUB) {
            return left.minus(right);
        }
        if (f == Binary.MUL) {
            return left.times(right);
        }
        if (f == Binary.DIV) {
            return left.div(right);
        }
        return left.apply(f, right);
    }
}
