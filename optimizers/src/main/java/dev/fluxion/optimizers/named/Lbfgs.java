package dev.fluxion.optimizers.named;

import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.NamedOptimizer;
import dev.fluxion.optimizers.Optimizer;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.linesearch.InitialStep;
import dev.fluxion.optimizers.transform.LbfgsDirection;
import java.util.List;

/**
 * Limited-memory BFGS, {@code lbfgs(memory=m, linesearch=..., c1=..., c2=..., curvatureEps=...)} (Nocedal, Math.
 * Comp. 35, 1980; Liu and Nocedal, Math. Prog. 45, 1989; Nocedal and Wright, "Numerical Optimization", 2nd ed., 2006,
 * Algorithm 7.4): d = -H_k g by the two-loop recursion over the last m secant pairs with H_0 = gamma I,
 * gamma = s'y / y'y, then x &lt;- x + alpha d with alpha from a line search that tries the unit step first. The chain
 * {@code chain(lbfgsDirection(...), wolfe(...))} ({@link LbfgsDirection} has the recursion, {@link LineSearchChoice}
 * the searches).
 *
 * @param memory       m &gt;= 1, the number of pairs kept
 * @param linesearch   {@code wolfe}, {@code backtracking} or {@code hagerZhang}
 * @param c1           sufficient-decrease constant in (0, 1)
 * @param c2           curvature constant in (0, 1) (wolfe: c1 &lt; c2; hagerZhang: c1 &lt; 1/2, c1 &lt;= c2)
 * @param curvatureEps eps &gt;= 0: a pair is skipped unless s'y &gt; eps ||s|| ||y||
 */
public record Lbfgs(long memory, String linesearch, double c1, double c2, double curvatureEps)
        implements NamedOptimizer {
    /** The name in specs. */
    public static final String NAME = "lbfgs";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(LbfgsDirection.HYPERPARAMETERS.get(0),
            LineSearchChoice.LINESEARCH, LineSearchChoice.c1(), LineSearchChoice.c2(0.9),
            LbfgsDirection.HYPERPARAMETERS.get(1));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<Lbfgs> SIGNATURE = new Signature<>(Lbfgs.class, NAME, HYPERPARAMETERS,
            "limited-memory BFGS: two-loop recursion with gamma = s'y/y'y, then a line search (Nocedal 1980;"
            + " Liu and Nocedal 1989; Nocedal and Wright 2006, Algorithm 7.4)");
    /** L-BFGS with every default: ten pairs, a strong Wolfe search with c1 = 1e-4, c2 = 0.9. */
    public static final Lbfgs DEFAULT = SIGNATURE.defaults();

    /** Checks every value against its hyperparameter, then c1 and c2 against the line search. */
    public Lbfgs {
        Hyperparameter.check(NAME, HYPERPARAMETERS, memory, linesearch, c1, c2, curvatureEps);
        LineSearchChoice.of(NAME, linesearch, c1, c2, InitialStep.CONSTANT.specName());
    }

    /** This optimizer keeping m = {@code memory} pairs. */
    public Lbfgs memory(long memory) {
        return new Lbfgs(memory, linesearch, c1, c2, curvatureEps);
    }

    /** This optimizer with the line search {@code wolfe}, {@code backtracking} or {@code hagerZhang}. */
    public Lbfgs linesearch(String linesearch) {
        return new Lbfgs(memory, linesearch, c1, c2, curvatureEps);
    }

    /** This optimizer with sufficient-decrease constant c1. */
    public Lbfgs c1(double c1) {
        return new Lbfgs(memory, linesearch, c1, c2, curvatureEps);
    }

    /** This optimizer with curvature constant c2. */
    public Lbfgs c2(double c2) {
        return new Lbfgs(memory, linesearch, c1, c2, curvatureEps);
    }

    /** This optimizer skipping a pair unless s'y &gt; curvatureEps ||s|| ||y||. */
    public Lbfgs curvatureEps(double curvatureEps) {
        return new Lbfgs(memory, linesearch, c1, c2, curvatureEps);
    }

    @Override
    public Chain chain() {
        return Optimizer.chain(new LbfgsDirection(memory, curvatureEps),
                LineSearchChoice.of(NAME, linesearch, c1, c2, InitialStep.CONSTANT.specName()));
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
