package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * Momentum as optax's {@code trace}, {@code trace(decay=beta, nesterov=false)}: a buffer t &lt;- beta t + d, and then
 * d &lt;- t, or with {@code nesterov} d &lt;- d + beta t, the look-ahead of Nesterov (1983) in the form of Sutskever et
 * al. (ICML 2013) with the gradient taken at x (Bengio et al., "Advances in optimizing recurrent networks", 2013,
 * eq. 7). Where the learning rate stands decides what t is:
 * <ul>
 *   <li>after it, {@code chain(scale(lr), trace(...))}: t is Polyak's velocity (Polyak, "Some methods of speeding up
 *       the convergence of iteration methods", 1964), v &lt;- beta v - eta_t g, u = v (or u = beta v - eta_t g);</li>
 *   <li>before it, {@code chain(trace(...), scale(lr))}: t sums gradients as PyTorch's SGD buffer does,
 *       b &lt;- beta b + g, u = -eta_t b (or u = -eta_t (g + beta b)).</li>
 * </ul>
 * With a constant eta both give the same iterates; {@code momentum} and {@code nesterov} choose with
 * {@code lrInBuffer}.
 *
 * @param decay    beta in [0, 1)
 * @param nesterov whether to hand on d + beta t instead of t
 */
public record Trace(double decay, boolean nesterov) implements Transform {
    /** The name in specs. */
    public static final String NAME = "trace";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("decay", 0.9, Range.UNIT_HALF_OPEN, "momentum coefficient beta"),
            Hyperparameter.bool("nesterov", false, "hand on d + beta t (Nesterov's look-ahead) instead of t"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Trace> SIGNATURE = new Signature<>(Trace.class, NAME, HYPERPARAMETERS,
            "momentum t <- decay t + d, handing on t or d + decay t (nesterov) (Polyak 1964; optax's trace)");
    /** The trace with every default. */
    public static final Trace DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public Trace {
        Hyperparameter.check(NAME, HYPERPARAMETERS, decay, nesterov);
    }

    /** This trace with coefficient beta. */
    public Trace decay(double decay) {
        return new Trace(decay, nesterov);
    }

    /** This trace with Nesterov's look-ahead or without it. */
    public Trace nesterov(boolean nesterov) {
        return new Trace(decay, nesterov);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[] trace = buffer("trace", dimension, 0);

            @Override
            public void update(double[] direction, StepContext context) {
                for (int i = 0; i < direction.length; i++) {
                    double d = direction[i];
                    trace[i] = decay * trace[i] + d;
                    direction[i] = nesterov ? d + decay * trace[i] : trace[i];
                }
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
