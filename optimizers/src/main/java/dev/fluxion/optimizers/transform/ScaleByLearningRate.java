package dev.fluxion.optimizers.transform;

import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
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
    /** The learning rate with every default. */
    public static final ScaleByLearningRate DEFAULT = of(HyperparameterValues.defaults(NAME, HYPERPARAMETERS));

    /** Checks the learning rate. */
    public ScaleByLearningRate {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr);
    }

    /** The transform for checked spec values. */
    public static ScaleByLearningRate of(HyperparameterValues values) {
        return new ScaleByLearningRate(values.schedule("lr"));
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
        return Hyperparameter.spec(NAME, HYPERPARAMETERS, lr);
    }
}
