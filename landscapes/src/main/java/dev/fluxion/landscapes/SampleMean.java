package dev.fluxion.landscapes;

import dev.fluxion.dsl.expr.Expr;
import dev.fluxion.dsl.expr.VectorExpr;

/**
 * How a data landscape's loss averages a vector of per-sample terms v_1 .. v_N: the plain mean (1/N) sum_i v_i
 * over the whole data set ({@link #FULL}), or a minibatch's weighted sum sum_i u_i v_i, where u_i is the share of
 * sample i in the batch (1/B for each of the B samples drawn, 0 for the rest; see {@link MinibatchObjective}).
 *
 * <p>A provider writes its loss once, as a function of a {@code SampleMean}, and gives that function to
 * {@link Landscape.Builder#minibatches}; the full objective and every minibatch's objective then come from the same
 * formula.
 */
@FunctionalInterface
public interface SampleMean {

    /** The plain mean over all samples, {@link VectorExpr#mean()}. */
    SampleMean FULL = VectorExpr::mean;

    /** The average of the per-sample terms {@code perSample} (one entry per sample). */
    Expr of(VectorExpr perSample);
}
