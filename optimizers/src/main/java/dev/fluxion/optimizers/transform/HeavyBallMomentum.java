package dev.fluxion.optimizers.transform;

import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import dev.fluxion.optimizers.schedule.Schedule;

/**
 * Heavy-ball momentum (Polyak, "Some methods of speeding up the convergence of iteration methods", 1964):
 * x_{t+1} = x_t - eta g_t + beta (x_t - x_{t-1}). It owns its learning rate because libraries place it in two
 * places, which differ once eta changes with t:
 * <ul>
 *   <li>{@code lrInBuffer = true} (Polyak 1964; Sutskever et al., ICML 2013, eq. 1): the buffer is a velocity,
 *       v &lt;- beta v - eta_t g, u = v. The default.</li>
 *   <li>{@code lrInBuffer = false} (PyTorch's SGD): the buffer sums gradients, b &lt;- beta b + g,
 *       u = -eta_t b.</li>
 * </ul>
 * With a constant eta both give the same iterates.
 *
 * @param learningRate eta_t
 * @param momentum     beta in [0, 1)
 * @param lrInBuffer   whether eta multiplies the gradient before it enters the buffer
 */
public record HeavyBallMomentum(Schedule learningRate, double momentum, boolean lrInBuffer) implements Transform {

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[] buffer = buffer(lrInBuffer ? "velocity" : "gradientSum", dimension, 0);

            @Override
            public void update(double[] direction, StepContext context) {
                double eta = learningRate.at(context.step());
                for (int i = 0; i < direction.length; i++) {
                    if (lrInBuffer) {
                        buffer[i] = momentum * buffer[i] - eta * direction[i];
                        direction[i] = buffer[i];
                    } else {
                        buffer[i] = momentum * buffer[i] + direction[i];
                        direction[i] = -eta * buffer[i];
                    }
                }
            }
        };
    }

    @Override
    public String spec() {
        return "momentum(lr=" + learningRate.spec() + ", momentum=" + momentum + ", lrInBuffer=" + lrInBuffer + ")";
    }
}
