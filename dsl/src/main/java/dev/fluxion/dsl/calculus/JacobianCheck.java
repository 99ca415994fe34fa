package dev.fluxion.dsl.calculus;

import dev.fluxion.dsl.DslException;
import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.Point;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * An analytic Jacobian A compared with a numerical one N, entry by entry and as a whole.
 *
 * <ul>
 *   <li>entry error: e_ij = |A_ij - N_ij| / (|A_ij| + |N_ij| + TINY);</li>
 *   <li>overall error: e = ||A - N||_F / (||A||_F + ||N||_F + TINY), Frobenius norms.</li>
 * </ul>
 * TINY is {@link GradientCheck#TINY}; as there, {@link #passes(double)} judges the overall error and the entry
 * errors locate a wrong entry. Row i of a Jacobian is the gradient of output i.
 *
 * @param analytic      the analytic Jacobian A
 * @param numerical     the numerical Jacobian N
 * @param entryErrors   e_ij for each entry
 * @param relativeError the overall relative error e
 * @param worstRow      the row of the largest e_ij (-1 for an empty Jacobian)
 * @param worstColumn   the column of the largest e_ij (-1 for an empty Jacobian)
 */
public record JacobianCheck(double[][] analytic, double[][] numerical, double[][] entryErrors, double relativeError,
                            int worstRow, int worstColumn) {

    /** Copies the arrays. */
    public JacobianCheck {
        analytic = copy(analytic);
        numerical = copy(numerical);
        entryErrors = copy(entryErrors);
    }

    /**
     * Compares two Jacobians of the same shape.
     *
     * @throws DslException if the shapes differ
     */
    public static JacobianCheck compare(double[][] analytic, double[][] numerical) {
        if (analytic.length != numerical.length) {
            throw new DslException("cannot compare an analytic Jacobian of " + analytic.length
                    + " rows with a numerical one of " + numerical.length + " rows: the shapes must agree");
        }
        double[][] errors = new double[analytic.length][];
        int worstRow = -1;
        int worstColumn = -1;
        double worst = -1;
        double differenceSquares = 0;
        double analyticSquares = 0;
        double numericalSquares = 0;
        for (int i = 0; i < analytic.length; i++) {
            if (analytic[i].length != numerical[i].length) {
                throw new DslException("row " + i + " of the analytic Jacobian has " + analytic[i].length
                        + " entries but the numerical one has " + numerical[i].length + ": the shapes must agree");
            }
            errors[i] = new double[analytic[i].length];
            for (int j = 0; j < analytic[i].length; j++) {
                double a = analytic[i][j];
                double n = numerical[i][j];
                errors[i][j] = GradientCheck.relative(a - n, Math.abs(a) + Math.abs(n));
                if (errors[i][j] > worst) {
                    worst = errors[i][j];
                    worstRow = i;
                    worstColumn = j;
                }
                differenceSquares += (a - n) * (a - n);
                analyticSquares += a * a;
                numericalSquares += n * n;
            }
        }
        double overall = GradientCheck.relative(Math.sqrt(differenceSquares),
                Math.sqrt(analyticSquares) + Math.sqrt(numericalSquares));
        return new JacobianCheck(analytic, numerical, errors, overall, worstRow, worstColumn);
    }

    /** Checks the analytic Jacobian of the functions f_i at x against {@link Richardson} gradients. */
    public static JacobianCheck byRichardson(List<ToDoubleFunction<double[]>> functions, double[] x,
                                             double[][] analytic) {
        double[][] numerical = new double[functions.size()][];
        for (int i = 0; i < numerical.length; i++) {
            numerical[i] = Richardson.gradient(functions.get(i), x);
        }
        return compare(analytic, numerical);
    }

    /** Checks the dual-number Jacobian of a list of expressions at a point against {@link Richardson}. */
    public static JacobianCheck of(List<Expr> functions, Point point, List<String> variables) {
        double[][] numerical = new double[functions.size()][];
        for (int i = 0; i < numerical.length; i++) {
            numerical[i] = Richardson.gradient(functions.get(i), point, variables);
        }
        return compare(Expr.jacobianAt(functions, point, variables), numerical);
    }

    /** Whether the overall relative error is at most the tolerance. */
    public boolean passes(double tolerance) {
        return relativeError <= tolerance;
    }

    @Override
    public double[][] analytic() {
        return copy(analytic);
    }

    @Override
    public double[][] numerical() {
        return copy(numerical);
    }

    @Override
    public double[][] entryErrors() {
        return copy(entryErrors);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
