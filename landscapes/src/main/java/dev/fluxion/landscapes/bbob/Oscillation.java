package dev.fluxion.landscapes.bbob;

import dev.fluxion.dsl.function.UnaryFunction;
import dev.fluxion.dsl.number.Jet;
import dev.fluxion.dsl.number.Algebra;

/**
 * The oscillation T_osz of the bbob definitions, or its derivative of a given order: a monotone map of the real
 * line that keeps the sign and roughens the scale,
 * <pre>
 *   T_osz(x) = sign(x) exp(t + 0.49 (sin(c1 t) + sin(c2 t)))^(1/10),  t = ln|x| / (1/10),
 * </pre>
 * with (c1, c2) = (1, 0.79) for x &gt; 0 and (0.55, 0.31) for x &lt; 0 (the definitions' 10 and 7.9, 5.5 and 3.1
 * act on ln|x|), and T_osz(0) = 0. It is applied to coordinates (f2, f3, f4, f10, f11, f15, f16) and to function
 * values (f6, f21, f22). The value follows COCO's order of operations.
 *
 * <p>Its derivative is T_osz'(x) = e^(0.049 (sin(c1 t) + sin(c2 t))) (1 + 0.49 (c1 cos(c1 t) + c2 cos(c2 t))),
 * which stays between about 0.1 and 2.1 but does not settle as x approaches 0: T_osz is continuous at 0 and not
 * differentiable there. The convention here: T_osz'(0) = 1 (the slope of the identity T_osz oscillates about), and
 * every higher derivative at 0 is 0. Where T_osz of a coordinate goes, coordinate by coordinate, into a function
 * with a flat minimum at 0, as in the ellipsoids, the discus and the separable Rastrigins (f2, f3, f4, f10, f11),
 * the chain rule gives the true derivative 0 there, so those functions stay differentiable; where a rotation mixes
 * the coordinates afterwards (f15, f16) they do not.
 *
 * <p>Orders 0 and 1 are written out; order n &gt;= 2 comes from a Taylor jet of the branch's formula. The
 * derivative of order n is this function at order n + 1, so every face of the dsl (duals, hyper-duals, jets,
 * symbolic derivatives, the tape) differentiates it as often as it likes.
 *
 * <p>Source: Hansen, N., Finck, S., Ros, R. and Auger, A. (2009), Real-parameter black-box optimization
 * benchmarking 2009: noiseless functions definitions, INRIA RR-6829, section 0.2.
 *
 * @param order the order of the derivative this function computes, 0 for T_osz itself
 */
record Oscillation(int order) implements UnaryFunction {

    /** T_osz itself. */
    static final Oscillation T_OSZ = new Oscillation(0);

    private static final double ALPHA = 0.1;

    @Override
    public String symbol() {
        return order == 0 ? "Tosz" : "Tosz" + "'".repeat(order);
    }

    @Override
    public double value(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x == 0) {
            return order == 1 ? 1.0 : 0.0;
        }
        boolean positive = x > 0;
        double c1 = positive ? 1.0 : 0.55;
        double c2 = positive ? 0.79 : 0.31;
        if (order == 0) {
            double t = Math.log(positive ? x : -x) / ALPHA;
            double magnitude = Math.pow(Math.exp(t + 0.49 * (Math.sin(c1 * t) + Math.sin(c2 * t))), ALPHA);
            return positive ? magnitude : -magnitude;
        }
        if (order == 1) {
            double t = Math.log(positive ? x : -x) / ALPHA;
            return Math.exp(0.49 * ALPHA * (Math.sin(c1 * t) + Math.sin(c2 * t)))
                    * (1 + 0.49 * (c1 * Math.cos(c1 * t) + c2 * Math.cos(c2 * t)));
        }
        return branch(Jet.variable(x, order), positive).derivative(order);
    }

    @Override
    public <T extends Algebra<T>> T derivative(T x) {
        return x.apply(new Oscillation(order + 1));
    }

    /** The branch of one sign, written with the operations of {@link Algebra}, for the higher derivatives. */
    private static <T extends Algebra<T>> T branch(T x, boolean positive) {
        double c1 = positive ? 1.0 : 0.55;
        double c2 = positive ? 0.79 : 0.31;
        T t = (positive ? x : x.unaryMinus()).log().div(ALPHA);
        T magnitude = t.plus(t.times(c1).sin().plus(t.times(c2).sin()).times(0.49)).times(ALPHA).exp();
        return positive ? magnitude : magnitude.unaryMinus();
    }
}
