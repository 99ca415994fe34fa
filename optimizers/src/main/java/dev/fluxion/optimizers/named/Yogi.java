package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import dev.fluxion.optimizers.transform.ScaleByYogi;
import java.util.List;

/**
 * Yogi, {@code yogi(lr=alpha, ...)}: Adam whose second moment changes additively, by at most (1 - beta2) g^2 a step
 * (Zaheer et al., "Adaptive Methods for Nonconvex Optimization", NeurIPS 2018). The chain
 * {@code chain(scaleByYogi(...), scale(lr))} ({@link ScaleByYogi} has the formulas and the formulation options).
 *
 * @param lr                 alpha_t
 * @param beta1              first-moment decay in [0, 1)
 * @param beta2              second-moment rate in [0, 1)
 * @param eps                denominator guard, at least 0
 * @param initialAccumulator v at t = 0, at least 0
 * @param initialMomentum    m at t = 0, at least 0
 * @param biasCorrection     whether to divide the moments by 1 - beta^t
 */
public record Yogi(Schedule lr, double beta1, double beta2, double eps, double initialAccumulator,
                   double initialMomentum, boolean biasCorrection) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.01,
            "step size alpha (Zaheer et al.'s default 0.01)");
    /** The name in specs. */
    public static final String NAME = "yogi";
    /** The hyperparameters, in the order of the components and of specs: the learning rate, then the rule's. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(LR),
            ScaleByYogi.HYPERPARAMETERS);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Yogi> SIGNATURE = new Signature<>(Yogi.class, NAME, HYPERPARAMETERS,
            "Yogi, Adam with an additive second-moment update (Zaheer et al., NeurIPS 2018)");
    /** Yogi with every default (the paper's lr, eps and v0; optax's form). */
    public static final Yogi DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public Yogi {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, beta1, beta2, eps, initialAccumulator, initialMomentum,
                biasCorrection);
    }

    /** This optimizer with a constant learning rate alpha &gt; 0. */
    public Yogi lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule alpha_t. */
    public Yogi lr(Schedule lr) {
        return new Yogi(lr, beta1, beta2, eps, initialAccumulator, initialMomentum, biasCorrection);
    }

    /** This optimizer with first-moment decay beta1. */
    public Yogi beta1(double beta1) {
        return new Yogi(lr, beta1, beta2, eps, initialAccumulator, initialMomentum, biasCorrection);
    }

    /** This optimizer with second-moment rate beta2. */
    public Yogi beta2(double beta2) {
        return new Yogi(lr, beta1, beta2, eps, initialAccumulator, initialMomentum, biasCorrection);
    }

    /** This optimizer with denominator guard eps. */
    public Yogi eps(double eps) {
        return new Yogi(lr, beta1, beta2, eps, initialAccumulator, initialMomentum, biasCorrection);
    }

    /** This optimizer with v starting at {@code initialAccumulator}. */
    public Yogi initialAccumulator(double initialAccumulator) {
        return new Yogi(lr, beta1, beta2, eps, initialAccumulator, initialMomentum, biasCorrection);
    }

    /** This optimizer with m starting at {@code initialMomentum}. */
    public Yogi initialMomentum(double initialMomentum) {
        return new Yogi(lr, beta1, beta2, eps, initialAccumulator, initialMomentum, biasCorrection);
    }

    /** This optimizer with or without the bias correction 1 - beta^t. */
    public Yogi biasCorrection(boolean biasCorrection) {
        return new Yogi(lr, beta1, beta2, eps, initialAccumulator, initialMomentum, biasCorrection);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new ScaleByYogi(beta1, beta2, eps, initialAccumulator, initialMomentum,
                biasCorrection), new ScaleByLearningRate(lr));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
