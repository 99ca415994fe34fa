package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import dev.fluxion.optimizers.transform.ScaleByRadam;
import java.util.List;

/**
 * RAdam, {@code radam(lr=alpha, ...)}: Adam with its adaptive step rectified by the variance of the second-moment
 * estimate, and momentum alone while that variance is intractable (Liu et al., "On the Variance of the Adaptive
 * Learning Rate and Beyond", ICLR 2020). The chain
 * {@code chain(scaleByRadam(...), scale(lr))} ({@link ScaleByRadam} has the formulas and the formulation options).
 *
 * @param lr           alpha_t
 * @param beta1        first-moment decay in [0, 1)
 * @param beta2        second-moment decay in [0, 1)
 * @param eps          denominator guard, at least 0
 * @param threshold    the rho_t above which the step is rectified, at least 4
 * @param epsOnRawRoot whether eps is added to sqrt(v) before its bias correction (PyTorch) or after (optax)
 */
public record Radam(Schedule lr, double beta1, double beta2, double eps, double threshold,
                    boolean epsOnRawRoot) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.001, "step size alpha");
    /** The name in specs. */
    public static final String NAME = "radam";
    /** The hyperparameters, in the order of the components and of specs: the learning rate, then the rule's. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(LR),
            ScaleByRadam.HYPERPARAMETERS);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Radam> SIGNATURE = new Signature<>(Radam.class, NAME, HYPERPARAMETERS,
            "RAdam, Adam with a rectified adaptive step (Liu et al., ICLR 2020)");
    /** RAdam with every default (PyTorch's). */
    public static final Radam DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public Radam {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, beta1, beta2, eps, threshold, epsOnRawRoot);
    }

    /** This optimizer with a constant learning rate alpha &gt; 0. */
    public Radam lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule alpha_t. */
    public Radam lr(Schedule lr) {
        return new Radam(lr, beta1, beta2, eps, threshold, epsOnRawRoot);
    }

    /** This optimizer with first-moment decay beta1. */
    public Radam beta1(double beta1) {
        return new Radam(lr, beta1, beta2, eps, threshold, epsOnRawRoot);
    }

    /** This optimizer with second-moment decay beta2. */
    public Radam beta2(double beta2) {
        return new Radam(lr, beta1, beta2, eps, threshold, epsOnRawRoot);
    }

    /** This optimizer with denominator guard eps. */
    public Radam eps(double eps) {
        return new Radam(lr, beta1, beta2, eps, threshold, epsOnRawRoot);
    }

    /** This optimizer rectified when rho_t exceeds {@code threshold}, at least 4. */
    public Radam threshold(double threshold) {
        return new Radam(lr, beta1, beta2, eps, threshold, epsOnRawRoot);
    }

    /** This optimizer with eps added to sqrt(v) before its bias correction (PyTorch) or after it (optax). */
    public Radam epsOnRawRoot(boolean epsOnRawRoot) {
        return new Radam(lr, beta1, beta2, eps, threshold, epsOnRawRoot);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new ScaleByRadam(beta1, beta2, eps, threshold, epsOnRawRoot),
                new ScaleByLearningRate(lr));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
