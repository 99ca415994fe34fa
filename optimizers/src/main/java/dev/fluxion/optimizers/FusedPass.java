package dev.fluxion.optimizers;

import java.util.List;

/**
 * A private specialisation of one exact chain shape: the chain's update and x += u in one pass over the parameters
 * instead of one pass per link plus one for x, with the same arithmetic in the same order, so the same bits. A fused
 * pass reads and writes the chain's own saved buffers, so saving, restoring and the finiteness checks of
 * {@link OptimizerState#step} are those of the chain. There are three, each kept because a benchmark showed it pays
 * (benchmarks/README.md, "A step against its floor"): {@link FusedAdamPass}, {@link FusedTracePass} and
 * {@link FusedScalePass}. Each writes two variables out, without a loop: when the objective's generated kernel is
 * inlined into the step, the gradient it stored at positions 0 and 1 is then read back from registers instead of
 * memory, one round trip less on the step's chain of dependent operations (the step-floor benchmark's three rows).
 */
interface FusedPass {
    /**
     * Moves the chain's buffers and x for the gradient g at step {@code step}, leaving the old x in {@code old}
     * (for two variables only when the sum returned is not finite, the one case where it is read: see
     * {@link #moveTwo}); returns sum_i u_i^2 in index order, as the chain's passes and {@link OptimizerState}'s
     * x += u would.
     */
    double apply(double[] gradient, double[] x, double[] old, long step);

    /**
     * x_i &lt;- x_i + u_i for two variables; returns u_0^2 + u_1^2, the loop's sum (which starts at 0, and an added
     * u_0^2 is never -0). The old x goes to {@code old} only when that sum is not finite: a finite sum means every
     * |u_i| &lt; 2^512, and a finite x_i plus so small a u_i cannot overflow, so the step is kept and
     * {@link OptimizerState} never reads {@code old}; two stores fewer on a step of a few nanoseconds.
     *
     * <p>At most 35 bytes of bytecode (HotSpot's {@code MaxInlineSize}), its rare and its plain parts methods of their
     * own: the JIT then inlines it into a step at every call site whatever the call site's profile says. At 57 bytes
     * it was inlined only where the profile counted the call as frequent, which it did in some JVMs and not in
     * others: the gd row of the step-floor benchmark took 13 to 18 us per run in 13 of 27 JVMs and about 9.7 in the
     * rest (benchmarks/README.md, "x through memory is the in-place step's floor").
     */
    static double moveTwo(double[] x, double[] old, double u0, double u1) {
        double squares = u0 * u0 + u1 * u1;
        if (!Double.isFinite(squares)) {
            keepTwo(x, old);
        }
        addTwo(x, u0, u1);
        return squares;
    }

    /** old &lt;- x, for two variables. */
    private static void keepTwo(double[] x, double[] old) {
        old[0] = x[0];
        old[1] = x[1];
    }

    /** x_i &lt;- x_i + u_i, for two variables. */
    private static void addTwo(double[] x, double u0, double u1) {
        x[0] += u0;
        x[1] += u1;
    }

    /** The two links of an optimizer that is a chain of exactly two, written so or named; null for any other. */
    static List<Transform> twoLinks(Optimizer optimizer) {
        return links(optimizer, 2);
    }

    /** The links of an optimizer that is a chain of exactly {@code count}, written so or named; null for any other. */
    static List<Transform> links(Optimizer optimizer, int count) {
        Optimizer shape = optimizer instanceof NamedOptimizer named ? named.chain() : optimizer;
        return shape instanceof Chain chain && chain.links().size() == count ? chain.links() : null;
    }

    /** The fused pass for an optimizer of one of the recognised shapes, or null for any other. */
    static FusedPass of(Optimizer optimizer, TransformState root) {
        FusedPass adam = FusedAdamPass.of(optimizer, root);
        if (adam != null) {
            return adam;
        }
        FusedPass trace = FusedTracePass.of(optimizer, root);
        return trace != null ? trace : FusedScalePass.of(optimizer);
    }
}
