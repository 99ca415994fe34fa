package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/**
 * Gradient descent, {@code gd(lr=eta)}: x &lt;- x - eta_t g (Cauchy, "Methode generale pour la resolution des
 * systemes d'equations simultanees", 1847). The chain {@code chain(scale(lr))}.
 *
 * @param lr eta_t
 */
public record GradientDescent(Schedule lr) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.01, "step size per unit gradient");
    /** The name in specs. */
    public static final String NAME = "gd";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(LR);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<GradientDescent> SIGNATURE = new Signature<>(
            GradientDescent.class, NAME, HYPERPARAMETERS,
            "gradient descent, x <- x - lr g (Cauchy, 1847)");
    /** Gradient descent with every default. */
    public static final GradientDescent DEFAULT = SIGNATURE.defaults();

    /** Checks the learning rate. */
    public GradientDescent {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr);
    }

    /** This optimizer with a constant learning rate eta &gt; 0. */
    public GradientDescent lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule eta_t. */
    public GradientDescent lr(Schedule lr) {
        return new GradientDescent(lr);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new ScaleByLearningRate(lr));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
