package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * RMSProp's direction, {@code scaleByRms(...)} (Tieleman and Hinton, Coursera lecture 6.5, 2012), plain or centered (Graves,
 * "Generating Sequences With Recurrent Neural Networks", 2013, eq. 38-41):
 * <pre>
 * s &lt;- rho s + (1 - rho) d^2                      mean square, starts at initialAccumulator
 * a &lt;- rho a + (1 - rho) d                        mean, centered only, starts at 0
 * w = s (plain)  or  w = s - a^2 (centered)
 * d &lt;- d / sqrt(w + eps)   (epsInsideSqrt = true: Graves 2013, TensorFlow; the default)
 * d &lt;- d / (sqrt(w) + eps) (epsInsideSqrt = false: PyTorch)
 * </pre>
 * The lecture gives no epsilon; Graves's eq. 40 is the first written form and puts it inside the root.
 * TensorFlow 1 started s at 1 ({@code initialAccumulator = 1}); PyTorch and optax start at 0, the default.
 *
 * @param decay              rho in [0, 1)
 * @param eps                eps &gt;= 0
 * @param epsInsideSqrt      where eps goes
 * @param centered           whether to divide by the estimated standard deviation instead of the root mean square
 * @param initialAccumulator s at t = 0
 */
public record ScaleByRms(double decay, double eps, boolean epsInsideSqrt, boolean centered,
                         double initialAccumulator) implements Transform {
    /** The name in specs. */
    public static final String NAME = "scaleByRms";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("decay", 0.9, Range.UNIT_HALF_OPEN, "mean-square decay rho (Tieleman and Hinton 2012)"),
            Hyperparameter.real("eps", 1e-8, Range.NON_NEGATIVE, "denominator guard epsilon"),
            Hyperparameter.bool("epsInsideSqrt", true, "true: g/sqrt(s+eps) (Graves 2013, TensorFlow); false: g/(sqrt(s)+eps) (PyTorch)"),
            Hyperparameter.bool("centered", false, "divide by sqrt(s - mean^2) instead of sqrt(s) (Graves 2013)"),
            Hyperparameter.real("initialAccumulator", 0, Range.NON_NEGATIVE, "mean square at t = 0 (0: PyTorch, optax; 1: TensorFlow 1)"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ScaleByRms> SIGNATURE = new Signature<>(ScaleByRms.class, NAME, HYPERPARAMETERS,
            "RMSProp's direction, d over a running root mean square, plain or centered (Tieleman and Hinton "
            + "2012; Graves 2013)");
    /** RMSProp's direction with every default. */
    public static final ScaleByRms DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public ScaleByRms {
        Hyperparameter.check(NAME, HYPERPARAMETERS, decay, eps, epsInsideSqrt, centered, initialAccumulator);
    }

    /** This direction with mean-square decay rho. */
    public ScaleByRms decay(double decay) {
        return new ScaleByRms(decay, eps, epsInsideSqrt, centered, initialAccumulator);
    }

    /** This direction with denominator guard eps. */
    public ScaleByRms eps(double eps) {
        return new ScaleByRms(decay, eps, epsInsideSqrt, centered, initialAccumulator);
    }

    /** This direction with eps inside the square root or outside it. */
    public ScaleByRms epsInsideSqrt(boolean epsInsideSqrt) {
        return new ScaleByRms(decay, eps, epsInsideSqrt, centered, initialAccumulator);
    }

    /** This direction centered (over the estimated standard deviation) or plain. */
    public ScaleByRms centered(boolean centered) {
        return new ScaleByRms(decay, eps, epsInsideSqrt, centered, initialAccumulator);
    }

    /** This direction with the mean square starting at {@code initialAccumulator}. */
    public ScaleByRms initialAccumulator(double initialAccumulator) {
        return new ScaleByRms(decay, eps, epsInsideSqrt, centered, initialAccumulator);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[] meanSquare = buffer("meanSquare", dimension, initialAccumulator);
            private final double[] mean = centered ? buffer("mean", dimension, 0) : null;

            @Override
            public void update(double[] direction, StepContext context) {
                for (int i = 0; i < direction.length; i++) {
                    double g = direction[i];
                    meanSquare[i] = decay * meanSquare[i] + (1 - decay) * g * g;
                    double w = meanSquare[i];
                    if (centered) {
                        mean[i] = decay * mean[i] + (1 - decay) * g;
                        w -= mean[i] * mean[i];
                    }
                    direction[i] = epsInsideSqrt ? g / Math.sqrt(w + eps) : g / (Math.sqrt(w) + eps);
                }
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
