package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByAdam;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/**
 * Adam, {@code adam(lr=alpha, ...)} (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015,
 * Algorithm 1): bias-corrected estimates of the gradient's first and second moments, x &lt;- x - alpha_t mHat /
 * (sqrt(vHat) + eps). The chain {@code chain(scaleByAdam(...), scale(lr))} ({@link ScaleByAdam} has the formulas and
 * the formulation options); a run steps it in one fused pass with the chain's bits.
 *
 * @param lr             alpha_t
 * @param beta1          first-moment decay in [0, 1)
 * @param beta2          second-moment decay in [0, 1)
 * @param eps            denominator guard, at least 0
 * @param epsInsideSqrt  where eps goes
 * @param biasCorrection whether to divide the moments by 1 - beta^t
 */
public record Adam(Schedule lr, double beta1, double beta2, double eps, boolean epsInsideSqrt, boolean biasCorrection)
        implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.001, "step size alpha");
    /** The name in specs. */
    public static final String NAME = "adam";
    /** The hyperparameters, in the order of the components and of specs: the learning rate, then Adam's moments'. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(LR),
            ScaleByAdam.HYPERPARAMETERS);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Adam> SIGNATURE = new Signature<>(Adam.class, NAME, HYPERPARAMETERS,
            "Adam, bias-corrected moment estimates (Kingma and Ba, ICLR 2015)");
    /** Adam with every default, the paper's. */
    public static final Adam DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public Adam {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, beta1, beta2, eps, epsInsideSqrt, biasCorrection);
    }

    /** This optimizer with a constant learning rate alpha &gt; 0. */
    public Adam lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule alpha_t. */
    public Adam lr(Schedule lr) {
        return new Adam(lr, beta1, beta2, eps, epsInsideSqrt, biasCorrection);
    }

    /** This optimizer with first-moment decay beta1. */
    public Adam beta1(double beta1) {
        return new Adam(lr, beta1, beta2, eps, epsInsideSqrt, biasCorrection);
    }

    /** This optimizer with second-moment decay beta2. */
    public Adam beta2(double beta2) {
        return new Adam(lr, beta1, beta2, eps, epsInsideSqrt, biasCorrection);
    }

    /** This optimizer with denominator guard eps. */
    public Adam eps(double eps) {
        return new Adam(lr, beta1, beta2, eps, epsInsideSqrt, biasCorrection);
    }

    /** This optimizer with eps inside the square root or outside it. */
    public Adam epsInsideSqrt(boolean epsInsideSqrt) {
        return new Adam(lr, beta1, beta2, eps, epsInsideSqrt, biasCorrection);
    }

    /** This optimizer with or without the bias correction 1 - beta^t. */
    public Adam biasCorrection(boolean biasCorrection) {
        return new Adam(lr, beta1, beta2, eps, epsInsideSqrt, biasCorrection);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new ScaleByAdam(beta1, beta2, eps, epsInsideSqrt, biasCorrection),
                new ScaleByLearningRate(lr));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
