package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByAdamax;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/**
 * Adamax, {@code adamax(lr=alpha, ...)}: Adam with the infinity norm in place of the second moment (Kingma and Ba,
 * "Adam: A Method for Stochastic Optimization", ICLR 2015, section 7.1). The chain
 * {@code chain(scaleByAdamax(...), scale(lr))} ({@link ScaleByAdamax} has the formulas and the formulation options).
 *
 * @param lr           alpha_t
 * @param beta1        first-moment decay in [0, 1)
 * @param beta2        infinity-norm decay in [0, 1)
 * @param eps          denominator guard, at least 0
 * @param epsInsideMax whether eps goes inside the maximum (PyTorch, optax) or in the denominator (Keras)
 */
public record Adamax(Schedule lr, double beta1, double beta2, double eps,
                     boolean epsInsideMax) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.002,
            "step size alpha (Kingma and Ba's and PyTorch's default 0.002)");
    /** The name in specs. */
    public static final String NAME = "adamax";
    /** The hyperparameters, in the order of the components and of specs: the learning rate, then the rule's. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(LR),
            ScaleByAdamax.HYPERPARAMETERS);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Adamax> SIGNATURE = new Signature<>(Adamax.class, NAME, HYPERPARAMETERS,
            "Adamax, Adam with the infinity norm (Kingma and Ba, ICLR 2015, section 7.1)");
    /** Adamax with every default (the paper's and PyTorch's). */
    public static final Adamax DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public Adamax {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, beta1, beta2, eps, epsInsideMax);
    }

    /** This optimizer with a constant learning rate alpha &gt; 0. */
    public Adamax lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule alpha_t. */
    public Adamax lr(Schedule lr) {
        return new Adamax(lr, beta1, beta2, eps, epsInsideMax);
    }

    /** This optimizer with first-moment decay beta1. */
    public Adamax beta1(double beta1) {
        return new Adamax(lr, beta1, beta2, eps, epsInsideMax);
    }

    /** This optimizer with infinity-norm decay beta2. */
    public Adamax beta2(double beta2) {
        return new Adamax(lr, beta1, beta2, eps, epsInsideMax);
    }

    /** This optimizer with denominator guard eps. */
    public Adamax eps(double eps) {
        return new Adamax(lr, beta1, beta2, eps, epsInsideMax);
    }

    /** This optimizer with eps inside the maximum (PyTorch, optax) or in the denominator (Keras). */
    public Adamax epsInsideMax(boolean epsInsideMax) {
        return new Adamax(lr, beta1, beta2, eps, epsInsideMax);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new ScaleByAdamax(beta1, beta2, eps, epsInsideMax), new ScaleByLearningRate(lr));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
