package {{package}};

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/**
 * {@code {{name}}(lr=...)}: normalized gradient descent, x &lt;- x - lr g / |g|, a step of length exactly lr against
 * the gradient g (none where g = 0). It is the chain of {@link {{Class}}Direction}, which divides g by its norm,
 * and the library's learning rate, so {@code lr} takes a number or any schedule ({@code cosine(init=0.5, steps=1000)}).
 *
 * <p>A typed value, as the library's named optimizers are: {@code {{Class}}.DEFAULT.lr(0.5)} equals the spec
 * {@code {{name}}(lr=0.5)} parsed by a registry that holds this plugin. Replace the rule with your own in
 * {@link {{Class}}Direction}; declare more hyperparameters in {@link #HYPERPARAMETERS} and as components.
 *
 * @param lr the learning rate: the length of each step (a schedule)
 */
public record {{Class}}(Schedule lr) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.1, "the length of each step");
    /** The name in specs. */
    public static final String NAME = "{{name}}";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(LR);
    /** The optimizer with every hyperparameter at its default. */
    public static final {{Class}} DEFAULT = of(HyperparameterValues.defaults(NAME, HYPERPARAMETERS));

    /** Checks every value against its hyperparameter, as a spec giving it would be checked. */
    public {{Class}} {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr);
    }

    /** The optimizer for checked spec values. */
    public static {{Class}} of(HyperparameterValues values) {
        return new {{Class}}(values.schedule("lr"));
    }

    /** This optimizer with a constant learning rate. */
    public {{Class}} lr(double lr) {
        return new {{Class}}(LR.constant(NAME, lr));
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new {{Class}}Direction(), new ScaleByLearningRate(lr));
    }

    @Override
    public String spec() {
        return Hyperparameter.spec(NAME, HYPERPARAMETERS, lr);
    }
}
