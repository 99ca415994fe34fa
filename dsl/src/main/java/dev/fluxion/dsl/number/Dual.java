package dev.fluxion.dsl.number;

import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.UnaryFunction;

/**
 * A dual number a + b epsilon with epsilon^2 = 0: evaluating f on x + epsilon gives f(x) + f'(x) epsilon.
 *
 * <p>Seeding each input with the tangent of a direction v gives the directional derivative grad f . v in one
 * evaluation; seeding one input with 1 and the others with 0 gives one partial derivative.
 *
 * @param value   the primal part a
 * @param tangent the tangent part b, the derivative along the seeded direction
 */
public record Dual(double value, double tangent) implements Real<Dual> {

    /** The variable x seeded with tangent 1: evaluating f on it gives f(x) and f'(x). */
    public static Dual variable(double x) {
        return new Dual(x, 1.0);
    }

    /** A constant: tangent 0. */
    public static Dual constant(double x) {
        return new Dual(x, 0.0);
    }

    @Override
    public Dual lift(double constant) {
        return new Dual(constant, 0.0);
    }

    @Override
    public Dual plus(Dual o) {
        return new Dual(value + o.value, tangent + o.tangent);
    }

    @Override
    public Dual minus(Dual o) {
        return new Dual(value - o.value, tangent - o.tangent);
    }

    @Override
    public Dual times(Dual o) {
        return new Dual(value * o.value, tangent * o.value + value * o.tangent);
    }

    @Override
    public Dual div(Dual o) {
        double quotient = value / o.value;
        return new Dual(quotient, (tangent - quotient * o.tangent) / o.value);
    }

    @Override
    public Dual unaryMinus() {
        return new Dual(-value, -tangent);
    }

    @Override
    public Dual plus(double c) {
        return new Dual(value + c, tangent);
    }

    @Override
    public Dual minus(double c) {
        return new Dual(value - c, tangent);
    }

    @Override
    public Dual times(double c) {
        return new Dual(value * c, tangent * c);
    }

    @Override
    public Dual div(double c) {
        return new Dual(value / c, tangent / c);
    }

    @Override
    public Dual apply(UnaryFunction f) {
        return new Dual(f.value(value), f.slope(value) * tangent);
    }

    @Override
    public Dual apply(BinaryFunction f, Dual o) {
        // A zero tangent contributes nothing, even where the partial is undefined (as the symbolic form drops it).
        double t = 0.0;
        if (tangent != 0) {
            t += f.slopeFirst(value, o.value) * tangent;
        }
        if (o.tangent != 0) {
            t += f.slopeSecond(value, o.value) * o.tangent;
        }
        return new Dual(f.value(value, o.value), t);
    }

    @Override
    public String toString() {
        return value + " + " + tangent + "ε";
    }
}
