package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.linesearch.InitialStep;
import dev.fluxion.optimizers.transform.BfgsDirection;
import java.util.List;

/**
 * BFGS, {@code bfgs(linesearch=..., c1=..., c2=..., curvatureEps=...)} (Broyden; Fletcher; Goldfarb; Shanno, 1970;
 * Nocedal and Wright, "Numerical Optimization", 2nd ed., 2006, section 6.1): d = -H_k g with the dense inverse-Hessian
 * update of eq. 6.17 and H_0 = (y's / y'y) I (eq. 6.20), then x &lt;- x + alpha d with alpha from a line search that
 * tries the unit step first. The chain {@code chain(bfgsDirection(...), wolfe(...))} ({@link BfgsDirection} has the
 * update, {@link LineSearchChoice} the searches).
 *
 * @param linesearch   {@code wolfe}, {@code backtracking} or {@code hagerZhang}
 * @param c1           sufficient-decrease constant in (0, 1)
 * @param c2           curvature constant in (0, 1) (wolfe: c1 &lt; c2; hagerZhang: c1 &lt; 1/2, c1 &lt;= c2)
 * @param curvatureEps eps &gt;= 0: a pair is skipped unless y's &gt; eps ||s|| ||y||
 */
public record Bfgs(String linesearch, double c1, double c2, double curvatureEps) implements NamedOptimizer {
    /** The name in specs. */
    public static final String NAME = "bfgs";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = Hyperparameter.join(List.of(
            LineSearchChoice.LINESEARCH, LineSearchChoice.c1(), LineSearchChoice.c2(0.9)),
            BfgsDirection.HYPERPARAMETERS);
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Bfgs> SIGNATURE = new Signature<>(Bfgs.class, NAME, HYPERPARAMETERS,
            "BFGS with a dense inverse-Hessian update, H_0 = (y's/y'y) I, then a line search (Broyden, Fletcher,"
            + " Goldfarb, Shanno 1970; Nocedal and Wright 2006, eqs. 6.17 and 6.20)");
    /** BFGS with every default: a strong Wolfe search with c1 = 1e-4, c2 = 0.9. */
    public static final Bfgs DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter, then c1 and c2 against the line search. */
    public Bfgs {
        Hyperparameter.check(NAME, HYPERPARAMETERS, linesearch, c1, c2, curvatureEps);
        LineSearchChoice.of(NAME, linesearch, c1, c2, InitialStep.CONSTANT.specName());
    }

    /** This optimizer with the line search {@code wolfe}, {@code backtracking} or {@code hagerZhang}. */
    public Bfgs linesearch(String linesearch) {
        return new Bfgs(linesearch, c1, c2, curvatureEps);
    }

    /** This optimizer with sufficient-decrease constant c1. */
    public Bfgs c1(double c1) {
        return new Bfgs(linesearch, c1, c2, curvatureEps);
    }

    /** This optimizer with curvature constant c2. */
    public Bfgs c2(double c2) {
        return new Bfgs(linesearch, c1, c2, curvatureEps);
    }

    /** This optimizer skipping a pair unless y's &gt; curvatureEps ||s|| ||y||. */
    public Bfgs curvatureEps(double curvatureEps) {
        return new Bfgs(linesearch, c1, c2, curvatureEps);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new BfgsDirection(curvatureEps),
                LineSearchChoice.of(NAME, linesearch, c1, c2, InitialStep.CONSTANT.specName()));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
