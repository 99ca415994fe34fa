package dev.fluxion.landscapes.bbob;

import dev.fluxion.dsl.function.UnaryFunction;
import dev.fluxion.dsl.number.Jet;
import dev.fluxion.dsl.number.Algebra;

/**
 * One coordinate of the asymmetry T_asy^beta of the bbob definitions, or its derivative of a given order:
 * <pre>
 *   T_asy(x) = x^(1 + c sqrt(x))  for x &gt; 0,   x  for x &lt;= 0,   c = beta (i - 1) / (n - 1),
 * </pre>
 * for coordinate i of n (c computed as COCO computes it, once per coordinate). Positive coordinates are stretched
 * (beyond 1) or squeezed (below 1), more so for later coordinates; the first coordinate is left alone.
 *
 * <p>T_asy is continuously differentiable: its slope is 1 on the left of 0 and
 * x^(1 + c sqrt x) ((1 + c sqrt x) / x + c ln(x) / (2 sqrt x)) = x^(c sqrt x) (1 + c sqrt(x) (1 + ln(x) / 2)) on
 * the right, which tends to 1 at 0+. The second derivative is unbounded as x approaches 0 from the right (like
 * c ln(x) / (2 sqrt x)); the convention here puts it, and every higher derivative, at 0 for x = 0. Orders 0 and 1
 * are written out; order n &gt;= 2 comes from a Taylor jet of the right branch, and is 0 on the left.
 *
 * <p>Source: Hansen, N., Finck, S., Ros, R. and Auger, A. (2009), INRIA RR-6829, section 0.2.
 *
 * @param coefficient c = beta (i - 1) / (n - 1)
 * @param order       the order of the derivative this function computes, 0 for T_asy itself
 */
record Asymmetry(double coefficient, int order) implements UnaryFunction {

    @Override
    public String symbol() {
        return "Tasy[" + coefficient + "]" + "'".repeat(order);
    }

    @Override
    public double value(double x) {
        if (!(x > 0)) {
            return Double.isNaN(x) || order == 0 ? x : order == 1 ? 1.0 : 0.0;
        }
        if (order == 0) {
            return Math.pow(x, 1.0 + coefficient * Math.sqrt(x));
        }
        if (order == 1) {
            // x^(1 + c sqrt x) ((1 + c sqrt x) / x + c ln x / (2 sqrt x)), with x^(1 + c sqrt x) / x written as
            // x^(c sqrt x) so that no 1 / x overflows for a subnormal x
            double stretch = coefficient * Math.sqrt(x);
            return Math.pow(x, stretch) * (1.0 + stretch * (1.0 + Math.log(x) / 2));
        }
        Jet t = Jet.variable(x, order);
        return t.pow(t.sqrt().times(coefficient).plus(1)).derivative(order);
    }

    @Override
    public <T extends Algebra<T>> T derivative(T x) {
        return x.apply(new Asymmetry(coefficient, order + 1));
    }
}
