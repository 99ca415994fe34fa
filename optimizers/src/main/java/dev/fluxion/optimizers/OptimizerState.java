package dev.fluxion.optimizers;

import dev.fluxion.dsl.Objective;

/**
 * One run of an {@link Optimizer}: the step counter, every transform's buffers, and scratch arrays for the
 * gradient and the update. {@link #step(Objective, double[])} allocates nothing (for the first-order rules).
 *
 * <p>A step computes g = grad f(x) and checks it is finite, then passes it through the chain (a copy of it if some
 * transform reads the raw gradient, see {@link Transform#readsGradient()}) to get the update u, and sets
 * x &lt;- x + u in the chain's last pass ({@link TransformState#updateAndApply}), which also sums u_i^2. A
 * non-finite gradient is reported as an {@link OptimizerException} naming the step and the component before any
 * buffer or x changes; a non-finite update likewise, after x is put back exactly to where it was.
 *
 * <p>One exception to "before any buffer changes": when the transform that applies the update is the first to
 * see the gradient and can sum g_i^2 in its own pass ({@link TransformState#measuresIncoming}, as Adam's does),
 * the step makes one pass over the parameters instead of two, and a non-finite gradient is found after that
 * pass. x is then put back exactly and the error names the step and the component as before, but the buffers
 * have moved, so the run is stopped: every later step throws, until a saved state is restored.
 */
public final class OptimizerState {
    private final Optimizer optimizer;
    private final int dimension;
    private final TransformState root;
    private final double[] gradient;
    private final double[] direction;
    private final boolean copyGradient;
    private final StepContext context = new StepContext();
    private final StepInfo info = new StepInfo();
    private final double[] measured = new double[1];
    private long steps;
    private long stoppedAt = -1;

    OptimizerState(Optimizer optimizer, int dimension, TransformState root) {
        this.optimizer = optimizer;
        this.dimension = dimension;
        this.root = root;
        this.gradient = new double[dimension];
        this.copyGradient = optimizer.transform().readsGradient();
        this.direction = copyGradient ? new double[dimension] : null;
    }

    /** The optimizer this run belongs to. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The number of variables. */
    public int dimension() {
        return dimension;
    }

    /** The number of steps taken so far (the position of the learning-rate schedules). */
    public long steps() {
        return steps;
    }

    /**
     * Takes one step from x, in place, and returns this run's step report (overwritten by the next step).
     *
     * @throws OptimizerException if the gradient or the update has a non-finite component (x is unchanged; a
     *                            non-finite update may leave the transforms' buffers advanced, and a non-finite
     *                            gradient in a one-pass step stops the run), or if this run was stopped
     */
    public StepInfo step(Objective objective, double[] x) {
        if (stoppedAt >= 0) {
            throw OptimizerException.atStep("this run stopped at step " + stoppedAt + " of " + optimizer.spec()
                    + ": a non-finite gradient reached its one-pass update, which had already moved its buffers;"
                    + " restore a saved state or start a new run", stoppedAt, -1);
        }
        if (x.length != dimension || objective.dimension() != dimension) {
            throw new OptimizerException("this run is for dimension " + dimension + " but was given a point of length "
                    + x.length + " and an objective of dimension " + objective.dimension());
        }
        double value = objective.valueAndGradient(x, gradient);
        double[] incoming = gradient;
        if (copyGradient) {
            System.arraycopy(gradient, 0, direction, 0, dimension);
            incoming = direction;
        }
        context.set(objective, x, gradient, value, steps);
        double gradientSquares;
        double stepSquares;
        if (root.measuresIncoming(1, context)) {
            // one pass: the transform sums g_i^2 while it moves its buffers and x (the chain's last pass leaves the
            // old x in `incoming`), and a non-finite gradient is found after it
            stepSquares = root.updateApplyAndMeasure(incoming, 1, x, context, measured);
            gradientSquares = measured[0];
            if (!Double.isFinite(gradientSquares)) {
                stopIfNonFinite(incoming, x, objective);
            }
        } else {
            // a branch-free sum in the hot path, the one pass a step adds to the chain's own (it must come
            // before any buffer changes); a non-finite sum sends us looking for the culprit
            gradientSquares = sumOfSquares(gradient);
            if (!Double.isFinite(gradientSquares)) {
                checkFinite("gradient", gradient, objective);
            }
            stepSquares = root.updateAndApply(incoming, 1, x, context);
        }
        if (!Double.isFinite(stepSquares)) {
            undoIfNonFinite(incoming, x, objective);
        }
        steps++;
        info.value = value;
        info.gradientNorm = Math.sqrt(gradientSquares);
        info.stepLength = Math.sqrt(stepSquares);
        info.steps = steps;
        return info;
    }

