package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * NAdam's direction, {@code scaleByNadam(...)} (Dozat, "Incorporating Nesterov Momentum into Adam", ICLR 2016
 * workshop, Algorithm 2): Adam whose first moment looks one step ahead, as Nesterov's momentum does. With t = step +
 * 1, m &lt;- beta1 m + (1 - beta1) d, v &lt;- beta2 v + (1 - beta2) d^2 and vHat = v / (1 - beta2^t):
 * <ul>
 *   <li>{@code momentumSchedule = true} (default; Dozat's schedule, as PyTorch's {@code NAdam}): with
 *       mu_t = beta1 (1 - 0.5 * 0.96^(t psi)), psi = {@code momentumDecay}, and P_t = mu_1 mu_2 ... mu_t,
 *       <pre>
 *       d &lt;- [ (1 - mu_t) / (1 - P_t) d + mu_{t+1} / (1 - P_t mu_{t+1}) m ] / (sqrt(vHat) + eps)
 *       </pre></li>
 *   <li>{@code momentumSchedule = false} (optax's {@code nadam}, constant beta1, psi unused):
 *       <pre>
 *       mHat = beta1 m / (1 - beta1^(t+1)) + (1 - beta1) d / (1 - beta1^t)
 *       d &lt;- mHat / (sqrt(vHat) + eps)
 *       </pre></li>
 * </ul>
 * Both drop the extra factor beta2 that Dozat's Algorithm 2 puts on vHat. The corrections 1 - beta^t are
 * {@link BiasCorrection}'s. 0.96^(t psi) is computed as q^t with q = 0.96^psi ({@link StrictMath#pow}, once) by
 * {@link BiasCorrection}'s allocation-free powering (relative error about t 2^-53 from the rounding of q, about 1e-11
 * at t = 10^5); the product P_t is a saved buffer ({@code muProduct}), so a restored run continues with the same
 * bits.
 *
 * @param beta1            first-moment decay in [0, 1)
 * @param beta2            second-moment decay in [0, 1)
 * @param eps              eps &gt;= 0
 * @param momentumDecay    psi &gt;= 0 in Dozat's schedule
 * @param momentumSchedule Dozat's schedule mu_t (PyTorch), or a constant beta1 (optax)
 */
public record ScaleByNadam(double beta1, double beta2, double eps, double momentumDecay, boolean momentumSchedule)
        implements Transform {
    /** The name in specs. */
    public static final String NAME = "scaleByNadam";
    /** The base of Dozat's momentum schedule, 0.96. */
    private static final double SCHEDULE_BASE = 0.96;
    /** The hyperparameters, in the order of the components and of specs: Adam's moments, then the schedule. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(
            ScaleByAdam.HYPERPARAMETERS.subList(0, 3), List.of(
                    Hyperparameter.real("momentumDecay", 0.004, Range.NON_NEGATIVE,
                            "psi in mu_t = beta1 (1 - 0.5 * 0.96^(t psi)) (Dozat 2016; PyTorch)"),
                    Hyperparameter.bool("momentumSchedule", true,
                            "true: Dozat's schedule mu_t and their product (PyTorch NAdam); false: constant beta1"
                                    + " with Adam's corrections of the look-ahead (optax nadam)")));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ScaleByNadam> SIGNATURE = new Signature<>(ScaleByNadam.class, NAME, HYPERPARAMETERS,
            "NAdam's direction, Adam's with a Nesterov look-ahead, before the learning rate"
            + " (Dozat, ICLR 2016 workshop)");
    /** NAdam's direction with every default. */
    public static final ScaleByNadam DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public ScaleByNadam {
        Hyperparameter.check(NAME, HYPERPARAMETERS, beta1, beta2, eps, momentumDecay, momentumSchedule);
    }

    /** This direction with first-moment decay beta1. */
    public ScaleByNadam beta1(double beta1) {
        return new ScaleByNadam(beta1, beta2, eps, momentumDecay, momentumSchedule);
    }

    /** This direction with second-moment decay beta2. */
    public ScaleByNadam beta2(double beta2) {
        return new ScaleByNadam(beta1, beta2, eps, momentumDecay, momentumSchedule);
    }

    /** This direction with denominator guard eps. */
    public ScaleByNadam eps(double eps) {
        return new ScaleByNadam(beta1, beta2, eps, momentumDecay, momentumSchedule);
    }

    /** This direction with psi in Dozat's momentum schedule. */
    public ScaleByNadam momentumDecay(double momentumDecay) {
        return new ScaleByNadam(beta1, beta2, eps, momentumDecay, momentumSchedule);
    }

    /** This direction with Dozat's momentum schedule (PyTorch) or a constant beta1 (optax). */
    public ScaleByNadam momentumSchedule(boolean momentumSchedule) {
        return new ScaleByNadam(beta1, beta2, eps, momentumDecay, momentumSchedule);
    }

    /** Dozat's mu_t = beta1 (1 - 0.5 * q^t), with q = 0.96^psi. */
    private double mu(double q, long t) {
        return beta1 * (1 - 0.5 * BiasCorrection.power(q, t));
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            private final double[] m = buffer("m", dimension, 0);
            private final double[] v = buffer("v", dimension, 0);
            private final double[] muProduct = buffer("muProduct", 1, 1);
            private final double q = StrictMath.pow(SCHEDULE_BASE, momentumDecay);
            private final BiasCorrection.Sequence first = new BiasCorrection.Sequence(beta1);
            private final BiasCorrection.Sequence firstAhead = new BiasCorrection.Sequence(beta1);
            private final BiasCorrection.Sequence second = new BiasCorrection.Sequence(beta2);

            @Override
            public void update(double[] direction, StepContext context) {
                long t = context.step() + 1;
                double c2 = second.correction(t);
                // d <- gradientWeight d + momentWeight m, before the division by sqrt(vHat) + eps
                double gradientWeight;
                double momentWeight;
                if (momentumSchedule) {
                    double muNow = mu(q, t);
                    double muNext = mu(q, t + 1);
                    muProduct[0] *= muNow;
                    gradientWeight = (1 - muNow) / (1 - muProduct[0]);
                    momentWeight = muNext / (1 - muProduct[0] * muNext);
                } else {
                    gradientWeight = (1 - beta1) / first.correction(t);
                    momentWeight = beta1 / firstAhead.correction(t + 1);
                }
                for (int i = 0; i < direction.length; i++) {
                    double g = direction[i];
                    m[i] = beta1 * m[i] + (1 - beta1) * g;
                    v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                    direction[i] = (gradientWeight * g + momentWeight * m[i]) / (Math.sqrt(v[i] / c2) + eps);
                }
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
