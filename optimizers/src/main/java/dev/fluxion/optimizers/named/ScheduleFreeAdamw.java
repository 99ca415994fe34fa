package dev.fluxion.optimizers.named;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByAdam;
import dev.fluxion.optimizers.transform.ScheduleFree;
import dev.fluxion.optimizers.transform.WeightDecay;
import java.util.List;

/**
 * Schedule-Free AdamW, {@code scheduleFreeAdamw(lr=0.0025, beta=0.9, beta2=0.999, ...)} (Defazio et al., "The Road
 * Less Scheduled", NeurIPS 2024, Algorithm 1): Schedule-Free averaging ({@link ScheduleFree}) around Adam without
 * momentum. With the gradient g_k at y_k (the run's point) and t = k + 1,
 * <pre>
 * v_t = beta2 v_{t-1} + (1 - beta2) g_k^2
 * d_k = g_k / (sqrt(v_t) + eps) + weightDecay y_k,         gamma_k = lr_k sqrt(1 - beta2^t)   (biasCorrection = lr)
 * d_k = g_k / (sqrt(v_t / (1 - beta2^t)) + eps) + weightDecay y_k,   gamma_k = lr_k         (biasCorrection = moment)
 * z_{k+1} = z_k - gamma_k d_k,   x_{k+1} = (1 - c_{k+1}) x_k + c_{k+1} z_{k+1},   y_{k+1} = (1 - beta) z_{k+1} + beta x_{k+1}
 * </pre>
 * {@code biasCorrection = lr} is the reference package's {@code AdamWScheduleFree}: the correction is in the learning
 * rate and so in the averaging weights lrMax^weightLrPower, and eps is not corrected; {@code moment} is optax's
 * {@code schedule_free_adamw}, whose {@code scale_by_rms(bias_correction=True)} corrects the moment and leaves the
 * weights at the plain learning rate. The chain is {@code chain(scheduleFree(base=chain(scaleByAdam(beta1=0, ...),
 * weightDecay(...)), ...))}.
 *
 * @param lr             the learning rate lr_k
 * @param beta           the interpolation weight in [0, 1] (the reference's beta1, optax's b1)
 * @param beta2          second-moment decay in [0, 1)
 * @param eps            denominator guard, at least 0
 * @param weightDecay    lambda, added to the normalized gradient times y
 * @param warmupSteps    the linear warm-up's length W (0: none)
 * @param warmupForm     {@code schedulefree} or {@code optax}
 * @param weightLrPower  the power of the largest learning rate so far in the averaging weights
 * @param r              the power of k + 1 in the averaging weights (optax: 0)
 * @param biasCorrection {@code lr} or {@code moment}, see above
 */
