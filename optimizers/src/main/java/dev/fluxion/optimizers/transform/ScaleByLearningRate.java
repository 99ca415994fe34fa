package dev.fluxion.optimizers.transform;

import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import dev.fluxion.optimizers.schedule.Schedule;
import java.util.List;

/**
 * The descent step, {@code scale(lr=eta)} (optax's {@code scale_by_learning_rate}): u = -eta_t d, with eta_t from a
 * schedule. Alone it is gradient descent (Cauchy, 1847); at the end of a chain it turns a preconditioned direction
 * into the update.
 *
 * @param lr eta_t
 */
public record ScaleByLearningRate(Schedule lr) implements Transform {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.01, "step size per unit direction");
    /** The name in specs. */
    public static final String NAME = "scale";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(LR);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ScaleByLearningRate> SIGNATURE = new Signature<>(
            ScaleByLearningRate.class, NAME, HYPERPARAMETERS,
            "the step u = -lr d: gradient descent alone, the learning rate at the end of a chain (optax's "
            + "scale_by_learning_rate)");
    /** The learning rate with every default. */
    public static final ScaleByLearningRate DEFAULT = SIGNATURE.defaults();

    /** Checks the learning rate. */
    public ScaleByLearningRate {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr);
    }

    /** This step with a constant learning rate eta &gt; 0. */
    public ScaleByLearningRate lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This step with the learning rate schedule eta_t. */
    public ScaleByLearningRate lr(Schedule lr) {
        return new ScaleByLearningRate(lr);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            @Override
            public void update(double[] direction, StepContext context) {
                double scale = -lr.at(context.step());
                for (int i = 0; i < direction.length; i++) {
                    direction[i] *= scale;
                }
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
