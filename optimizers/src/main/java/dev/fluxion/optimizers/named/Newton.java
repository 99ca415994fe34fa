package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.PreconditionByHessian;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/**
 * Damped Newton, {@code newton(lr=eta, ...)}: x &lt;- x - eta_t H^-1 g, with a remedy for indefinite Hessians (Nocedal
 * and Wright, "Numerical Optimization", 2nd ed., 2006, chapter 3); eta = 1 is the full Newton step. The chain
 * {@code chain(preconditionByHessian(...), scale(lr))} ({@link PreconditionByHessian} has the remedies).
 *
 * @param lr         eta_t
 * @param indefinite {@code shift}, {@code abs} or {@code fail}
 * @param minShift   beta &gt; 0, the smallest shift and the smallest |eigenvalue|
 */
public record Newton(Schedule lr, String indefinite, double minShift) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(1.0, "damping factor; 1 is the full Newton step");
    /** The name in specs. */
    public static final String NAME = "newton";
    /** The hyperparameters, in the order of the components and of specs: the learning rate, then the rule's. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(LR),
            PreconditionByHessian.HYPERPARAMETERS);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Newton> SIGNATURE = new Signature<>(Newton.class, NAME, HYPERPARAMETERS,
            "damped Newton, x <- x - lr H^-1 g, with a remedy for indefinite Hessians (Nocedal and Wright 2006, "
            + "ch. 3)");
    /** Damped Newton with every default: the full step, indefinite Hessians shifted. */
    public static final Newton DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public Newton {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, indefinite, minShift);
    }

    /** This optimizer with a constant learning rate eta &gt; 0. */
    public Newton lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule eta_t. */
    public Newton lr(Schedule lr) {
        return new Newton(lr, indefinite, minShift);
    }

    /** This optimizer with the remedy {@code shift}, {@code abs} or {@code fail} for indefinite Hessians. */
    public Newton indefinite(String indefinite) {
        return new Newton(lr, indefinite, minShift);
    }

    /** This optimizer with beta = {@code minShift}. */
    public Newton minShift(double minShift) {
        return new Newton(lr, indefinite, minShift);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new PreconditionByHessian(indefinite, minShift), new ScaleByLearningRate(lr));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
