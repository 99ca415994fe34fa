package dev.fluxion.optimizers.named;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * Lookahead, {@code lookahead(inner=adam(lr=0.01), k=5, alpha=0.5)} (Zhang, Lucas, Hinton and Ba, "Lookahead
 * Optimizer: k steps forward, 1 step back", NeurIPS 2019, Algorithm 1): the inner optimizer moves the fast weights,
 * the run's point x, k steps; then the slow weights phi take a step toward them and the fast weights restart there:
 * <pre>
 * x_{j+1} = x_j + u_j                          (the inner optimizer's update, every step)
 * after steps k, 2k, 3k, ...:  phi &lt;- phi + alpha (x - phi),   x &lt;- phi
 * </pre>
 * from phi = x_0. A step that synchronizes hands on u = phi_new - x_j, so the run lands on phi_new (up to the
 * rounding of x_j + u). The inner optimizer's state carries on across synchronizations, as the paper and
 * torch-optimizer's {@code Lookahead} do; optax's {@code lookahead} computes the same two sequences (it keeps fast
 * and slow parameters as a pair and evaluates at the slow ones) and can also reset the inner state at each
 * synchronization ({@code reset_state}), which is not offered here: Fluxion's transforms count steps from the run,
 * so a reset could not restart the inner optimizer's bias corrections or schedules. The slow weights phi, the point
 * to evaluate between synchronizations, are the saved buffer {@code slow}; the inner state is saved with this one's.
 *
 * @param inner the optimizer (or transform) that moves the fast weights
 * @param k     the synchronization period, at least 1
 * @param alpha the slow step size in [0, 1]
 */
public record Lookahead(Transform inner, long k, double alpha) implements Optimizer {
    /** The name in specs. */
    public static final String NAME = "lookahead";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.optimizer("inner", Adam.DEFAULT, "the optimizer of the fast weights"),
            Hyperparameter.integer("k", 5, Range.COUNT, "steps between synchronizations"),
            Hyperparameter.real("alpha", 0.5, Range.closed(0, 1), "slow step size phi += alpha (x - phi)"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Lookahead> SIGNATURE = new Signature<>(Lookahead.class, NAME, HYPERPARAMETERS,
            "Lookahead, k fast steps of an inner optimizer, then one slow step toward them"
            + " (Zhang et al., NeurIPS 2019)");
    /** Lookahead around Adam with every default (the paper's k = 5, alpha = 0.5). */
    public static final Lookahead DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public Lookahead {
        Hyperparameter.check(NAME, HYPERPARAMETERS, inner, k, alpha);
    }

    /** This wrapper around another inner optimizer. */
    public Lookahead inner(Transform inner) {
        return new Lookahead(inner, k, alpha);
    }

    /** This wrapper with synchronization period k. */
    public Lookahead k(long k) {
        return new Lookahead(inner, k, alpha);
    }

    /** This wrapper with slow step size alpha. */
    public Lookahead alpha(double alpha) {
        return new Lookahead(inner, k, alpha);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final TransformState innerState = part(inner.init(dimension));
            private final double[] slow = buffer("slow", dimension, 0);

            @Override
            public void update(double[] direction, StepContext context) {
                double[] x = context.point();
                if (context.step() == 0) {
                    System.arraycopy(x, 0, slow, 0, dimension);
                }
                innerState.update(direction, context);
                if ((context.step() + 1) % k == 0) {
                    for (int i = 0; i < dimension; i++) {
                        slow[i] += alpha * (x[i] + direction[i] - slow[i]);
                        direction[i] = slow[i] - x[i];
                    }
                }
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
