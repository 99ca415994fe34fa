package dev.fluxion.landscapes.bbob;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Matrix;
import dev.fluxion.dsl.expr.VectorExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * The transformations that the bbob definitions compose their 24 functions from, as dsl expressions: the shift
 * x - x_opt, rotations and other matrices, the oscillation T_osz, the asymmetry T_asy^beta, the conditioning
 * Lambda^alpha and the boundary penalty f_pen. Each keeps COCO's order of operations, so that values agree with
 * COCO's to the last bits almost everywhere.
 *
 * <p>Source: Hansen, N., Finck, S., Ros, R. and Auger, A. (2009), INRIA RR-6829, section 0.2.
 */
final class Transformations {

    private Transformations() {
    }

    /** x - x_opt. */
    static VectorExpr shift(VectorExpr x, double[] xopt) {
        return x.minus(VectorExpr.constant(xopt));
    }

    /** M v, for a constant matrix M given by its rows (a rotation, or a rotation with scalings). */
    static VectorExpr times(double[][] m, VectorExpr v) {
        return Matrix.of(m).times(v);
    }

    /** T_osz applied to every coordinate. */
    static VectorExpr oscillate(VectorExpr v) {
        return v.apply(Oscillation.T_OSZ);
    }

    /** T_osz applied to a value. */
    static Expr oscillate(Expr value) {
        return value.apply(Oscillation.T_OSZ);
    }

    /** T_asy^beta: coordinate i (0-based) of n raised, where positive, to 1 + (beta i / (n - 1)) sqrt(v_i). */
    static VectorExpr asymmetric(VectorExpr v, double beta) {
        int n = v.length();
        List<Expr> coordinates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double coefficient = beta * (double) i / ((double) n - 1.0);
            coordinates.add(v.get(i).apply(new Asymmetry(coefficient, 0)));
        }
        return VectorExpr.of(coordinates);
    }

    /** Lambda^alpha v: coordinate i (0-based) of n scaled by alpha^((1/2) i / (n - 1)). */
    static VectorExpr conditioning(VectorExpr v, double alpha) {
        int n = v.length();
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = Math.pow(alpha, 0.5 * (double) i / ((double) n - 1.0));
        }
        return VectorExpr.constant(scale).times(v);
    }

    /** The boundary penalty f_pen(x) = sum_i max(0, |x_i| - bound)^2, 0 inside [-bound, bound]^n. */
    static Expr penalty(VectorExpr x, double bound) {
        return x.abs().minus(bound).relu().square().sum();
    }

    /** f_pen on COCO's region of interest [-5, 5]^n. */
    static Expr penalty(VectorExpr x) {
        return penalty(x, 5.0);
    }

    /** Weights w_i = base^(i / (n - 1)) (0-based i), the diagonal of a conditioning. */
    static double[] powers(double base, int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(base, (double) i / ((double) n - 1.0));
        }
        return w;
    }

    /** The Rastrigin core 10 (n - sum_i cos(2 pi z_i)) + ||z||^2. */
    static Expr rastrigin(VectorExpr z) {
        Expr cosines = z.times(2 * Math.PI).cos().sum();
        return Expr.constant(z.length()).minus(cosines).times(10.0).plus(z.squaredNorm());
    }

    /** sum_i (w_i z_i) z_i, the weighted sum of squares in COCO's order of products. */
    static Expr weightedSquares(double[] w, VectorExpr z) {
        return VectorExpr.constant(w).times(z).times(z).sum();
    }
}
