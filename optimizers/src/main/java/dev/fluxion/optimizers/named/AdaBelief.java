package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByAdaBelief;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/**
 * AdaBelief, {@code adabelief(lr=alpha, ...)}: Adam whose second moment is that of the gradient's deviation from its
 * running mean (Zhuang et al., "AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed Gradients",
 * NeurIPS 2020). The chain
 * {@code chain(scaleByAdaBelief(...), scale(lr))} ({@link ScaleByAdaBelief} has the formulas and the formulation
 * options).
 *
 * @param lr      alpha_t
 * @param beta1   first-moment decay in [0, 1)
 * @param beta2   belief decay in [0, 1)
 * @param eps     denominator guard, at least 0
 * @param epsRoot added to the belief at every step, at least 0
 */
public record AdaBelief(Schedule lr, double beta1, double beta2, double eps, double epsRoot) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.001, "step size alpha");
    /** The name in specs. */
    public static final String NAME = "adabelief";
    /** The hyperparameters, in the order of the components and of specs: the learning rate, then the rule's. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(LR),
            ScaleByAdaBelief.HYPERPARAMETERS);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<AdaBelief> SIGNATURE = new Signature<>(AdaBelief.class, NAME, HYPERPARAMETERS,
            "AdaBelief, Adam scaled by the belief in observed gradients (Zhuang et al., NeurIPS 2020)");
    /** AdaBelief with every default (the authors' code's and optax's). */
    public static final AdaBelief DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public AdaBelief {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, beta1, beta2, eps, epsRoot);
    }

    /** This optimizer with a constant learning rate alpha &gt; 0. */
    public AdaBelief lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule alpha_t. */
    public AdaBelief lr(Schedule lr) {
        return new AdaBelief(lr, beta1, beta2, eps, epsRoot);
    }

    /** This optimizer with first-moment decay beta1. */
    public AdaBelief beta1(double beta1) {
        return new AdaBelief(lr, beta1, beta2, eps, epsRoot);
    }

    /** This optimizer with belief decay beta2. */
    public AdaBelief beta2(double beta2) {
        return new AdaBelief(lr, beta1, beta2, eps, epsRoot);
    }

    /** This optimizer with denominator guard eps. */
    public AdaBelief eps(double eps) {
        return new AdaBelief(lr, beta1, beta2, eps, epsRoot);
    }

    /** This optimizer with epsRoot added to the belief at every step. */
    public AdaBelief epsRoot(double epsRoot) {
        return new AdaBelief(lr, beta1, beta2, eps, epsRoot);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new ScaleByAdaBelief(beta1, beta2, eps, epsRoot), new ScaleByLearningRate(lr));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
