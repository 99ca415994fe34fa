package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import dev.fluxion.optimizers.transform.ScaleByRms;
import java.util.List;

/**
 * RMSProp, {@code rmsprop(lr=eta, ...)}: the gradient over a running root mean square, plain (Tieleman and Hinton,
 * Coursera lecture 6.5, 2012) or centered (Graves, "Generating Sequences With Recurrent Neural Networks", 2013). The
 * chain {@code chain(scaleByRms(...), scale(lr))} ({@link ScaleByRms} has the formulas and the formulation options).
 *
 * @param lr                 eta_t
 * @param decay              rho in [0, 1)
 * @param eps                denominator guard, at least 0
 * @param epsInsideSqrt      where eps goes
 * @param centered           whether to divide by the estimated standard deviation instead of the root mean square
 * @param initialAccumulator the mean square at t = 0
 */
public record Rmsprop(Schedule lr, double decay, double eps, boolean epsInsideSqrt, boolean centered,
                      double initialAccumulator) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.01, "step size");
    /** The name in specs. */
    public static final String NAME = "rmsprop";
    /** The hyperparameters, in the order of the components and of specs: the learning rate, then the rule's. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(LR),
            ScaleByRms.HYPERPARAMETERS);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Rmsprop> SIGNATURE = new Signature<>(Rmsprop.class, NAME, HYPERPARAMETERS,
            "RMSProp, gradient over a running root mean square, plain or centered (Tieleman and Hinton 2012; "
            + "Graves 2013)");
    /** RMSProp with every default. */
    public static final Rmsprop DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public Rmsprop {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, decay, eps, epsInsideSqrt, centered, initialAccumulator);
    }

    /** This optimizer with a constant learning rate eta &gt; 0. */
    public Rmsprop lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule eta_t. */
    public Rmsprop lr(Schedule lr) {
        return new Rmsprop(lr, decay, eps, epsInsideSqrt, centered, initialAccumulator);
    }

    /** This optimizer with mean-square decay rho. */
    public Rmsprop decay(double decay) {
        return new Rmsprop(lr, decay, eps, epsInsideSqrt, centered, initialAccumulator);
    }

    /** This optimizer with denominator guard eps. */
    public Rmsprop eps(double eps) {
        return new Rmsprop(lr, decay, eps, epsInsideSqrt, centered, initialAccumulator);
    }

    /** This optimizer with eps inside the square root or outside it. */
    public Rmsprop epsInsideSqrt(boolean epsInsideSqrt) {
        return new Rmsprop(lr, decay, eps, epsInsideSqrt, centered, initialAccumulator);
    }

    /** This optimizer centered or plain. */
    public Rmsprop centered(boolean centered) {
        return new Rmsprop(lr, decay, eps, epsInsideSqrt, centered, initialAccumulator);
    }

    /** This optimizer with the mean square starting at {@code initialAccumulator}. */
    public Rmsprop initialAccumulator(double initialAccumulator) {
        return new Rmsprop(lr, decay, eps, epsInsideSqrt, centered, initialAccumulator);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new ScaleByRms(decay, eps, epsInsideSqrt, centered, initialAccumulator),
                new ScaleByLearningRate(lr));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
