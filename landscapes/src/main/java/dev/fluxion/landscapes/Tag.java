package dev.fluxion.landscapes;

/** What kind of landscape this is, for choosing and grouping landscapes in studies. */
public enum Tag {
    /** Convex on its whole domain: every local minimum is global. */
    CONVEX,
    /** Many local minima. */
    MULTIMODAL,
    /** Condition number of the Hessian (L / mu) large, or growing with a parameter. */
    ILL_CONDITIONED,
    /**
     * Badly scaled: the variables live on scales orders of magnitude apart, so one step length fits no two of them
     * (the Hessian's diagonal at the minimizer spans more than six orders of magnitude).
     */
    BADLY_SCALED,
    /** A sum of squares whose residuals all vanish at the minimum, so f* = 0 and Gauss-Newton converges fast. */
    ZERO_RESIDUAL,
    /** Has saddle points that matter to first-order methods. */
    SADDLE,
    /** A negative log-likelihood of a statistical model. */
    STATISTICAL,
    /** A machine-learning training loss over a data set. */
    ML,
    /** Not differentiable everywhere (at a kink the dsl's convention for derivatives applies). */
    NONSMOOTH,
    /** One variable. */
    ONE_DIMENSIONAL
}
