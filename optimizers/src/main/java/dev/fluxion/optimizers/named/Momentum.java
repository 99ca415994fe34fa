package dev.fluxion.optimizers.named;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import dev.fluxion.optimizers.transform.Trace;
import java.util.List;

/**
 * Heavy-ball momentum, {@code momentum(lr=eta, momentum=beta)} (Polyak, "Some methods of speeding up the convergence
 * of iteration methods", 1964): x_{t+1} = x_t - eta g_t + beta (x_t - x_{t-1}). Libraries put the learning rate in
 * two places, which differ once eta changes with t:
 * <ul>
 *   <li>{@code lrInBuffer = true} (Polyak 1964; Sutskever et al., ICML 2013, eq. 1; the default): the buffer is a
 *       velocity, v &lt;- beta v - eta_t g, u = v; the chain {@code chain(scale(lr), trace(decay=beta))}.</li>
 *   <li>{@code lrInBuffer = false} (PyTorch's SGD): the buffer sums gradients, b &lt;- beta b + g, u = -eta_t b;
 *       the chain {@code chain(trace(decay=beta), scale(lr))}.</li>
 * </ul>
 *
 * @param lr         eta_t
 * @param momentum   beta in [0, 1)
 * @param lrInBuffer whether eta multiplies the gradient before it enters the buffer
 */
public record Momentum(Schedule lr, double momentum, boolean lrInBuffer) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.01, "step size per unit gradient");
    /** The name in specs. */
    public static final String NAME = "momentum";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(LR,
            Hyperparameter.real("momentum", 0.9, Range.UNIT_HALF_OPEN, "momentum coefficient beta"),
            Hyperparameter.bool("lrInBuffer", true, "true: v <- beta v - lr g (Polyak 1964; Sutskever et al. 2013);"
                    + " false: b <- beta b + g, u = -lr b (PyTorch)"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Momentum> SIGNATURE = new Signature<>(Momentum.class, NAME, HYPERPARAMETERS,
            "heavy-ball momentum, v <- beta v - lr g, x <- x + v (Polyak, 1964)");
    /** Momentum with every default. */
    public static final Momentum DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public Momentum {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, momentum, lrInBuffer);
    }

    /** This optimizer with a constant learning rate eta &gt; 0. */
    public Momentum lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule eta_t. */
    public Momentum lr(Schedule lr) {
        return new Momentum(lr, momentum, lrInBuffer);
    }

    /** This optimizer with momentum coefficient beta. */
    public Momentum momentum(double momentum) {
        return new Momentum(lr, momentum, lrInBuffer);
    }

    /** This optimizer with the learning rate inside the buffer or outside it. */
    public Momentum lrInBuffer(boolean lrInBuffer) {
        return new Momentum(lr, momentum, lrInBuffer);
    }

    @Override
    public Chain chain() {
        return trace(lr, new Trace(momentum, false), lrInBuffer);
    }

    /** The learning rate, then the trace (the buffer a velocity), or the trace, then the rate (a sum of gradients). */
    static Chain trace(Schedule lr, Trace trace, boolean lrInBuffer) {
        ScaleByLearningRate rate = new ScaleByLearningRate(lr);
        return lrInBuffer ? Optimizer.chain(rate, trace) : Optimizer.chain(trace, rate);
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
