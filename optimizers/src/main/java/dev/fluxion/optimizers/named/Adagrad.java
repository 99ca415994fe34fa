package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByAdagrad;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/**
 * Adagrad, {@code adagrad(lr=eta, ...)}: the gradient over the root of the summed squared gradients (Duchi, Hazan and
 * Singer, "Adaptive Subgradient Methods for Online Learning and Stochastic Optimization", JMLR 2011). The chain
 * {@code chain(scaleByAdagrad(...), scale(lr))} ({@link ScaleByAdagrad} has the formulas and the formulation
 * options).
 *
 * @param lr                 eta_t
 * @param eps                denominator guard delta, at least 0
 * @param epsInsideSqrt      where eps goes
 * @param initialAccumulator the sum of squares at t = 0
 */
public record Adagrad(Schedule lr, double eps, boolean epsInsideSqrt, double initialAccumulator)
        implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.01, "step size eta");
    /** The name in specs. */
    public static final String NAME = "adagrad";
    /** The hyperparameters, in the order of the components and of specs: the learning rate, then the rule's. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(LR),
            ScaleByAdagrad.HYPERPARAMETERS);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Adagrad> SIGNATURE = new Signature<>(Adagrad.class, NAME, HYPERPARAMETERS,
            "Adagrad, gradient over the root of the summed squared gradients (Duchi, Hazan and Singer, JMLR 2011)");
    /** Adagrad with every default. */
    public static final Adagrad DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public Adagrad {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, eps, epsInsideSqrt, initialAccumulator);
    }

    /** This optimizer with a constant learning rate eta &gt; 0. */
    public Adagrad lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule eta_t. */
    public Adagrad lr(Schedule lr) {
        return new Adagrad(lr, eps, epsInsideSqrt, initialAccumulator);
    }

    /** This optimizer with denominator guard delta. */
    public Adagrad eps(double eps) {
        return new Adagrad(lr, eps, epsInsideSqrt, initialAccumulator);
    }

    /** This optimizer with eps inside the square root or outside it. */
    public Adagrad epsInsideSqrt(boolean epsInsideSqrt) {
        return new Adagrad(lr, eps, epsInsideSqrt, initialAccumulator);
    }

    /** This optimizer with the sum of squares starting at {@code initialAccumulator}. */
    public Adagrad initialAccumulator(double initialAccumulator) {
        return new Adagrad(lr, eps, epsInsideSqrt, initialAccumulator);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new ScaleByAdagrad(eps, epsInsideSqrt, initialAccumulator), new ScaleByLearningRate(lr));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
