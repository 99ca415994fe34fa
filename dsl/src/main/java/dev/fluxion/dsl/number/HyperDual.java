package dev.fluxion.dsl.number;

import dev.fluxion.dsl.function.BinaryFunction;
import dev.fluxion.dsl.function.UnaryFunction;

/**
 * A hyper-dual number a + b e1 + c e2 + d e1 e2 with e1^2 = e2^2 = 0 and e1 e2 != 0.
 *
 * <p>Evaluating f with input i seeded in e1 and input j seeded in e2 gives f, df/dx_i, df/dx_j and, in the
 * e1 e2 part, the exact second derivative d2f/dx_i dx_j: no step size and no cancellation. For one variable,
 * f(x + e1 + e2) = f + f' e1 + f' e2 + f'' e1 e2.
 *
 * <p>Reference: J. A. Fike and J. J. Alonso, "The development of hyper-dual numbers for exact second-derivative
 * calculations", AIAA 2011-886.
 *
 * @param value  the primal part a
 * @param first  the e1 part b
 * @param second the e2 part c
 * @param cross  the e1 e2 part d
 */
public record HyperDual(double value, double first, double second, double cross) implements Real<HyperDual> {

    /** The input x seeded in both e1 and e2: f(x) carries f'(x) in both first parts and f''(x) in cross. */
    public static HyperDual variable(double x) {
        return new HyperDual(x, 1, 1, 0);
    }

    /** A constant. */
    public static HyperDual constant(double x) {
        return new HyperDual(x, 0, 0, 0);
    }

    @Override
    public HyperDual lift(double constant) {
        return new HyperDual(constant, 0, 0, 0);
    }

    @Override
    public HyperDual plus(HyperDual o) {
        return new HyperDual(value + o.value, first + o.first, second + o.second, cross + o.cross);
    }

    @Override
    public HyperDual minus(HyperDual o) {
        return new HyperDual(value - o.value, first - o.first, second - o.second, cross - o.cross);
    }

    @Override
    public HyperDual times(HyperDual o) {
        return new HyperDual(value * o.value,
                value * o.first + first * o.value,
                value * o.second + second * o.value,
                value * o.cross + first * o.second + second * o.first + cross * o.value);
    }

    /**
     * The quotient q = u / w from u = q w, part by part: q_b = (u_b - q w_b) / w and
     * q_d = (u_d - q w_d - q_b w_c - q_c w_b) / w. Each part divides by w once, so nothing forms 1/w^2 or 2/w^3
     * (which overflow for a tiny w even where the quotient's parts are moderate, as in e^x / e^x at x = -400).
     */
    @Override
    public HyperDual div(HyperDual o) {
        double q = value / o.value;
        double qFirst = (first - q * o.first) / o.value;
        double qSecond = (second - q * o.second) / o.value;
        double qCross = (cross - q * o.cross - qFirst * o.second - qSecond * o.first) / o.value;
        return new HyperDual(q, qFirst, qSecond, qCross);
    }

    @Override
    public HyperDual unaryMinus() {
        return new HyperDual(-value, -first, -second, -cross);
    }

    @Override
    public HyperDual plus(double c) {
        return new HyperDual(value + c, first, second, cross);
    }

    @Override
    public HyperDual times(double c) {
        return new HyperDual(value * c, first * c, second * c, cross * c);
    }

    /**
     * f(a + b e1 + c e2 + d e1 e2) = f(a) + f'(a) b e1 + f'(a) c e2 + (f'(a) d + (f''(a) b) c) e1 e2.
     *
     * <p>f''(a) b is the tangent of the rule f' evaluated on the dual number a + b epsilon, so the rule's own
     * steps scale it: for ln, whose rule is 1/w, it comes out as -(b/a)/a, finite for a tiny a with a tiny b
     * (ln(e^x) at x = -400), where f''(a) = -1/a^2 alone would overflow.
     */
    @Override
    public HyperDual apply(UnaryFunction f) {
        Dual slope = f.derivative(new Dual(value, first));
        double f1 = slope.value();
        double crossPart = f1 * cross;
        if (first != 0 && second != 0) {
            crossPart += slope.tangent() * second;
        }
        return new HyperDual(f.value(value), f1 * first, f1 * second, crossPart);
    }

    /**
     * The two-argument chain rule to second order: with X = (a, b, c, d) and Y = (p, q, r, s),
     * the e1 e2 part is fx d + fy s + fxx b c + fxy (b r + c q) + fyy q r.
     */
    @Override
    public HyperDual apply(BinaryFunction f, HyperDual o) {
        boolean thisMoves = first != 0 || second != 0 || cross != 0;
        boolean otherMoves = o.first != 0 || o.second != 0 || o.cross != 0;
        double v = f.value(value, o.value);
        double b = 0;
        double c = 0;
        double d = 0;
        if (thisMoves) {
            // As for one argument, fxx b comes from the rule evaluated along b, scaled by the rule's own steps.
            Dual fxAlongX = f.partialFirst(new Dual(value, first), Dual.constant(o.value));
            double fx = fxAlongX.value();
            b += fx * first;
            c += fx * second;
            d += fx * cross;
            if (first != 0 && second != 0) {
                d += fxAlongX.tangent() * second;
            }
        }
        if (otherMoves) {
            Dual fyAlongY = f.partialSecond(Dual.constant(value), new Dual(o.value, o.first));
            double fy = fyAlongY.value();
            b += fy * o.first;
            c += fy * o.second;
            d += fy * o.cross;
            if (o.first != 0 && o.second != 0) {
                d += fyAlongY.tangent() * o.second;
            }
        }
        if (thisMoves && otherMoves) {
            double fxy = f.partialFirst(Dual.constant(value), Dual.variable(o.value)).tangent();
            d += fxy * (first * o.second + second * o.first);
        }
        return new HyperDual(v, b, c, d);
    }

    @Override
    public String toString() {
        return value + " + " + first + "ε1 + " + second + "ε2 + " + cross + "ε1ε2";
    }
}
