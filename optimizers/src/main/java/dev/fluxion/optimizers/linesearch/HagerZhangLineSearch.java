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
 * Hager and Zhang's line search ("A new conjugate gradient method with guaranteed descent and an efficient line
 * search", SIAM J. Optim. 16(1), 2005, section 4; the defaults of CG_DESCENT, ACM TOMS 32(1), 2006). It accepts alpha
 * when either
 * <pre>
 *   (T1, Wolfe)              phi(alpha) - phi(0) &lt;= delta alpha phi'(0),  phi'(alpha) &gt;= sigma phi'(0)
 *   (T2, approximate Wolfe)  (2 delta - 1) phi'(0) &gt;= phi'(alpha) &gt;= sigma phi'(0),
 *                            phi(alpha) &lt;= phi(0) + eps |f(x)|
 * </pre>
 * holds, and hands on u = alpha d. T2 replaces the test on values, which rounding spoils near a minimizer (where
 * f(x + alpha d) - f(x) is of the order of eps_machine |f|), by one on slopes, which stay accurate; so the search keeps
 * working where a strong Wolfe search cannot tell a decrease from rounding.
 *
 * <p>The search brackets (B0-B3: from the first trial c, c &lt;- rho c until phi' &gt;= 0 or phi rises above
 * phi(0) + eps |f|), then repeats the double secant step (S1-S4: c = (a phi'(b) - b phi'(a)) / (phi'(b) - phi'(a))
 * and the update U0-U3 of the bracket [a, b], which keeps phi(a) &lt;= phi(0) + eps |f|, phi'(a) &lt; 0 &lt;= phi'(b)),
 * and bisects when a double secant step has not shrunk the bracket to gamma of its width (L0-L3). Its constants are
 * the paper's: rho = 5, gamma = 0.66, theta = 0.5 (the bisection point of U3). On a quadratic phi, phi' is linear, so
 * the first secant step is the exact minimizer along d.
 *
 * <p>Every trial is evaluated with its gradient, and the accepted point is the last evaluated (reused by the next
 * step). The first trial comes from {@link InitialStep} (not CG_DESCENT's own guesses I0-I2). If d is not a descent
 * direction the search is along -g ({@link SearchLine}). After {@code maxEvals} evaluations in one step without
 * an acceptable alpha the step fails with an OptimizerException naming it, and x is left unchanged. Near a minimizer
 * rounding ends the search instead ({@link SearchLine}): when the bracket holds no trial point but its ends
 * (x + m d, m its midpoint, is x + a d or x + b d) the search settles for a (0 if the bracket still starts there);
 * and when the budget is spent while even the first-order change over the largest trial, |alpha phi'(0)|, was within
 * 10 ulp(f(x)) (a run converged to the gradient's own rounding), the step is 0. Unlike the strong Wolfe search, which
 * takes that zero step before evaluating anything, this search tries first, since T2 keeps working below f's
 * rounding.
 *
 * @param c1       delta, the sufficient-decrease constant, 0 &lt; delta &lt; 1/2, delta &lt;= sigma (0.1 in the paper)
 * @param c2       sigma, the curvature constant, sigma &lt; 1 (0.9 in the paper)
 * @param epsilon  the relative tolerance on f of T2 and of the bracket updates (1e-6 in the paper)
 * @param init     the first trial step (its upper bound under {@link InitialStep#QUADRATIC})
 * @param guess    how the first trial step is chosen: {@code constant} or {@code quadratic} ({@link InitialStep})
 * @param maxEvals the evaluations one step may make, at least 1
 */
public record HagerZhangLineSearch(double c1, double c2, double epsilon, double init, String guess,
                                   long maxEvals) implements Transform {
    /** The name in specs. */
    public static final String NAME = "hagerZhang";
    /** The open interval (0, 1/2) of delta. */
    public static final Range DELTA_RANGE = new Range(0, false, 0.5, false);
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("c1", 0.1, DELTA_RANGE, "delta: sufficient decrease, and"
                    + " phi'(a) <= (2 delta - 1) phi'(0) in the approximate Wolfe condition"),
            Hyperparameter.real("c2", 0.9, WolfeLineSearch.OPEN_UNIT, "sigma: phi'(a) >= sigma phi'(0), c1 <= c2"),
            Hyperparameter.real("epsilon", 1e-6, Range.NON_NEGATIVE,
                    "approximate Wolfe allows phi(a) <= phi(0) + epsilon |f|"),
            InitialStep.INIT,
            InitialStep.GUESS,
            Hyperparameter.integer("maxEvals", 50, Range.COUNT, "evaluations per step before the step fails"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<HagerZhangLineSearch> SIGNATURE = new Signature<>(
            HagerZhangLineSearch.class, NAME, HYPERPARAMETERS,
            "Hager-Zhang line search along the incoming direction (-g if it is not a descent direction): Wolfe or"
            + " approximate Wolfe, bracketing, double secant steps and bisection (Hager and Zhang, SIAM J. Optim."
            + " 2005, section 4)");
    /** The Hager-Zhang search with every default, the paper's constants. */
    public static final HagerZhangLineSearch DEFAULT = SIGNATURE.defaults();
    /** The expansion factor rho of the bracketing phase (B3). */
    private static final double EXPANSION = 5;
    /** The shrink gamma a double secant step must achieve, else the bracket is bisected (L2). */
    private static final double REQUIRED_SHRINK = 0.66;
    /** The point theta of [a, b] where U3 bisects. */
    private static final double BISECTION = 0.5;

    /** Checks every value against its hyperparameter, then delta &lt;= sigma. */
    public HagerZhangLineSearch {
        Hyperparameter.check(NAME, HYPERPARAMETERS, c1, c2, epsilon, init, guess, maxEvals);
        if (!(c1 <= c2)) {
            throw new OptimizerException(NAME + " needs c1 <= c2, got c1 = " + c1 + ", c2 = " + c2);
        }
    }

    /** This search with delta = c1. */
    public HagerZhangLineSearch c1(double c1) {
        return new HagerZhangLineSearch(c1, c2, epsilon, init, guess, maxEvals);
    }

    /** This search with sigma = c2. */
    public HagerZhangLineSearch c2(double c2) {
        return new HagerZhangLineSearch(c1, c2, epsilon, init, guess, maxEvals);
    }

    /** This search with the relative tolerance epsilon of the approximate Wolfe condition. */
    public HagerZhangLineSearch epsilon(double epsilon) {
        return new HagerZhangLineSearch(c1, c2, epsilon, init, guess, maxEvals);
    }

    /** This search with first trial step (or its cap) init. */
    public HagerZhangLineSearch init(double init) {
        return new HagerZhangLineSearch(c1, c2, epsilon, init, guess, maxEvals);
    }

    /** This search with the first trial step chosen by {@code guess}: {@code constant} or {@code quadratic}. */
    public HagerZhangLineSearch guess(String guess) {
        return new HagerZhangLineSearch(c1, c2, epsilon, init, guess, maxEvals);
    }

    /** This search with at most {@code maxEvals} evaluations per step. */
    public HagerZhangLineSearch maxEvals(long maxEvals) {
        return new HagerZhangLineSearch(c1, c2, epsilon, init, guess, maxEvals);
    }

    @Override
    public TransformState init(int dimension) {
        return new SearchState(NAME, maxEvals, dimension, guess) {
            // the bracket [a, b] with phi' at its ends, and the last trial with phi and phi'
            private double a;
            private double slopeA;
            private double b;
            private double slopeB;
            private double phiC;
            private double slopeC;
            /** phi(0) + eps |f(x)|, the level T2 and the updates allow. */
            private double level;
            private double accepted;

            @Override
            public void update(double[] direction, StepContext context) {
                if (!line.start(direction, context)) {
                    return;
                }
                level = line.value0() + epsilon * Math.abs(line.value0());
                double first = firstTrial(init);
                double alpha;
                try {
                    alpha = search(first);
                } catch (OptimizerException spent) {
                    if (!line.spentBelowRounding()) {
                        throw spent;
                    }
                    alpha = 0;
                }
                line.handOn(alpha);
                remember();
            }

            /** L0-L3: the accepted alpha, whose point is the last evaluated. */
            private double search(double first) {
                if (bracket(first)) {
                    return accepted;
                }
                while (true) {
                    if (line.cannotSplit(a, b)) {
                        return a;
                    }
                    double width = b - a;
                    if (doubleSecant()) {
                        return accepted;
                    }
                    if (b - a > REQUIRED_SHRINK * width && update(0.5 * (a + b))) {
                        return accepted;
                    }
                }
            }

            /** Evaluates phi and phi' at c into phiC, slopeC; true (and c accepted) if T1 or T2 holds there. */
            private boolean evaluate(double c) {
                phiC = line.valueAndSlope(c);
                slopeC = line.slope();
                double phi0 = line.value0();
                double slope0 = line.slope0();
                boolean curvature = slopeC >= c2 * slope0;
                boolean wolfe = phiC - phi0 <= c1 * c * slope0 && curvature;
                boolean approximate = (2 * c1 - 1) * slope0 >= slopeC && curvature && phiC <= level;
                if (wolfe || approximate) {
                    accepted = c;
                    return true;
                }
                return false;
            }

            /** B0-B3, from the first trial c; true if a trial was accepted, else [a, b] is a bracket. */
            private boolean bracket(double c) {
                a = 0;
                slopeA = line.slope0();
                while (true) {
                    if (evaluate(c)) {
                        return true;
                    }
                    if (slopeC >= 0) {                          // B1: a stays the last c with phi' < 0, phi low
                        setB(c);
                        return false;
                    }
                    if (!(phiC <= level)) {                     // B2: phi rose; a restarts from 0
                        a = 0;
                        slopeA = line.slope0();
                        setB(c);
                        return towardsSlopeChange();
                    }
                    a = c;                                      // B3: still falling, expand
                    slopeA = slopeC;
                    c = EXPANSION * c;
                }
            }

            /** S1-S4: a secant step, and a second one from the end it moved; true if a trial was accepted. */
            private boolean doubleSecant() {
                double oldA = a;
                double oldSlopeA = slopeA;
                double oldB = b;
                double oldSlopeB = slopeB;
                double c = secant(a, slopeA, b, slopeB);
                if (update(c)) {
                    return true;
                }
                if (c == b) {
                    return update(secant(oldB, oldSlopeB, b, slopeB));
                }
                if (c == a) {
                    return update(secant(oldA, oldSlopeA, a, slopeA));
                }
                return false;
            }

            /** U0-U3: the bracket with c in it; true if c (or a bisection point) was accepted. */
            private boolean update(double c) {
                if (!(a < c && c < b)) {                        // U0, a NaN secant included
                    return false;
                }
                if (evaluate(c)) {
                    return true;
                }
                if (slopeC >= 0) {                              // U1
                    setB(c);
                    return false;
                }
                if (phiC <= level) {                            // U2
                    a = c;
                    slopeA = slopeC;
                    return false;
                }
                setB(c);                                        // U3a
                return towardsSlopeChange();
            }

            /**
             * U3b-U3d on [a, b] where phi'(b) &lt; 0 but phi(b) is above the level: bisect (at theta) until the slope
             * turns; true if a bisection point was accepted.
             */
            private boolean towardsSlopeChange() {
                while (true) {
                    if (line.cannotSplit(a, b)) {
                        accepted = a;
                        return true;
                    }
                    double d = (1 - BISECTION) * a + BISECTION * b;
                    if (evaluate(d)) {
                        return true;
                    }
                    if (slopeC >= 0) {
                        setB(d);
                        return false;
                    }
                    if (phiC <= level) {
                        a = d;
                        slopeA = slopeC;
                    } else {
                        setB(d);
                    }
                }
            }

            private void setB(double c) {
                b = c;
                slopeB = slopeC;
            }
        };
    }

    /** The root of the line through (a, phi'(a)) and (b, phi'(b)): (a phi'(b) - b phi'(a)) / (phi'(b) - phi'(a)). */
    private static double secant(double a, double slopeA, double b, double slopeB) {
        return (a * slopeB - b * slopeA) / (slopeB - slopeA);
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
