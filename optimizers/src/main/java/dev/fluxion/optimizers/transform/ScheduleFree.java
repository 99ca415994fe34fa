package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import dev.fluxion.optimizers.schedule.Schedule;
import java.util.List;

/**
 * Schedule-Free learning around a base direction, {@code scheduleFree(base=..., lr=..., beta=0.9, ...)} (Defazio,
 * Yang, Mehta, Mishchenko, Khaled and Cutkosky, "The Road Less Scheduled", NeurIPS 2024, eq. 1-3 and Section 4):
 * momentum replaced by interpolation and averaging. Three sequences: z takes the base step, x averages the z's, and
 * the gradient is taken at their interpolation y. With k = step (0, 1, ...) and d_k the base's direction at y_k
 * (unscaled: the gradient for SGD, g / (sqrt(vHat) + eps) for Adam),
 * <pre>
 * z_{k+1} = z_k - gamma_k d_k
 * x_{k+1} = (1 - c_{k+1}) x_k + c_{k+1} z_{k+1}
 * y_{k+1} = (1 - beta) z_{k+1} + beta x_{k+1}
 * c_{k+1} = w_k / (w_0 + ... + w_k),   w_k = (k + 1)^r lrMax_k^weightLrPower,   lrMax_k = max(gamma'_0, ..., gamma'_k)
 * </pre>
 * (c = 0 while the weights sum to 0), from z_0 = x_0 = y_0, the start. Here gamma'_k = lr_k min(1, (k + 1) / W)
 * sqrt(1 - lrCorrection^(k+1)) with W = warmupSteps (no warm-up when W = 0), and the z step's gamma_k equals
 * gamma'_k ({@code warmupForm = schedulefree}, the reference PyTorch package {@code schedulefree}) or uses min(1, k /
 * W) instead ({@code warmupForm = optax}: optax's {@code schedule_free_sgd} and {@code schedule_free_adamw} evaluate
 * their warm-up schedule at the wrapper's count, which starts at 1, for the weights, and at the base optimizer's,
 * which starts at 0, for the z step). With lrCorrection = 0 the factor sqrt(1 - 0^(k+1)) is exactly 1; the
 * reference's AdamW multiplies its learning rate by sqrt(1 - beta2^(k+1)), weights included.
 *
 * <p>In Fluxion's step contract the run's iterate is y, where the gradient is taken: this transform keeps z and x
 * in its state and hands on u = y_{k+1} - y_k. The point to evaluate, the average x = (y - (1 - beta) z) / beta
 * (optax's {@code schedule_free_eval_params}), is not the run's point; it is saved in the buffer {@code x}. The
 * state keeps x rather than recomputing it from y and z (as optax does), so beta = 0 (y = z) and beta = 1 (y = x)
 * are allowed.
 *
 * @param base          the base direction d, before the learning rate (its state is saved with this one's)
 * @param lr            lr_k, the base learning rate
 * @param beta          the interpolation weight beta in [0, 1]
 * @param warmupSteps   W, the length of the linear warm-up (0: none)
 * @param warmupForm    {@code schedulefree} or {@code optax}, see above
 * @param weightLrPower the power of lrMax in the weights, at least 0
 * @param r             the power of k + 1 in the weights, at least 0 (the reference's r; optax has none, r = 0)
 * @param lrCorrection  beta2 of the factor sqrt(1 - beta2^(k+1)) on the learning rate, in [0, 1) (0: none)
 */