    /**
     * After a one-pass update whose gradient sum is not finite: an element-wise rule turns a non-finite g_i into
     * a non-finite x_i (Adam's m_i / (sqrt(v_i) + eps) is then inf / inf or NaN), so the first such x_i names the
     * component. Puts x back to {@code old} exactly, marks the run stopped (its buffers have moved) and throws;
     * returns if every x_i is finite (the sum of squares overflowed on finite components).
     */
    private void stopIfNonFinite(double[] old, double[] x, Objective objective) {
        for (int i = 0; i < dimension; i++) {
            if (!Double.isFinite(x[i])) {
                System.arraycopy(old, 0, x, 0, dimension);
                stoppedAt = steps;
                throw OptimizerException.atStep("the gradient is not finite (NaN or infinite) in component " + i
                        + " (" + objective.variableNames().get(i) + ") at step " + steps + " of " + optimizer.spec()
                        + "; x was left unchanged, and the run stops here: the one-pass update had already moved"
                        + " its buffers", steps, i);
            }
        }
    }

    /**
     * sum_i v_i^2, from the last component to the first in four interleaved partial sums, added pairwise at the
     * end. Backwards, because the objective has just written the gradient's tail, which is still in cache, and the
     * chain's pass that follows starts from the head, which this pass leaves in cache; in four sums, because one
     * chain of dependent adds would run slower than memory. (About an eighth of an Adam step on 10^6 parameters,
     * against a sixth for one forward sum.) The order differs from a plain sum in the last bits of the norm only.
     */
    private static double sumOfSquares(double[] vector) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = vector.length - 1;
        for (; i >= 3; i -= 4) {
            s0 += vector[i] * vector[i];
            s1 += vector[i - 1] * vector[i - 1];
            s2 += vector[i - 2] * vector[i - 2];
            s3 += vector[i - 3] * vector[i - 3];
        }
        for (; i >= 0; i--) {
            s0 += vector[i] * vector[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Puts x back to {@code old} and throws if the step took a finite component of x to a non-finite value
     * (the update was non-finite there, or x + u overflowed); returns if not (the sum of squares overflowed).
     */
    private void undoIfNonFinite(double[] old, double[] x, Objective objective) {
        for (int i = 0; i < dimension; i++) {
            if (Double.isFinite(old[i]) && !Double.isFinite(x[i])) {
                double update = x[i] - old[i];
                System.arraycopy(old, 0, x, 0, dimension);
                throw nonFinite("update", objective, i, update);
            }
        }
    }

    /** Throws for the first non-finite component; returns if all are finite (the sum of squares overflowed). */
    private void checkFinite(String what, double[] vector, Objective objective) {
        for (int i = 0; i < dimension; i++) {
            if (!Double.isFinite(vector[i])) {
                throw nonFinite(what, objective, i, vector[i]);
            }
        }
    }

    private OptimizerException nonFinite(String what, Objective objective, int component, double found) {
        return OptimizerException.atStep("the " + what + " is " + found + " in component " + component + " ("
                + objective.variableNames().get(component) + ") at step " + steps + " of " + optimizer.spec()
                + "; x was left unchanged", steps, component);
    }

    /**
     * This run as stable text: the optimizer's spec, the dimension, the step counter, and every buffer with each
     * double written exactly ({@link Double#toHexString(double)}). {@link Optimizer#restore(String)} reads it.
     */
    public String save() {
        return StateText.save(this);
    }

    TransformState root() {
        return root;
    }

    void restoreSteps(long restored) {
        this.steps = restored;
    }
}
