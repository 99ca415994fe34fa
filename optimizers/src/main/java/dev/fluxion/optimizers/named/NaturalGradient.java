package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.PreconditionByMetric;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/**
 * Natural gradient, {@code natural(lr=eta, ...)}: x &lt;- x - eta_t (G + damping I)^-1 g with G the objective's metric,
 * such as its Fisher information (Amari, "Natural Gradient Works Efficiently in Learning", Neural Computation 10,
 * 1998). The chain {@code chain(preconditionByMetric(...), scale(lr))} ({@link PreconditionByMetric} has the
 * fallbacks for objectives without a metric).
 *
 * @param lr       eta_t
 * @param damping  lambda, at least 0, added to the metric's diagonal
 * @param fallback {@code none}, {@code hessian} or {@code identity}
 */
public record NaturalGradient(Schedule lr, double damping, String fallback) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.1, "step size");
    /** The name in specs. */
    public static final String NAME = "natural";
    /** The hyperparameters, in the order of the components and of specs: the learning rate, then the rule's. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(LR),
            PreconditionByMetric.HYPERPARAMETERS);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<NaturalGradient> SIGNATURE = new Signature<>(
            NaturalGradient.class, NAME, HYPERPARAMETERS,
            "natural gradient, x <- x - lr (G + damping I)^-1 g with G the objective's metric (Amari 1998)");
    /** Natural gradient with every default. */
    public static final NaturalGradient DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public NaturalGradient {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, damping, fallback);
    }

    /** This optimizer with a constant learning rate eta &gt; 0. */
    public NaturalGradient lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule eta_t. */
    public NaturalGradient lr(Schedule lr) {
        return new NaturalGradient(lr, damping, fallback);
    }

    /** This optimizer with lambda = {@code damping} added to the metric's diagonal. */
    public NaturalGradient damping(double damping) {
        return new NaturalGradient(lr, damping, fallback);
    }

    /** This optimizer with the metric {@code none}, {@code hessian} or {@code identity} when the objective has none. */
    public NaturalGradient fallback(String fallback) {
        return new NaturalGradient(lr, damping, fallback);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new PreconditionByMetric(damping, fallback), new ScaleByLearningRate(lr));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
