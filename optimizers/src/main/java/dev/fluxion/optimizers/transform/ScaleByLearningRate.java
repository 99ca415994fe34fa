package dev.fluxion.optimizers.transform;

import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import dev.fluxion.optimizers.schedule.Schedule;

/**
 * The descent step: u = -eta_t d, with eta_t from a schedule. Alone it is gradient descent (Cauchy, 1847);
 * at the end of a chain it turns a preconditioned direction into the update.
 *
 * @param learningRate eta_t
 */
public record ScaleByLearningRate(Schedule learningRate) implements Transform {

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            @Override
            public void update(double[] direction, StepContext context) {
                double scale = -learningRate.at(context.step());
                for (int i = 0; i < direction.length; i++) {
                    direction[i] *= scale;
                }
            }
        };
    }

    @Override
    public String spec() {
        return "scale(lr=" + learningRate.spec() + ")";
    }
}
