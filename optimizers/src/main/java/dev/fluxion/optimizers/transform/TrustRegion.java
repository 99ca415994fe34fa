package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.OptimizerException;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.Arrays;
import java.util.List;

/**
 * One iteration of a trust-region Newton method, {@code trustRegion(method=steihaug|dogleg, radius=..., maxRadius=...,
 * eta=..., cgTolerance=...)} (Nocedal and Wright, "Numerical Optimization", 2nd ed., 2006, Algorithm 4.1). With the
 * model m(p) = f + g'p + 1/2 p'H p from the objective's Hessian H at x and the radius Delta_k:
 * <pre>
 *   p     = an approximate minimizer of m within ||p||_2 &lt;= Delta_k      (method)
 *   rho   = (f(x) - f(x + p)) / (m(0) - m(p))        (both shifted by f's rounding, see below)
 *   Delta_{k+1} = Delta_k / 4                if rho &lt; 1/4
 *               = min(2 Delta_k, maxRadius)  if rho &gt; 3/4 and ||p|| = Delta_k
 *               = Delta_k                    otherwise
 *   u     = p if rho &gt; eta, else 0 (the step is rejected and x stays where it is)
 * </pre>
 * {@code method} names the subproblem's solver: {@code steihaug}, truncated conjugate gradients
 * ({@link SteihaugConjugateGradient}, scipy's {@code trust-ncg}), which copes with indefinite Hessians, or
 * {@code dogleg} ({@link DoglegStep}, scipy's {@code dogleg}), which needs a positive-definite one and takes the
 * Cauchy point where H is not. The defaults are scipy's ({@code _minimize_trust_region}): Delta_0 = 1,
 * maxRadius = 1000, eta = 0.15, and its CG tolerance min(0.5, sqrt(||g||)) ||g||.
 *
 * <p>Each step evaluates the Hessian at x ({@link StepContext#hessian(double[], double[][], String)}) and f with its
 * gradient at the trial point x + p ({@link StepContext#valueAndGradient(double[], double[])}), so an accepted step's
 * trial is the next step's evaluation, reused. A rejected step costs the trial and, in the next step, f and g at x
 * again; the Hessian at the same x is kept from the rejected step (scratch, not saved: a restored run evaluates it
 * again, so its Hessian count may be one higher). A trial value that is not a number (outside f's domain) or a
 * predicted decrease that is not positive rejects the step (scipy stops there; the run goes on with a smaller radius).
 * Near a minimizer whose f is not 0, f's rounding (about 1e-16 |f|) swamps both decreases and rho becomes noise that
 * rejects step after step; so both are shifted by delta = 10 ulp(f(x)) first, rho = (actual + delta) / (predicted +
 * delta), which tends to 1 where f cannot resolve the step and changes nothing where it can (Conn, Gould and Toint,
 * "Trust-Region Methods", SIAM, 2000, chapter 17, give this remedy; scipy has none). At g = 0 nothing is evaluated and
 * u = 0.
 *
 * <p>The transform reads the raw gradient and the Hessian, not the incoming direction, which it replaces: the model
 * must be f's own for rho to compare like with like, so it belongs first in a chain. The radius Delta_k is the one
 * saved buffer, {@code radius}.
 *
 * @param method      {@code steihaug} or {@code dogleg}
 * @param radius      Delta_0 &gt; 0, the first radius, below maxRadius
 * @param maxRadius   the largest radius
 * @param eta         the acceptance threshold, 0 &lt;= eta &lt; 1/4
 * @param cgTolerance the cap of the CG forcing term, in (0, 1) (steihaug only)
 */
