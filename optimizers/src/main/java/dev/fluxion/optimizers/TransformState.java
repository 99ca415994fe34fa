package dev.fluxion.optimizers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The state of one transform during one run: named primitive buffers (moments, velocities, accumulators) that
 * are saved and restored exactly, and the in-place update that uses them.
 *
 * <p>A subclass registers each buffer once, in its constructor, with {@link #buffer(String, int, double)}; any
 * other field it keeps is scratch space that a step recomputes (a Hessian, a factorization) and is not saved.
 * {@link #update(double[], StepContext)} must not allocate.
 */
public abstract class TransformState {
    private final List<String> bufferNames = new ArrayList<>();
    private final List<double[]> buffers = new ArrayList<>();

    /** Registers and returns a saved buffer of the given length, filled with {@code initialValue}. */
    protected final double[] buffer(String name, int length, double initialValue) {
        if (bufferNames.contains(name)) {
            throw new IllegalStateException("buffer " + name + " is registered twice");
        }
        double[] values = new double[length];
        java.util.Arrays.fill(values, initialValue);
        bufferNames.add(name);
        buffers.add(values);
        return values;
    }

    /**
     * Rewrites {@code direction} in place: on entry the direction handed on by the previous transform (the
     * gradient for the first), on exit the direction for the next one (the update added to x for the last).
     */
    public abstract void update(double[] direction, StepContext context);

    /**
     * Rewrites {@code direction} as {@link #update(double[], StepContext)} does, to d, and adds the update to
     * the point: x_i &lt;- x_i + u_i with u_i = scale d_i (each product and sum rounded once, so a scale of 1
     * adds d itself). This is the last pass of a step. On return {@code direction[i]} holds the old x_i, so
     * that a step whose update turns out non-finite can be undone exactly. Returns sum_i u_i^2, summed in
     * index order.
     *
     * <p>The default runs {@code update} and then one pass over x. An element-wise transform may override it to
     * compute d_i and apply u_i in a single pass (as {@link dev.fluxion.optimizers.transform.ScaleByAdam}
     * does), with the same arithmetic as {@code update} followed by this default, so the results are the same
     * bit for bit. Like {@code update}, it must not allocate.
     *
     * @param direction the incoming direction; on return, the old x
     * @param scale     the factor of a learning rate that followed this transform in a chain, or 1
     * @param x         the point, moved in place
     * @return the squared Euclidean norm of the update u
     */
    public double updateAndApply(double[] direction, double scale, double[] x, StepContext context) {
        update(direction, context);
        double squares = 0;
        for (int i = 0; i < direction.length; i++) {
            double u = scale * direction[i];
            double old = x[i];
            x[i] = old + u;
            direction[i] = old;
            squares += u * u;
        }
        return squares;
    }

    /**
     * Whether {@link #updateApplyAndMeasure} can take the raw gradient as its direction and sum its squares in
     * the same single pass that updates the buffers and x (only an element-wise transform that is the first to
     * see the gradient can). False by default: the step then sums and checks the gradient in a pass of its own
     * before anything changes. {@code scale} is the factor the caller will pass to {@code updateApplyAndMeasure}.
     */
    public boolean measuresIncoming(double scale, StepContext context) {
        return false;
    }

    /**
     * {@link #updateAndApply}, also summing sum_i d_i^2 over the incoming direction, in index order, into
     * {@code incomingSquares[0]}; only called when {@link #measuresIncoming} says so. It must not check the
     * incoming values: the step does, after the pass (see {@link OptimizerState#step}).
     *
     * @return the squared Euclidean norm of the update, as {@code updateAndApply} returns it
     */
    public double updateApplyAndMeasure(double[] direction, double scale, double[] x, StepContext context,
                                        double[] incomingSquares) {
        throw new IllegalStateException(getClass().getName() + " does not measure its incoming direction");
    }

    /**
     * If this transform only multiplies the direction by one number at this step (d &lt;- s d, as a learning
     * rate does), that number s; otherwise NaN (the default). A {@link Chain} whose last link has such a factor
     * hands it to the link before, whose {@link #updateAndApply} applies it in its own pass.
     */
    protected double factor(StepContext context) {
        return Double.NaN;
    }

    /** The states of the transforms nested in this one (a chain's links); none by default. */
    protected List<TransformState> parts() {
        return Collections.emptyList();
    }

    final List<String> bufferNames() {
        return bufferNames;
    }

    final double[] savedBuffer(int index) {
        return buffers.get(index);
    }

    final List<TransformState> nested() {
        return parts();
    }
}
