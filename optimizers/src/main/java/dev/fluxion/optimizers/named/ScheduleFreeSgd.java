package dev.fluxion.optimizers.named;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScheduleFree;
import dev.fluxion.optimizers.transform.WeightDecay;
import java.util.List;

/**
 * Schedule-Free SGD, {@code scheduleFreeSgd(lr=1, beta=0.9, ...)} (Defazio et al., "The Road Less Scheduled",
 * NeurIPS 2024, eq. 1-3): with the gradient g_k taken at y_k (the run's point),
 * <pre>
 * z_{k+1} = z_k - gamma_k (g_k + weightDecay y_k)
 * x_{k+1} = (1 - c_{k+1}) x_k + c_{k+1} z_{k+1}
 * y_{k+1} = (1 - beta) z_{k+1} + beta x_{k+1}
 * </pre>
 * The chain {@code chain(scheduleFree(base=weightDecay(rate=weightDecay), ...))}; {@link ScheduleFree} has the
 * averaging weights c, the warm-up forms and the point x to evaluate, which is not the run's point y. The defaults
 * are the reference package's ({@code schedulefree.SGDScheduleFree}) and optax's ({@code schedule_free_sgd}).
 *
 * @param lr            gamma, the learning rate
 * @param beta          the interpolation weight in [0, 1] (the reference's momentum, optax's b1)
 * @param weightDecay   lambda, added to the gradient times y
 * @param warmupSteps   the linear warm-up's length W (0: none)
 * @param warmupForm    {@code schedulefree} or {@code optax}
 * @param weightLrPower the power of the largest learning rate so far in the averaging weights
 * @param r             the power of k + 1 in the averaging weights (optax: 0)
 */
public record ScheduleFreeSgd(Schedule lr, double beta, double weightDecay, long warmupSteps, String warmupForm,
                              double weightLrPower, double r) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(1.0, "gamma, the z step's size");
    /** The name in specs. */
    public static final String NAME = "scheduleFreeSgd";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(LR,
            Hyperparameter.real("beta", 0.9, Range.closed(0, 1), "interpolation y = (1 - beta) z + beta x"),
            Hyperparameter.real("weightDecay", 0, Range.NON_NEGATIVE, "lambda, added to the gradient times y")),
            ScheduleFree.AVERAGING);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ScheduleFreeSgd> SIGNATURE = new Signature<>(
            ScheduleFreeSgd.class, NAME, HYPERPARAMETERS,
            "Schedule-Free SGD, interpolation and averaging instead of momentum"
            + " (Defazio et al., \"The Road Less Scheduled\", NeurIPS 2024)");
    /** Schedule-Free SGD with every default. */
    public static final ScheduleFreeSgd DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public ScheduleFreeSgd {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, beta, weightDecay, warmupSteps, warmupForm, weightLrPower, r);
    }

    /** This optimizer with a constant learning rate gamma &gt; 0. */
    public ScheduleFreeSgd lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule gamma_k. */
    public ScheduleFreeSgd lr(Schedule lr) {
        return new ScheduleFreeSgd(lr, beta, weightDecay, warmupSteps, warmupForm, weightLrPower, r);
    }

    /** This optimizer with interpolation weight beta. */
    public ScheduleFreeSgd beta(double beta) {
        return new ScheduleFreeSgd(lr, beta, weightDecay, warmupSteps, warmupForm, weightLrPower, r);
    }

    /** This optimizer with weight decay lambda. */
    public ScheduleFreeSgd weightDecay(double weightDecay) {
        return new ScheduleFreeSgd(lr, beta, weightDecay, warmupSteps, warmupForm, weightLrPower, r);
    }

    /** This optimizer with a linear warm-up of W steps (0: none). */
    public ScheduleFreeSgd warmupSteps(long warmupSteps) {
        return new ScheduleFreeSgd(lr, beta, weightDecay, warmupSteps, warmupForm, weightLrPower, r);
    }

    /** This optimizer with the warm-up in the form {@code schedulefree} or {@code optax}. */
    public ScheduleFreeSgd warmupForm(String warmupForm) {
        return new ScheduleFreeSgd(lr, beta, weightDecay, warmupSteps, warmupForm, weightLrPower, r);
    }

    /** This optimizer with the power of lrMax in the averaging weights (k + 1)^r lrMax^weightLrPower. */
    public ScheduleFreeSgd weightLrPower(double weightLrPower) {
        return new ScheduleFreeSgd(lr, beta, weightDecay, warmupSteps, warmupForm, weightLrPower, r);
    }

    /** This optimizer with the power r of k + 1 in the averaging weights (optax: 0). */
    public ScheduleFreeSgd r(double r) {
        return new ScheduleFreeSgd(lr, beta, weightDecay, warmupSteps, warmupForm, weightLrPower, r);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new ScheduleFree(new WeightDecay(weightDecay), lr, beta, warmupSteps, warmupForm,
                weightLrPower, r, 0));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
