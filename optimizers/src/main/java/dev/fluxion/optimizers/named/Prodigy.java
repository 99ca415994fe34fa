package dev.fluxion.optimizers.named;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.TransformState;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.BiasCorrection;
import java.util.List;

/**
 * Prodigy, {@code prodigy(lr=1, ...)} (Mishchenko and Defazio, "Prodigy: An Expeditiously Adaptive Parameter-Free
 * Learner", ICML 2024, Algorithm 4, the Adam version): Adam whose step size is an estimate d_k of the distance
 * D = ||x_0 - x*||, grown from d_0 as the gradients reveal it. With k = step, t = k + 1, g the gradient at x_k
 * (plus weightDecay x_k when {@code decouple = false}), beta3 = sqrt(beta2) when given as negative,
 * <pre>
 * dlr = d_k lr_k bc,   bc = sqrt(1 - beta2^t) / (1 - beta1^t) (biasCorrection = true) or 1
 * r_{k+1} = beta3 r_k + (d_k / d_0) dlr &lt;g, x_0 - x_k&gt;
 * m = beta1 m + (1 - beta1) d_k g,     v = beta2 v + (1 - beta2) d_k^2 g^2
 * s = beta3 s + (d_k / d_0) dlr g      (safeguardWarmup = false)      s = beta3 s + (d_k / d_0) d_k g   (true)
 * dHat = dCoef r_{k+1} / ||s||_1,   d_{k+1} = min(dMax, d_k growthRate)   with dMax = max(dMax, dHat)
 *                                                                     (and d = max(d, dHat) first while d = d_0)
 * x_{k+1} = x_k - dlr m / (sqrt(v) + d_{k+1} eps) - weightDecay dlr x_k  (the last term when decouple = true)
 * </pre>
 * from m = v = s = 0, r_0 = 0 and dMax = d_0. growthRate = 0 means unbounded (the reference's inf), so that d_{k+1} =
 * dMax = max(d_0, dHat_0, ..., dHat_k); while ||s||_1 = 0 (no gradient yet) d stays. The defaults and every option
 * are those of the reference package {@code prodigyopt}; optax's {@code contrib.prodigy} is the same rule with
 * {@code biasCorrection = true}, {@code growthRate = 0}, {@code safeguardWarmup = false} and {@code decouple = true}
 * (its estim_lr0 is d0, its estim_lr_coef dCoef). Unlike the reference, a step with ||s||_1 = 0 or lr_k = 0 still
 * counts (t advances), and it moves x by its (zero) update.
 *
 * @param lr              lr_k, the multiplier of the estimated step (1 unless unstable)
 * @param beta1           first-moment decay in [0, 1)
 * @param beta2           second-moment decay in [0, 1)
 * @param beta3           the decay of r and s, in [0, 1), or negative for sqrt(beta2)
 * @param eps             denominator guard, at least 0 (multiplied by d)
 * @param weightDecay     lambda, at least 0
 * @param decouple        true: decoupled (AdamW) decay, false: lambda x added to the gradient
 * @param biasCorrection  whether to use Adam's bias correction bc
 * @param safeguardWarmup whether to leave lr out of s (for warm-up schedules)
 * @param d0              the initial estimate d_0 &gt; 0
 * @param dCoef           the multiplier of the estimate dHat, &gt; 0
 * @param growthRate      the largest factor d grows by in a step, or 0 for unbounded
 */
