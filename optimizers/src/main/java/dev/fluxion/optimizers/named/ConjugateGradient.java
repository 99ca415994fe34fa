package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.linesearch.InitialStep;
import dev.fluxion.optimizers.transform.ConjugateGradientDirection;
import java.util.List;

/**
 * Nonlinear conjugate gradients, {@code cg(variant=..., restartEvery=..., linesearch=..., c1=..., c2=...)} (Nocedal
 * and Wright, "Numerical Optimization", 2nd ed., 2006, section 5.2; Hager and Zhang, SIAM J. Optim. 16(1), 2005):
 * d = -g + beta d, restarted every n steps and on a non-descent direction, then x &lt;- x + alpha d with alpha from a
 * line search whose first trial is the quadratic guess (eq. 3.60), since CG directions are not well scaled; c2 = 0.1
 * by default, which keeps Fletcher-Reeves directions descent directions (Lemma 5.6). The chain
 * {@code chain(cgDirection(...), wolfe(...))} ({@link ConjugateGradientDirection} has the betas,
 * {@link LineSearchChoice} the searches).
 *
 * @param variant      {@code fr}, {@code prplus}, {@code hs} or {@code hz}
 * @param restartEvery the restart period in steps, 0 for n
 * @param linesearch   {@code wolfe}, {@code backtracking} or {@code hagerZhang}
 * @param c1           sufficient-decrease constant in (0, 1)
 * @param c2           curvature constant in (0, 1) (wolfe: c1 &lt; c2; hagerZhang: c1 &lt; 1/2, c1 &lt;= c2)
 */
public record ConjugateGradient(String variant, long restartEvery, String linesearch, double c1, double c2)
        implements NamedOptimizer {
    /** The name in specs. */
    public static final String NAME = "cg";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(
            ConjugateGradientDirection.HYPERPARAMETERS,
            List.of(LineSearchChoice.LINESEARCH, LineSearchChoice.c1(), LineSearchChoice.c2(0.1)));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ConjugateGradient> SIGNATURE = new Signature<>(
            ConjugateGradient.class, NAME, HYPERPARAMETERS,
            "nonlinear conjugate gradients, d = -g + beta d, restarted every n steps and on a non-descent"
            + " direction, then a line search (Nocedal and Wright 2006, section 5.2; Hager and Zhang 2005)");
    /** CG with every default: Polak-Ribiere+, restarted every n steps, strong Wolfe with c1 = 1e-4, c2 = 0.1. */
    public static final ConjugateGradient DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter, then c1 and c2 against the line search. */
    public ConjugateGradient {
        Hyperparameter.check(NAME, HYPERPARAMETERS, variant, restartEvery, linesearch, c1, c2);
        LineSearchChoice.of(NAME, linesearch, c1, c2, InitialStep.QUADRATIC.specName());
    }

    /** This optimizer with the beta formula {@code variant}: fr, prplus, hs or hz. */
    public ConjugateGradient variant(String variant) {
        return new ConjugateGradient(variant, restartEvery, linesearch, c1, c2);
    }

    /** This optimizer restarted every {@code restartEvery} steps (0: every n). */
    public ConjugateGradient restartEvery(long restartEvery) {
        return new ConjugateGradient(variant, restartEvery, linesearch, c1, c2);
    }

    /** This optimizer with the line search {@code wolfe}, {@code backtracking} or {@code hagerZhang}. */
    public ConjugateGradient linesearch(String linesearch) {
        return new ConjugateGradient(variant, restartEvery, linesearch, c1, c2);
    }

    /** This optimizer with sufficient-decrease constant c1. */
    public ConjugateGradient c1(double c1) {
        return new ConjugateGradient(variant, restartEvery, linesearch, c1, c2);
    }

    /** This optimizer with curvature constant c2. */
    public ConjugateGradient c2(double c2) {
        return new ConjugateGradient(variant, restartEvery, linesearch, c1, c2);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new ConjugateGradientDirection(variant, restartEvery),
                LineSearchChoice.of(NAME, linesearch, c1, c2, InitialStep.QUADRATIC.specName()));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
