package dev.fluxion.optimizers.named;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByAdam;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import dev.fluxion.optimizers.transform.WeightDecay;
import java.util.List;

/**
 * AdamW, {@code adamw(lr=alpha, weightDecay=lambda, ...)}: Adam with decoupled weight decay, x &lt;- x - alpha_t
 * (adam + lambda x) (Loshchilov and Hutter, "Decoupled Weight Decay Regularization", ICLR 2019, Algorithm 2). The
 * chain {@code chain(scaleByAdam(..., biasCorrection=true), weightDecay(rate=lambda), scale(lr))}.
 *
 * @param lr            alpha_t
 * @param beta1         first-moment decay in [0, 1)
 * @param beta2         second-moment decay in [0, 1)
 * @param eps           denominator guard, at least 0
 * @param epsInsideSqrt where eps goes
 * @param weightDecay   lambda, at least 0, per unit learning rate
 */
public record AdamW(Schedule lr, double beta1, double beta2, double eps, boolean epsInsideSqrt, double weightDecay)
        implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.001, "step size alpha");
    /** The name in specs. */
    public static final String NAME = "adamw";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(LR),
            ScaleByAdam.HYPERPARAMETERS.subList(0, 4), List.of(Hyperparameter.real("weightDecay", 0.01,
                    Range.NON_NEGATIVE, "decoupled decay lambda, per unit lr")));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<AdamW> SIGNATURE = new Signature<>(AdamW.class, NAME, HYPERPARAMETERS,
            "Adam with decoupled weight decay, x <- x - lr (adam + lambda x) (Loshchilov and Hutter, ICLR 2019)");
    /** AdamW with every default. */
    public static final AdamW DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public AdamW {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, beta1, beta2, eps, epsInsideSqrt, weightDecay);
    }

    /** This optimizer with a constant learning rate alpha &gt; 0. */
    public AdamW lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule alpha_t. */
    public AdamW lr(Schedule lr) {
        return new AdamW(lr, beta1, beta2, eps, epsInsideSqrt, weightDecay);
    }

    /** This optimizer with first-moment decay beta1. */
    public AdamW beta1(double beta1) {
        return new AdamW(lr, beta1, beta2, eps, epsInsideSqrt, weightDecay);
    }

    /** This optimizer with second-moment decay beta2. */
    public AdamW beta2(double beta2) {
        return new AdamW(lr, beta1, beta2, eps, epsInsideSqrt, weightDecay);
    }

    /** This optimizer with denominator guard eps. */
    public AdamW eps(double eps) {
        return new AdamW(lr, beta1, beta2, eps, epsInsideSqrt, weightDecay);
    }

    /** This optimizer with eps inside the square root or outside it. */
    public AdamW epsInsideSqrt(boolean epsInsideSqrt) {
        return new AdamW(lr, beta1, beta2, eps, epsInsideSqrt, weightDecay);
    }

    /** This optimizer with decoupled decay lambda. */
    public AdamW weightDecay(double weightDecay) {
        return new AdamW(lr, beta1, beta2, eps, epsInsideSqrt, weightDecay);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new ScaleByAdam(beta1, beta2, eps, epsInsideSqrt, true), new WeightDecay(weightDecay),
                new ScaleByLearningRate(lr));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
