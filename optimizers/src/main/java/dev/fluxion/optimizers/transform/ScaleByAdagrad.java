package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * Adagrad's direction, {@code scaleByAdagrad(...)} (Duchi, Hazan and Singer, "Adaptive Subgradient Methods", JMLR 2011, the diagonal
 * update of section 1.1 with H_t = delta I + diag(G_t)^(1/2)):
 * <pre>
 * G &lt;- G + d^2                     starts at initialAccumulator (0 in the paper and PyTorch, 0.1 in TensorFlow)
 * d &lt;- d / (sqrt(G) + eps)          epsInsideSqrt = false, the paper's delta (default)
 * d &lt;- d / sqrt(G + eps)            epsInsideSqrt = true
 * </pre>
 *
 * @param eps                delta &gt;= 0
 * @param epsInsideSqrt      where eps goes
 * @param initialAccumulator G at t = 0
 */
public record ScaleByAdagrad(double eps, boolean epsInsideSqrt, double initialAccumulator) implements Transform {
    /** The name in specs. */
    public static final String NAME = "scaleByAdagrad";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("eps", 1e-10, Range.NON_NEGATIVE, "denominator guard delta"),
            Hyperparameter.bool("epsInsideSqrt", false, "false: g/(sqrt(G)+eps) (Duchi et al. 2011); true: g/sqrt(G+eps)"),
            Hyperparameter.real("initialAccumulator", 0, Range.NON_NEGATIVE, "G at t = 0 (0: Duchi et al., PyTorch; 0.1: TensorFlow)"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ScaleByAdagrad> SIGNATURE = new Signature<>(
            ScaleByAdagrad.class, NAME, HYPERPARAMETERS,
            "Adagrad's direction, d over the root of the summed squares (Duchi, Hazan and Singer, JMLR 2011)");
    /** Adagrad's direction with every default. */
    public static final ScaleByAdagrad DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public ScaleByAdagrad {
        Hyperparameter.check(NAME, HYPERPARAMETERS, eps, epsInsideSqrt, initialAccumulator);
    }

    /** This direction with denominator guard delta. */
    public ScaleByAdagrad eps(double eps) {
        return new ScaleByAdagrad(eps, epsInsideSqrt, initialAccumulator);
    }

    /** This direction with eps inside the square root or outside it. */
    public ScaleByAdagrad epsInsideSqrt(boolean epsInsideSqrt) {
        return new ScaleByAdagrad(eps, epsInsideSqrt, initialAccumulator);
    }

    /** This direction with the sum of squares starting at {@code initialAccumulator}. */
    public ScaleByAdagrad initialAccumulator(double initialAccumulator) {
        return new ScaleByAdagrad(eps, epsInsideSqrt, initialAccumulator);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[] sumOfSquares = buffer("sumOfSquares", dimension, initialAccumulator);

            @Override
            public void update(double[] direction, StepContext context) {
                for (int i = 0; i < direction.length; i++) {
                    double g = direction[i];
                    sumOfSquares[i] += g * g;
                    direction[i] = epsInsideSqrt ? g / Math.sqrt(sumOfSquares[i] + eps)
                            : g / (Math.sqrt(sumOfSquares[i]) + eps);
                }
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
