package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.schedule.Schedule;
import dev.fluxion.optimizers.transform.ScaleByAmsgrad;
import dev.fluxion.optimizers.transform.ScaleByLearningRate;
import java.util.List;

/**
 * AMSGrad, {@code amsgrad(lr=alpha, ...)}: Adam with a non-decreasing second moment (Reddi, Kale and Kumar, "On the
 * Convergence of Adam and Beyond", ICLR 2018, Algorithm 2). The chain {@code chain(scaleByAmsgrad(...), scale(lr))}
 * ({@link ScaleByAmsgrad} has the formulas and the formulation options).
 *
 * @param lr             alpha_t
 * @param beta1          first-moment decay in [0, 1)
 * @param beta2          second-moment decay in [0, 1)
 * @param eps            denominator guard, at least 0
 * @param epsInsideSqrt  where eps goes
 * @param maxOfCorrected whether the maximum is taken over bias-corrected second moments
 */
public record Amsgrad(Schedule lr, double beta1, double beta2, double eps, boolean epsInsideSqrt,
                      boolean maxOfCorrected) implements NamedOptimizer {
    private static final Hyperparameter LR = Hyperparameter.learningRate(0.001, "step size alpha");
    /** The name in specs. */
    public static final String NAME = "amsgrad";
    /** The hyperparameters, in the order of the components and of specs: the learning rate, then the rule's. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(LR),
            ScaleByAmsgrad.HYPERPARAMETERS);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Amsgrad> SIGNATURE = new Signature<>(Amsgrad.class, NAME, HYPERPARAMETERS,
            "AMSGrad, Adam with a non-decreasing second moment (Reddi, Kale and Kumar, ICLR 2018)");
    /** AMSGrad with every default. */
    public static final Amsgrad DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter. */
    public Amsgrad {
        Hyperparameter.check(NAME, HYPERPARAMETERS, lr, beta1, beta2, eps, epsInsideSqrt, maxOfCorrected);
    }

    /** This optimizer with a constant learning rate alpha &gt; 0. */
    public Amsgrad lr(double lr) {
        return lr(LR.constant(NAME, lr));
    }

    /** This optimizer with the learning-rate schedule alpha_t. */
    public Amsgrad lr(Schedule lr) {
        return new Amsgrad(lr, beta1, beta2, eps, epsInsideSqrt, maxOfCorrected);
    }

    /** This optimizer with first-moment decay beta1. */
    public Amsgrad beta1(double beta1) {
        return new Amsgrad(lr, beta1, beta2, eps, epsInsideSqrt, maxOfCorrected);
    }

    /** This optimizer with second-moment decay beta2. */
    public Amsgrad beta2(double beta2) {
        return new Amsgrad(lr, beta1, beta2, eps, epsInsideSqrt, maxOfCorrected);
    }

    /** This optimizer with denominator guard eps. */
    public Amsgrad eps(double eps) {
        return new Amsgrad(lr, beta1, beta2, eps, epsInsideSqrt, maxOfCorrected);
    }

    /** This optimizer with eps inside the square root or outside it. */
    public Amsgrad epsInsideSqrt(boolean epsInsideSqrt) {
        return new Amsgrad(lr, beta1, beta2, eps, epsInsideSqrt, maxOfCorrected);
    }

    /** This optimizer with the maximum over bias-corrected second moments, or over raw ones. */
    public Amsgrad maxOfCorrected(boolean maxOfCorrected) {
        return new Amsgrad(lr, beta1, beta2, eps, epsInsideSqrt, maxOfCorrected);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new ScaleByAmsgrad(beta1, beta2, eps, epsInsideSqrt, maxOfCorrected),
                new ScaleByLearningRate(lr));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