public record TrustRegion(String method, double radius, double maxRadius, double eta, double cgTolerance)
        implements Transform {
    /** The name in specs. */
    public static final String NAME = "trustRegion";
    /** The hyperparameters, in the order of the components and of specs; newton-tr's too. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.choice("method", "steihaug", List.of("steihaug", "dogleg"),
                    "steihaug: truncated CG (N&W Alg. 7.2, scipy trust-ncg); dogleg: Powell's dogleg (N&W 4.1, scipy"
                            + " dogleg), the Cauchy point where H is not positive definite"),
            Hyperparameter.real("radius", 1.0, Range.POSITIVE, "the first trust radius Delta_0, below maxRadius"),
            Hyperparameter.real("maxRadius", 1000.0, Range.POSITIVE, "the largest trust radius"),
            Hyperparameter.real("eta", 0.15, new Range(0, true, 0.25, false),
                    "a step is accepted when rho = actual / predicted decrease > eta"),
            Hyperparameter.real("cgTolerance", 0.5, new Range(0, false, 1, false),
                    "steihaug: CG stops at ||r|| < min(cgTolerance, sqrt(||g||)) ||g||"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<TrustRegion> SIGNATURE = new Signature<>(TrustRegion.class, NAME, HYPERPARAMETERS,
            "one trust-region iteration on the Hessian's model: step, ratio rho, radius update, accept or reject"
            + " (Nocedal and Wright 2006, Algorithm 4.1)");
    /** The trust region with every default (scipy's). */
    public static final TrustRegion DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter, then radius &lt; maxRadius. */
    public TrustRegion {
        Hyperparameter.check(NAME, HYPERPARAMETERS, method, radius, maxRadius, eta, cgTolerance);
        checkRadii(NAME, radius, maxRadius);
    }

    /**
     * Checks 0 &lt; radius &lt; maxRadius (N&amp;W Algorithm 4.1: Delta_0 in (0, maxRadius)).
     *
     * @param owner the optimizer's or transform's name, for the message
     */
    public static void checkRadii(String owner, double radius, double maxRadius) {
        if (!(radius < maxRadius)) {
            throw new OptimizerException(owner + " needs radius < maxRadius, got radius = " + radius
                    + ", maxRadius = " + maxRadius);
        }
    }

    /** This trust region with the subproblem's solver {@code steihaug} or {@code dogleg}. */
    public TrustRegion method(String method) {
        return new TrustRegion(method, radius, maxRadius, eta, cgTolerance);
    }

    /** This trust region with the first radius Delta_0. */
    public TrustRegion radius(double radius) {
        return new TrustRegion(method, radius, maxRadius, eta, cgTolerance);
    }

    /** This trust region with the largest radius {@code maxRadius}. */
    public TrustRegion maxRadius(double maxRadius) {
        return new TrustRegion(method, radius, maxRadius, eta, cgTolerance);
    }

    /** This trust region accepting a step when rho &gt; eta. */
    public TrustRegion eta(double eta) {
        return new TrustRegion(method, radius, maxRadius, eta, cgTolerance);
    }

    /** This trust region with the CG forcing term's cap {@code cgTolerance}. */
    public TrustRegion cgTolerance(double cgTolerance) {
        return new TrustRegion(method, radius, maxRadius, eta, cgTolerance);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final int n = dimension;
            private final double[] trustRadius = buffer("radius", 1, radius);
            private final TrustRegionSubproblem subproblem = method.equals("dogleg") ? new DoglegStep(n)
                    : new SteihaugConjugateGradient(n, cgTolerance);
            private final double[][] hessian = new double[n][n];
            /** Where {@link #hessian} was evaluated (x and g there), so a rejected step's next try reuses it. */
            private final double[] hessianPoint = new double[n];
            private final double[] hessianGradient = new double[n];
            private boolean hessianKnown;
            private final double[] step = new double[n];
            private final double[] trialPoint = new double[n];
            private final double[] trialGradient = new double[n];

            @Override
            public void update(double[] direction, StepContext context) {
                double[] x = context.point();
                double[] g = context.gradient();
                if (isZero(g)) {
                    Arrays.fill(direction, 0);
                    return;
                }
                hessianAt(x, g, context);
                double delta = trustRadius[0];
                boolean onBoundary = subproblem.solve(g, hessian, delta, step);
                double predicted = predictedDecrease(g);
                if (Double.isNaN(predicted)) {
                    throw OptimizerException.atStep(NAME + ": the model's predicted decrease is NaN at step "
                            + context.step() + " (is the Hessian finite?); x was left unchanged", context.step(), -1);
                }
                for (int i = 0; i < n; i++) {
                    trialPoint[i] = x[i] + step[i];
                }
                double value = context.value();
                double actual = value - context.valueAndGradient(trialPoint, trialGradient);
                // both decreases shifted by f's rounding, so that where f cannot resolve them rho tends to 1, not to
                // noise (Conn, Gould and Toint's remedy)
                double rounding = 10 * Math.ulp(value);
                double rho = predicted + rounding > 0 ? (actual + rounding) / (predicted + rounding)
                        : Double.NEGATIVE_INFINITY;
                if (!(rho >= 0.25)) {
                    trustRadius[0] = 0.25 * delta;
                } else if (rho > 0.75 && onBoundary) {
                    trustRadius[0] = Math.min(2 * delta, maxRadius);
                }
                if (rho > eta) {
                    System.arraycopy(step, 0, direction, 0, n);
                } else {
                    // -0.0, not 0: x_i + (-0.0) is x_i bit for bit, -0.0 included
                    Arrays.fill(direction, -0.0);
                }
            }

            private boolean isZero(double[] g) {
                for (double component : g) {
                    if (component != 0) {
                        return false;
                    }
                }
                return true;
            }

            private void hessianAt(double[] x, double[] g, StepContext context) {
                if (hessianKnown && Arrays.equals(hessianPoint, x) && Arrays.equals(hessianGradient, g)) {
                    return;
                }
                context.hessian(x, hessian, NAME);
                System.arraycopy(x, 0, hessianPoint, 0, n);
                System.arraycopy(g, 0, hessianGradient, 0, n);
                hessianKnown = true;
            }

            /** m(0) - m(p) = -(g'p + p'H p / 2). */
            private double predictedDecrease(double[] g) {
                double gp = 0;
                double pHp = 0;
                for (int i = 0; i < n; i++) {
                    double hp = 0;
                    double[] row = hessian[i];
                    for (int j = 0; j < n; j++) {
                        hp += row[j] * step[j];
                    }
                    gp += g[i] * step[i];
                    pHp += step[i] * hp;
                }
                return -(gp + 0.5 * pHp);
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
