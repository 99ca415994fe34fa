package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import dev.fluxion.optimizers.transform.ScaleByNadam;
import java.util.List;

/**
 * NAdam, {@code nadam(lr=alpha, ...)}: Adam with Nesterov's look-ahead in its first moment (Dozat, "Incorporating
 * Nesterov Momentum into Adam", ICLR 2016 workshop). The chain
 * {@code chain(scaleByNadam(...), scale(lr))} ({@link ScaleByNadam} has the formulas and the formulation options).
 *
 * @param lr               alpha_t
 * @param beta1            first-moment decay in [0, 1)
 * @param beta2            second-moment decay in [0, 1)
 * @param eps              denominator guard, at least 0
 * @param momentumDecay    psi in Dozat's momentum schedule, at least 0
 * @param momentumSchedule Dozat's schedule mu_t (PyTorch) or a constant beta1 (optax)
 */
public record Nadam(Schedule lr, double beta1, double beta2, double eps, double momentumDecay,
                    boolean momentumSchedule) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.002,
            "step size alpha (PyTorch's default 0.002)");
    /** The name in specs. */
    public static final String NAME = "nadam";
    /** The hyperparameters, in the order of the components and of specs: the learning rate, then the rule's. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(LR),
            ScaleByNadam.HYPERPARAMETERS);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Nadam> SIGNATURE = new Signature<>(Nadam.class, NAME, HYPERPARAMETERS,
            "NAdam, Adam with Nesterov momentum (Dozat, ICLR 2016 workshop)");
    /** NAdam with every default (PyTorch's). */
    public static final Nadam DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public Nadam {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, beta1, beta2, eps, momentumDecay, momentumSchedule);
    }

    /** This optimizer with a constant learning rate alpha &gt; 0. */
    public Nadam lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule alpha_t. */
    public Nadam lr(Schedule lr) {
        return new Nadam(lr, beta1, beta2, eps, momentumDecay, momentumSchedule);
    }

    /** This optimizer with first-moment decay beta1. */
    public Nadam beta1(double beta1) {
        return new Nadam(lr, beta1, beta2, eps, momentumDecay, momentumSchedule);
    }

    /** This optimizer with second-moment decay beta2. */
    public Nadam beta2(double beta2) {
        return new Nadam(lr, beta1, beta2, eps, momentumDecay, momentumSchedule);
    }

    /** This optimizer with denominator guard eps. */
    public Nadam eps(double eps) {
        return new Nadam(lr, beta1, beta2, eps, momentumDecay, momentumSchedule);
    }

    /** This optimizer with psi in Dozat's momentum schedule. */
    public Nadam momentumDecay(double momentumDecay) {
        return new Nadam(lr, beta1, beta2, eps, momentumDecay, momentumSchedule);
    }

    /** This optimizer with Dozat's momentum schedule (PyTorch) or a constant beta1 (optax). */
    public Nadam momentumSchedule(boolean momentumSchedule) {
        return new Nadam(lr, beta1, beta2, eps, momentumDecay, momentumSchedule);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new ScaleByNadam(beta1, beta2, eps, momentumDecay, momentumSchedule),
                new ScaleByLearningRate(lr));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