public record ScheduleFreeAdamw(Schedule lr, double beta, double beta2, double eps, double weightDecay,
                                long warmupSteps, String warmupForm, double weightLrPower, double r,
                                String biasCorrection) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.0025, "the learning rate lr");
    /** The name in specs. */
    public static final String NAME = "scheduleFreeAdamw";
    /** Bias correction in the learning rate, as the reference package {@code schedulefree} does it. */
    public static final String IN_LR = "lr";
    /** Bias correction of the second moment, as optax's {@code schedule_free_adamw} does it. */
    public static final String IN_MOMENT = "moment";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(LR,
            Hyperparameter.real("beta", 0.9, Range.closed(0, 1), "interpolation y = (1 - beta) z + beta x"),
            ScaleByAdam.HYPERPARAMETERS.get(1), ScaleByAdam.HYPERPARAMETERS.get(2),
            Hyperparameter.real("weightDecay", 0, Range.NON_NEGATIVE, "lambda, added to the direction times y")),
            ScheduleFree.AVERAGING, List.of(Hyperparameter.choice("biasCorrection", IN_LR, List.of(IN_LR, IN_MOMENT),
                    "lr: lr sqrt(1 - beta2^t), weights too (package schedulefree); moment: v / (1 - beta2^t)"
                            + " (optax schedule_free_adamw)")));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ScheduleFreeAdamw> SIGNATURE = new Signature<>(
            ScheduleFreeAdamw.class, NAME, HYPERPARAMETERS,
            "Schedule-Free AdamW, Adam without momentum inside Schedule-Free averaging"
            + " (Defazio et al., \"The Road Less Scheduled\", NeurIPS 2024)");
    /** Schedule-Free AdamW with every default. */
    public static final ScheduleFreeAdamw DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public ScheduleFreeAdamw {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, beta, beta2, eps, weightDecay, warmupSteps, warmupForm,
                weightLrPower, r, biasCorrection);
    }

    /** This optimizer with a constant learning rate &gt; 0. */
    public ScheduleFreeAdamw lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule lr_k. */
    public ScheduleFreeAdamw lr(Schedule lr) {
        return new ScheduleFreeAdamw(lr, beta, beta2, eps, weightDecay, warmupSteps, warmupForm, weightLrPower, r,
                biasCorrection);
    }

    /** This optimizer with interpolation weight beta. */
    public ScheduleFreeAdamw beta(double beta) {
        return new ScheduleFreeAdamw(lr, beta, beta2, eps, weightDecay, warmupSteps, warmupForm, weightLrPower, r,
                biasCorrection);
    }

    /** This optimizer with second-moment decay beta2. */
    public ScheduleFreeAdamw beta2(double beta2) {
        return new ScheduleFreeAdamw(lr, beta, beta2, eps, weightDecay, warmupSteps, warmupForm, weightLrPower, r,
                biasCorrection);
    }

    /** This optimizer with denominator guard eps. */
    public ScheduleFreeAdamw eps(double eps) {
        return new ScheduleFreeAdamw(lr, beta, beta2, eps, weightDecay, warmupSteps, warmupForm, weightLrPower, r,
                biasCorrection);
    }

    /** This optimizer with weight decay lambda. */
    public ScheduleFreeAdamw weightDecay(double weightDecay) {
        return new ScheduleFreeAdamw(lr, beta, beta2, eps, weightDecay, warmupSteps, warmupForm, weightLrPower, r,
                biasCorrection);
    }

    /** This optimizer with a linear warm-up of W steps (0: none). */
    public ScheduleFreeAdamw warmupSteps(long warmupSteps) {
        return new ScheduleFreeAdamw(lr, beta, beta2, eps, weightDecay, warmupSteps, warmupForm, weightLrPower, r,
                biasCorrection);
    }

    /** This optimizer with the warm-up in the form {@code schedulefree} or {@code optax}. */
    public ScheduleFreeAdamw warmupForm(String warmupForm) {
        return new ScheduleFreeAdamw(lr, beta, beta2, eps, weightDecay, warmupSteps, warmupForm, weightLrPower, r,
                biasCorrection);
    }

    /** This optimizer with the power of lrMax in the averaging weights (k + 1)^r lrMax^weightLrPower. */
    public ScheduleFreeAdamw weightLrPower(double weightLrPower) {
        return new ScheduleFreeAdamw(lr, beta, beta2, eps, weightDecay, warmupSteps, warmupForm, weightLrPower, r,
                biasCorrection);
    }

    /** This optimizer with the power r of k + 1 in the averaging weights (optax: 0). */
    public ScheduleFreeAdamw r(double r) {
        return new ScheduleFreeAdamw(lr, beta, beta2, eps, weightDecay, warmupSteps, warmupForm, weightLrPower, r,
                biasCorrection);
    }

    /** This optimizer with the bias correction {@code lr} or {@code moment}. */
    public ScheduleFreeAdamw biasCorrection(String biasCorrection) {
        return new ScheduleFreeAdamw(lr, beta, beta2, eps, weightDecay, warmupSteps, warmupForm, weightLrPower, r,
                biasCorrection);
    }

    @Override
    public Chain chain() {
        boolean inLr = biasCorrection.equals(IN_LR);
        return Optimizer.chain(new ScheduleFree(Optimizer.chain(new ScaleByAdam(0, beta2, eps, false, !inLr),
                new WeightDecay(weightDecay)), lr, beta, warmupSteps, warmupForm, weightLrPower, r, inLr ? beta2 : 0));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
