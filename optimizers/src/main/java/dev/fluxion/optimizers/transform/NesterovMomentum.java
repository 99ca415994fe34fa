package dev.fluxion.optimizers.transform;

import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import dev.fluxion.optimizers.schedule.Schedule;

/**
 * Nesterov's accelerated gradient (Nesterov, 1983) in the momentum form of Sutskever et al. (ICML 2013,
 * eq. 3-4), rewritten so that the gradient is taken at x rather than at the look-ahead point (Bengio et al.,
 * "Advances in optimizing recurrent networks", 2013, eq. 7):
 * <ul>
 *   <li>{@code lrInBuffer = true} (default, Sutskever et al.): v' = beta v - eta_t g, u = beta v' - eta_t g.</li>
 *   <li>{@code lrInBuffer = false} (PyTorch's {@code nesterov=True}): b' = beta b + g,
 *       u = -eta_t (g + beta b').</li>
 * </ul>
 *
 * @param learningRate eta_t
 * @param momentum     beta in [0, 1)
 * @param lrInBuffer   whether eta multiplies the gradient before it enters the buffer
 */
public record NesterovMomentum(Schedule learningRate, double momentum, boolean lrInBuffer) implements Transform {

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[] buffer = buffer(lrInBuffer ? "velocity" : "gradientSum", dimension, 0);

            @Override
            public void update(double[] direction, StepContext context) {
                double eta = learningRate.at(context.step());
                for (int i = 0; i < direction.length; i++) {
                    double g = direction[i];
                    if (lrInBuffer) {
                        buffer[i] = momentum * buffer[i] - eta * g;
                        direction[i] = momentum * buffer[i] - eta * g;
                    } else {
                        buffer[i] = momentum * buffer[i] + g;
                        direction[i] = -eta * (g + momentum * buffer[i]);
                    }
                }
            }
        };
    }

    @Override
    public String spec() {
        return "nesterov(lr=" + learningRate.spec() + ", momentum=" + momentum + ", lrInBuffer=" + lrInBuffer + ")";
    }
}
