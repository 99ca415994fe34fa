package dev.fluxion.optimizers.linesearch;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.OptimizerException;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * A line search for the strong Wolfe conditions (Nocedal and Wright, "Numerical Optimization", 2nd ed., 2006,
 * Algorithms 3.5 and 3.6): it finds alpha with
 * <pre>
 *   phi(alpha) &lt;= phi(0) + c1 alpha phi'(0)        (sufficient decrease)
 *   |phi'(alpha)| &lt;= c2 |phi'(0)|                 (curvature)
 * </pre>
 * where phi(alpha) = f(x + alpha d), and hands on u = alpha d. The incoming direction d should be a descent direction
 * (g'd &lt; 0); if it is not, the search is along -g ({@link SearchLine}).
 *
 * <p>Every trial is evaluated with its gradient ({@link StepContext#valueAndGradient(double[], double[])}), so the
 * accepted point, always the last evaluated, is reused by the next step and costs nothing more there.
 *
 * <p>Bracketing (Algorithm 3.5) starts at alpha_1 from {@link InitialStep}; while alpha_i is acceptable for
 * sufficient decrease, phi is still falling and the curvature condition fails, it extrapolates: alpha_{i+1} is the
 * minimizer of the cubic through (alpha_{i-1}, alpha_i) (eq. 3.59) kept in [alpha_i + 1.1 w, alpha_i + 4 w],
 * w = alpha_i - alpha_{i-1} (the bounds of Moré and Thuente, ACM TOMS 20(3), 1994), the upper end when the cubic has
 * no minimizer there. Zoom (Algorithm 3.6) then shrinks the bracket [lo, hi]: each trial is the cubic minimizer from
 * phi and phi' at both ends, else the quadratic from phi(lo), phi'(lo), phi(hi), else the midpoint, kept at least a
 * tenth of the bracket away from both ends so the bracket shrinks to at most 0.9 of its width per trial. On a
 * quadratic phi the cubic is exact, so one zoom trial finds the exact minimizer along d.
 *
 * <p>A non-finite trial value counts as failing sufficient decrease. After {@code maxEvals} evaluations in one
 * step without an acceptable alpha the step fails with an OptimizerException naming it; x is left unchanged. Near a
 * minimizer rounding ends the search instead ({@link SearchLine}): when f cannot resolve the change along the first
 * trial step (|alpha_1 phi'(0)| &lt;= 10 ulp(f(x)), where the conditions cannot be checked on values of f) the step
 * is 0 and nothing is evaluated; when the bracket holds no trial point but its ends (x + m d, m its midpoint, is
 * x + lo d or x + hi d) the search settles for lo, its lowest point with sufficient decrease (0 if there is none), as
 * Moré and Thuente's search returns its best point when rounding errors prevent progress.
 *
 * @param c1       sufficient-decrease constant, 0 &lt; c1 &lt; c2
 * @param c2       curvature constant, c1 &lt; c2 &lt; 1 (0.9 for quasi-Newton, 0.1 for conjugate gradients)
 * @param init     the first trial step (its upper bound under {@link InitialStep#QUADRATIC})
 * @param guess    how the first trial step is chosen: {@code constant} or {@code quadratic} ({@link InitialStep})
 * @param maxEvals the evaluations one step may make, at least 1
 */
public record WolfeLineSearch(double c1, double c2, double init, String guess, long maxEvals)
        implements Transform {
    /** The open interval (0, 1) of the Wolfe constants c1 and c2. */
    public static final Range OPEN_UNIT = new Range(0, false, 1, false);
    /** The name in specs. */
    public static final String NAME = "wolfe";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("c1", 1e-4, OPEN_UNIT, "sufficient decrease: phi(a) <= phi(0) + c1 a phi'(0)"),
            Hyperparameter.real("c2", 0.9, OPEN_UNIT, "curvature: |phi'(a)| <= c2 |phi'(0)|, c1 < c2"),
            InitialStep.INIT,
            InitialStep.GUESS,
            Hyperparameter.integer("maxEvals", 20, Range.COUNT, "evaluations per step before the step fails"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<WolfeLineSearch> SIGNATURE = new Signature<>(
            WolfeLineSearch.class, NAME, HYPERPARAMETERS,
            "strong Wolfe line search along the incoming direction (-g if it is not a descent direction),"
            + " bracketing and zoom with cubic interpolation (Nocedal and Wright 2006, Algorithms 3.5 and 3.6)");
    /** The strong Wolfe search with every default: the unit step first, c1 = 1e-4, c2 = 0.9. */
    public static final WolfeLineSearch DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter, then c1 &lt; c2. */
    public WolfeLineSearch {
        Hyperparameter.check(NAME, HYPERPARAMETERS, c1, c2, init, guess, maxEvals);
        if (!(c1 < c2)) {
            throw new OptimizerException(NAME + " needs 0 < c1 < c2 < 1, got c1 = " + c1 + ", c2 = " + c2);
        }
    }

    /** This search with sufficient-decrease constant c1. */
    public WolfeLineSearch c1(double c1) {
        return new WolfeLineSearch(c1, c2, init, guess, maxEvals);
    }

    /** This search with curvature constant c2. */
    public WolfeLineSearch c2(double c2) {
        return new WolfeLineSearch(c1, c2, init, guess, maxEvals);
    }

    /** This search with first trial step (or its cap) init. */
    public WolfeLineSearch init(double init) {
        return new WolfeLineSearch(c1, c2, init, guess, maxEvals);
    }

    /** This search with the first trial step chosen by {@code guess}: {@code constant} or {@code quadratic}. */
    public WolfeLineSearch guess(String guess) {
        return new WolfeLineSearch(c1, c2, init, guess, maxEvals);
    }

    /** This search with at most {@code maxEvals} evaluations per step. */
    public WolfeLineSearch maxEvals(long maxEvals) {
        return new WolfeLineSearch(c1, c2, init, guess, maxEvals);
    }

    @Override
    public TransformState init(int dimension) {
        return new SearchState(NAME, maxEvals, dimension, guess) {
            @Override
            public void update(double[] direction, StepContext context) {
                if (!line.start(direction, context)) {
                    return;
                }
                double alpha0 = firstTrial(init);
                line.handOn(line.belowRounding(alpha0) ? 0 : search(alpha0));
                remember();
            }

            /** Algorithm 3.5: the accepted alpha, whose point is the last evaluated. */
            private double search(double first) {
                double value0 = line.value0();
                double slope0 = line.slope0();
                double previousAlpha = 0;
                double previousPhi = value0;
                double previousSlope = slope0;
                double alpha = first;
                for (int i = 1; ; i++) {
                    double phi = line.valueAndSlope(alpha);
                    double slope = line.slope();
                    if (!(phi <= value0 + c1 * alpha * slope0) || (i > 1 && phi >= previousPhi)) {
                        return zoom(previousAlpha, previousPhi, previousSlope, alpha, phi, slope);
                    }
                    if (Math.abs(slope) <= -c2 * slope0) {
                        return alpha;
                    }
                    if (slope >= 0) {
                        return zoom(alpha, phi, slope, previousAlpha, previousPhi, previousSlope);
                    }
                    double width = alpha - previousAlpha;
                    double next = Interpolation.cubicMinimizer(previousAlpha, previousPhi, previousSlope, alpha, phi,
                            slope);
                    double low = alpha + 1.1 * width;
                    double high = alpha + 4 * width;
                    next = Double.isNaN(next) || next > high ? high : Math.max(next, low);
                    previousAlpha = alpha;
                    previousPhi = phi;
                    previousSlope = slope;
                    alpha = next;
                }
            }

            /**
             * Algorithm 3.6 on the bracket with ends lo (sufficient decrease holds, lowest phi so far) and hi; returns
             * the accepted alpha, whose point is the last evaluated, or lo once the bracket holds no other point.
             */
            private double zoom(double lo, double phiLo, double slopeLo, double hi, double phiHi, double slopeHi) {
                double value0 = line.value0();
                double slope0 = line.slope0();
                while (true) {
                    if (line.cannotSplit(lo, hi)) {
                        return lo;
                    }
                    double alpha = Interpolation.cubicMinimizer(lo, phiLo, slopeLo, hi, phiHi, slopeHi);
                    if (Double.isNaN(alpha)) {
                        alpha = Interpolation.quadraticMinimizer(lo, phiLo, slopeLo, hi, phiHi);
                    }
                    double left = Math.min(lo, hi);
                    double right = Math.max(lo, hi);
                    double margin = 0.1 * (right - left);
                    if (Double.isNaN(alpha)) {
                        alpha = 0.5 * (left + right);
                    } else {
                        alpha = Math.min(Math.max(alpha, left + margin), right - margin);
                    }
                    double phi = line.valueAndSlope(alpha);
                    double slope = line.slope();
                    if (!(phi <= value0 + c1 * alpha * slope0) || phi >= phiLo) {
                        hi = alpha;
                        phiHi = phi;
                        slopeHi = slope;
                    } else {
                        if (Math.abs(slope) <= -c2 * slope0) {
                            return alpha;
                        }
                        if (slope * (hi - lo) >= 0) {
                            hi = lo;
                            phiHi = phiLo;
                            slopeHi = slopeLo;
                        }
                        lo = alpha;
                        phiLo = phi;
                        slopeLo = slope;
                    }
                }
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