public record ScheduleFree(Transform base, Schedule lr, double beta, long warmupSteps, String warmupForm,
                           double weightLrPower, double r, double lrCorrection) implements Transform {
    /** The name in specs. */
    public static final String NAME = "scheduleFree";
    /** The warm-up of the reference package: the z step and the weights both at lr min(1, (k + 1) / W). */
    public static final String SCHEDULEFREE = "schedulefree";
    /** The warm-up of optax: the weights at lr min(1, (k + 1) / W), the z step at lr min(1, k / W). */
    public static final String OPTAX = "optax";
    /** The base (the identity, SGD's) when a spec gives none. */
    public static final Transform SGD_BASE = new WeightDecay(0);
    private static final Hyperparameter LR = Hyperparameter.learningRate(1.0, "lr, the base learning rate gamma");
    private static final Hyperparameter WARMUP_STEPS = Hyperparameter.integer("warmupSteps", 0, Range.NON_NEGATIVE,
            "W, the steps of the linear learning-rate warm-up (0: none)");
    private static final Hyperparameter WARMUP_FORM = Hyperparameter.choice("warmupForm", SCHEDULEFREE,
            List.of(SCHEDULEFREE, OPTAX), "schedulefree: z step and weights at lr min(1, (k+1)/W) (package"
                    + " schedulefree); optax: z step at lr min(1, k/W) (optax schedule_free_sgd/adamw)");
    private static final Hyperparameter WEIGHT_LR_POWER = Hyperparameter.real("weightLrPower", 2,
            Range.NON_NEGATIVE, "the averaging weights are lrMax^weightLrPower (Defazio et al. 2024, Sec. 4)");
    private static final Hyperparameter R = Hyperparameter.real("r", 0, Range.NON_NEGATIVE,
            "the averaging weights carry (k+1)^r (package schedulefree; optax: 0)");
    /** The hyperparameters {@code scheduleFreeSgd} and {@code scheduleFreeAdamw} share with this one, after beta. */
    public static final List<Hyperparameter> AVERAGING = List.of(WARMUP_STEPS, WARMUP_FORM, WEIGHT_LR_POWER, R);
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(
            Hyperparameter.optimizer("base", SGD_BASE, "the base direction d before the learning rate, e.g."
                    + " scaleByAdam(beta1=0) (weightDecay(rate=0), the identity: SGD)"),
            LR,
            Hyperparameter.real("beta", 0.9, Range.closed(0, 1), "interpolation y = (1 - beta) z + beta x")),
            AVERAGING, List.of(Hyperparameter.real("lrCorrection", 0, Range.UNIT_HALF_OPEN,
                    "beta2 of sqrt(1 - beta2^(k+1)) on the learning rate (package schedulefree's AdamW); 0: none")));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ScheduleFree> SIGNATURE = new Signature<>(ScheduleFree.class, NAME, HYPERPARAMETERS,
            "Schedule-Free averaging around a base direction (Defazio et al., NeurIPS 2024)");
    /** Schedule-Free SGD with every default. */
    public static final ScheduleFree DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public ScheduleFree {
        Hyperparameter.check(NAME, HYPERPARAMETERS, base, lr, beta, warmupSteps, warmupForm, weightLrPower, r,
                lrCorrection);
    }

    /** This wrapper around another base direction. */
    public ScheduleFree base(Transform base) {
        return new ScheduleFree(base, lr, beta, warmupSteps, warmupForm, weightLrPower, r, lrCorrection);
    }

    /** This wrapper with a constant learning rate. */
    public ScheduleFree lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This wrapper with the learning-rate schedule lr_k. */
    public ScheduleFree lr(Schedule lr) {
        return new ScheduleFree(base, lr, beta, warmupSteps, warmupForm, weightLrPower, r, lrCorrection);
    }

    /** This wrapper with interpolation weight beta. */
    public ScheduleFree beta(double beta) {
        return new ScheduleFree(base, lr, beta, warmupSteps, warmupForm, weightLrPower, r, lrCorrection);
    }

    /** This wrapper with a linear warm-up of W steps (0: none). */
    public ScheduleFree warmupSteps(long warmupSteps) {
        return new ScheduleFree(base, lr, beta, warmupSteps, warmupForm, weightLrPower, r, lrCorrection);
    }

    /** This wrapper with the warm-up in the form {@code schedulefree} or {@code optax}. */
    public ScheduleFree warmupForm(String warmupForm) {
        return new ScheduleFree(base, lr, beta, warmupSteps, warmupForm, weightLrPower, r, lrCorrection);
    }

    /** This wrapper with the power of lrMax in the averaging weights (k + 1)^r lrMax^weightLrPower. */
    public ScheduleFree weightLrPower(double weightLrPower) {
        return new ScheduleFree(base, lr, beta, warmupSteps, warmupForm, weightLrPower, r, lrCorrection);
    }

    /** This wrapper with the power r of k + 1 in the averaging weights (optax: 0). */
    public ScheduleFree r(double r) {
        return new ScheduleFree(base, lr, beta, warmupSteps, warmupForm, weightLrPower, r, lrCorrection);
    }

    /** This wrapper with the learning-rate factor sqrt(1 - lrCorrection^(k+1)). */
    public ScheduleFree lrCorrection(double lrCorrection) {
        return new ScheduleFree(base, lr, beta, warmupSteps, warmupForm, weightLrPower, r, lrCorrection);
    }

    /** The warm-up factor min(1, j / W) at j, 1 without a warm-up. */
    private double warmup(long j) {
        return warmupSteps == 0 || j >= warmupSteps ? 1 : (double) j / warmupSteps;
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final TransformState baseState = part(base.init(dimension));
            private final double[] z = buffer("z", dimension, 0);
            private final double[] x = buffer("x", dimension, 0);
            private final double[] weightSum = buffer("weightSum", 1, 0);
            private final double[] lrMax = buffer("lrMax", 1, 0);
            private final BiasCorrection.Sequence correction = new BiasCorrection.Sequence(lrCorrection);

            @Override
            public void update(double[] direction, StepContext context) {
                long k = context.step();
                double[] y = context.point();
                if (k == 0) {
                    System.arraycopy(y, 0, z, 0, dimension);
                    System.arraycopy(y, 0, x, 0, dimension);
                }
                double factor = lr.at(k) * Math.sqrt(correction.correction(k + 1));
                double weightLr = factor * warmup(k + 1);
                double zLr = factor * (warmupForm.equals(OPTAX) ? warmup(k) : warmup(k + 1));
                lrMax[0] = Math.max(lrMax[0], weightLr);
                double weight = (r == 0 ? 1 : StrictMath.pow(k + 1, r)) * StrictMath.pow(lrMax[0], weightLrPower);
                weightSum[0] += weight;
                double c = weightSum[0] > 0 ? weight / weightSum[0] : 0;
                baseState.update(direction, context);
                for (int i = 0; i < dimension; i++) {
                    z[i] -= zLr * direction[i];
                    x[i] = (1 - c) * x[i] + c * z[i];
                    direction[i] = (1 - beta) * z[i] + beta * x[i] - y[i];
                }
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