public record Prodigy(Schedule lr, double beta1, double beta2, double beta3, double eps, double weightDecay,
                      boolean decouple, boolean biasCorrection, boolean safeguardWarmup, double d0, double dCoef,
                      double growthRate) implements Optimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(1.0, "multiplier of the estimated step");
    /** The name in specs. */
    public static final String NAME = "prodigy";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(LR,
            Hyperparameter.real("beta1", 0.9, Range.UNIT_HALF_OPEN, "first-moment decay"),
            Hyperparameter.real("beta2", 0.999, Range.UNIT_HALF_OPEN, "second-moment decay"),
            Hyperparameter.real("beta3", -1, new Range(-1, true, 1, false),
                    "decay of the d estimate's sums; negative: sqrt(beta2) (prodigyopt and optax)"),
            Hyperparameter.real("eps", 1e-8, Range.NON_NEGATIVE, "denominator guard, times d"),
            Hyperparameter.real("weightDecay", 0, Range.NON_NEGATIVE, "lambda"),
            Hyperparameter.bool("decouple", true, "true: AdamW's decoupled decay (prodigyopt, optax);"
                    + " false: lambda x added to the gradient (prodigyopt)"),
            Hyperparameter.bool("biasCorrection", false, "Adam's bias correction in the step size"
                    + " (prodigyopt: false, optax: true)"),
            Hyperparameter.bool("safeguardWarmup", false, "leave lr out of the d estimate's denominator"
                    + " (prodigyopt; optax: false)"),
            Hyperparameter.real("d0", 1e-6, Range.POSITIVE, "initial distance estimate (optax estim_lr0)"),
            Hyperparameter.real("dCoef", 1, Range.POSITIVE, "multiplier of the estimate (optax estim_lr_coef)"),
            Hyperparameter.real("growthRate", 0, Range.NON_NEGATIVE, "largest growth factor of d per step;"
                    + " 0: unbounded (prodigyopt's inf, optax)"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Prodigy> SIGNATURE = new Signature<>(Prodigy.class, NAME, HYPERPARAMETERS,
            "Prodigy, Adam with an estimated distance to the solution as step size"
            + " (Mishchenko and Defazio, ICML 2024)");
    /** Prodigy with every default, the reference package's. */
    public static final Prodigy DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public Prodigy {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, beta1, beta2, beta3, eps, weightDecay, decouple,
                biasCorrection, safeguardWarmup, d0, dCoef, growthRate);
    }

    /** This optimizer with a constant learning-rate multiplier &gt; 0. */
    public Prodigy lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate multiplier schedule lr_k. */
    public Prodigy lr(Schedule lr) {
        return new Prodigy(lr, beta1, beta2, beta3, eps, weightDecay, decouple, biasCorrection, safeguardWarmup, d0,
                dCoef, growthRate);
    }

    /** This optimizer with first-moment decay beta1. */
    public Prodigy beta1(double beta1) {
        return new Prodigy(lr, beta1, beta2, beta3, eps, weightDecay, decouple, biasCorrection, safeguardWarmup, d0,
                dCoef, growthRate);
    }

    /** This optimizer with second-moment decay beta2. */
    public Prodigy beta2(double beta2) {
        return new Prodigy(lr, beta1, beta2, beta3, eps, weightDecay, decouple, biasCorrection, safeguardWarmup, d0,
                dCoef, growthRate);
    }

    /** This optimizer with the estimate's decay beta3 (negative: sqrt(beta2)). */
    public Prodigy beta3(double beta3) {
        return new Prodigy(lr, beta1, beta2, beta3, eps, weightDecay, decouple, biasCorrection, safeguardWarmup, d0,
                dCoef, growthRate);
    }

    /** This optimizer with denominator guard eps. */
    public Prodigy eps(double eps) {
        return new Prodigy(lr, beta1, beta2, beta3, eps, weightDecay, decouple, biasCorrection, safeguardWarmup, d0,
                dCoef, growthRate);
    }

    /** This optimizer with weight decay lambda. */
    public Prodigy weightDecay(double weightDecay) {
        return new Prodigy(lr, beta1, beta2, beta3, eps, weightDecay, decouple, biasCorrection, safeguardWarmup, d0,
                dCoef, growthRate);
    }

    /** This optimizer with decoupled (AdamW's) weight decay, or with lambda x added to the gradient. */
    public Prodigy decouple(boolean decouple) {
        return new Prodigy(lr, beta1, beta2, beta3, eps, weightDecay, decouple, biasCorrection, safeguardWarmup, d0,
                dCoef, growthRate);
    }

    /** This optimizer with or without Adam's bias correction. */
    public Prodigy biasCorrection(boolean biasCorrection) {
        return new Prodigy(lr, beta1, beta2, beta3, eps, weightDecay, decouple, biasCorrection, safeguardWarmup, d0,
                dCoef, growthRate);
    }

    /** This optimizer with or without lr in the estimate's denominator. */
    public Prodigy safeguardWarmup(boolean safeguardWarmup) {
        return new Prodigy(lr, beta1, beta2, beta3, eps, weightDecay, decouple, biasCorrection, safeguardWarmup, d0,
                dCoef, growthRate);
    }

    /** This optimizer with the estimate's start d_0 &gt; 0. */
    public Prodigy d0(double d0) {
        return new Prodigy(lr, beta1, beta2, beta3, eps, weightDecay, decouple, biasCorrection, safeguardWarmup, d0,
                dCoef, growthRate);
    }

    /** This optimizer with the estimate's multiplier dCoef &gt; 0. */
    public Prodigy dCoef(double dCoef) {
        return new Prodigy(lr, beta1, beta2, beta3, eps, weightDecay, decouple, biasCorrection, safeguardWarmup, d0,
                dCoef, growthRate);
    }

    /** This optimizer with the largest factor d grows by in a step (0: unbounded). */
    public Prodigy growthRate(double growthRate) {
        return new Prodigy(lr, beta1, beta2, beta3, eps, weightDecay, decouple, biasCorrection, safeguardWarmup, d0,
                dCoef, growthRate);
    }

    @Override
    public TransformState init(int dimension) {
        double b3 = beta3 < 0 ? Math.sqrt(beta2) : beta3;
        return new TransformState() {
            private final double[] m = buffer("m", dimension, 0);
            private final double[] v = buffer("v", dimension, 0);
            private final double[] s = buffer("s", dimension, 0);
            private final double[] x0 = buffer("x0", dimension, 0);
            /** d, dMax and the weighted numerator r. */
            private final double[] estimate = buffer("estimate", 3, 0);
            private final BiasCorrection.Sequence first = new BiasCorrection.Sequence(beta1);
            private final BiasCorrection.Sequence second = new BiasCorrection.Sequence(beta2);

            @Override
            public void update(double[] direction, StepContext context) {
                long k = context.step();
                double[] x = context.point();
                if (k == 0) {
                    System.arraycopy(x, 0, x0, 0, dimension);
                    estimate[0] = d0;
                    estimate[1] = d0;
                }
                double d = estimate[0];
                double rate = lr.at(k);
                double bc = biasCorrection
                        ? Math.sqrt(second.correction(k + 1)) / first.correction(k + 1) : 1;
                double dlr = d * rate * bc;
                if (!decouple && weightDecay != 0) {
                    for (int i = 0; i < dimension; i++) {
                        direction[i] += weightDecay * x[i];
                    }
                }
                if (rate > 0) {
                    double dot = 0;
                    double denominator = 0;
                    double sWeight = (d / d0) * (safeguardWarmup ? d : dlr);
                    for (int i = 0; i < dimension; i++) {
                        double g = direction[i];
                        dot += g * (x0[i] - x[i]);
                        m[i] = beta1 * m[i] + d * (1 - beta1) * g;
                        v[i] = beta2 * v[i] + d * d * (1 - beta2) * g * g;
                        s[i] = b3 * s[i] + sWeight * g;
                        denominator += Math.abs(s[i]);
                    }
                    estimate[2] = b3 * estimate[2] + (d / d0) * dlr * dot;
                    if (denominator > 0) {
                        double dHat = dCoef * estimate[2] / denominator;
                        double next = d == d0 ? Math.max(d, dHat) : d;
                        estimate[1] = Math.max(estimate[1], dHat);
                        estimate[0] = growthRate == 0 ? estimate[1] : Math.min(estimate[1], next * growthRate);
                    }
                }
                double guard = estimate[0] * eps;
                double decay = decouple ? weightDecay * dlr : 0;
                for (int i = 0; i < dimension; i++) {
                    direction[i] = -dlr * m[i] / (Math.sqrt(v[i]) + guard) - decay * x[i];
                }
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
