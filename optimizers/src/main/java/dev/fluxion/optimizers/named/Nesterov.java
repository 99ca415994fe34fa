package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.Trace;
import java.util.List;

/**
 * Nesterov's accelerated gradient, {@code nesterov(lr=eta, momentum=beta)} (Nesterov, 1983), in the momentum form of
 * Sutskever et al. (ICML 2013, eq. 3-4) rewritten so that the gradient is taken at x rather than at the look-ahead
 * point (Bengio et al., "Advances in optimizing recurrent networks", 2013, eq. 7):
 * <ul>
 *   <li>{@code lrInBuffer = true} (Sutskever et al.; the default): v' = beta v - eta_t g, u = beta v' - eta_t g; the
 *       chain {@code chain(scale(lr), trace(decay=beta, nesterov=true))}.</li>
 *   <li>{@code lrInBuffer = false} (PyTorch's {@code nesterov=True}): b' = beta b + g, u = -eta_t (g + beta b'); the
 *       chain {@code chain(trace(decay=beta, nesterov=true), scale(lr))}.</li>
 * </ul>
 *
 * @param lr         eta_t
 * @param momentum   beta in [0, 1)
 * @param lrInBuffer whether eta multiplies the gradient before it enters the buffer
 */
public record Nesterov(Schedule lr, double momentum, boolean lrInBuffer) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.01, "step size per unit gradient");
    /** The name in specs. */
    public static final String NAME = "nesterov";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(LR, Momentum.HYPERPARAMETERS.get(1),
            Hyperparameter.bool("lrInBuffer", true, "true: v' = beta v - lr g, u = beta v' - lr g (Sutskever et al."
                    + " 2013); false: b' = beta b + g, u = -lr (g + beta b') (PyTorch)"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Nesterov> SIGNATURE = new Signature<>(Nesterov.class, NAME, HYPERPARAMETERS,
            "Nesterov momentum, gradient at x, look-ahead in the update (Nesterov 1983; Sutskever et al. 2013)");
    /** Nesterov momentum with every default. */
    public static final Nesterov DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public Nesterov {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, momentum, lrInBuffer);
    }

    /** This optimizer with a constant learning rate eta &gt; 0. */
    public Nesterov lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule eta_t. */
    public Nesterov lr(Schedule lr) {
        return new Nesterov(lr, momentum, lrInBuffer);
    }

    /** This optimizer with momentum coefficient beta. */
    public Nesterov momentum(double momentum) {
        return new Nesterov(lr, momentum, lrInBuffer);
    }

    /** This optimizer with the learning rate inside the buffer or outside it. */
    public Nesterov lrInBuffer(boolean lrInBuffer) {
        return new Nesterov(lr, momentum, lrInBuffer);
    }

    @Override
    public Chain chain() {
        return Momentum.trace(lr, new Trace(momentum, true), lrInBuffer);
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
