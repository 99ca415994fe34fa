package dev.fluxion.optimizers;

import dev.fluxion.dsl.Objective;

/**
 * One run of an {@link Optimizer}: the step counter, the evaluation counts, every transform's buffers, and
 * scratch arrays for the gradient and the direction. {@link #step(Objective, double[])} allocates nothing (for
 * the first-order rules).
 *
 * <p>A step is: g = grad f(x) (counted; see {@link StepContext} for when a line search's last evaluation is reused);
 * a check that g is finite, which names the step and the component and leaves everything as it was when it fails;
 * the chain, which rewrites a copy of g into the update u; and x &lt;- x + u. A non-finite update (or x + u
 * overflowing) is reported likewise, after x is put back exactly; the transforms' buffers have then moved.
 */
public final class OptimizerState {
    private final Optimizer optimizer;
    private final int dimension;
    private final TransformState root;
    private final double[] gradient;
    private final double[] direction;
    private final StepContext context;
    private final StepInfo info;
    /** The chain's own passes fused into one, where that pays; null for every other chain. */
    private final FusedPass fused;

    /**
     * A run of {@code optimizer} from {@code root}, its state; {@code shape} is the optimizer as a chain of building
     * blocks where it has one (a named optimizer's {@link NamedOptimizer#chain()}, so that the chain is built once
     * per run), from which the fused pass is recognised.
     */
    OptimizerState(Optimizer optimizer, int dimension, TransformState root, Optimizer shape) {
        this.optimizer = optimizer;
        this.dimension = dimension;
        this.root = root;
        this.gradient = new double[dimension];
        this.direction = new double[dimension];
        this.context = new StepContext(dimension);
        this.info = new StepInfo(context);
        this.fused = FusedPass.of(shape, root);
    }

    /** Refuses a dimension below 1, the same message for every optimizer. */
    static void checkDimension(int dimension) {
        if (dimension < 1) {
            throw new OptimizerException("dimension = " + dimension + " is out of range [1, inf)");
        }
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
        return context.step();
    }

    /** The objective evaluations of this run so far, by kind. */
    public Evaluations evaluations() {
        return context.evaluations();
    }

    /**
     * Takes one step from x, in place, and returns this run's step report (overwritten by the next step).
     *
     * @throws OptimizerException if the gradient has a non-finite component (nothing has changed), or the update
     *                            has one (x is unchanged; the transforms' buffers have moved), or a transform
     *                            refuses the step (a Hessian that is not positive definite, say)
     */
    public StepInfo step(Objective objective, double[] x) {
        // the rare paths are methods of their own, so that this one stays small enough for the JIT to inline into a
        // caller's loop
        if (x.length != dimension || objective.dimension() != dimension) {
            throw wrongDimension(objective, x);
        }
        try {
            double value = context.evaluateAt(objective, x, gradient);
            // a branch-free sum in the hot path; a non-finite sum sends us looking for the culprit before anything
            // moves
            double gradientSquares = sumOfSquares(gradient);
            if (!Double.isFinite(gradientSquares)) {
                checkFinite(gradient, objective);
            }
            // a fused pass reads no context: only the chain's transforms are told the step's x, g and f
            double stepSquares = fused != null ? fused.apply(gradient, x, direction, context.step())
                    : chainStep(objective, x, value);
            if (!Double.isFinite(stepSquares)) {
                undoIfNonFinite(direction, x, objective);
            }
            // one counter for the steps and their evaluations at x (StepContext#gradients), the report's step count
            // read from it: a step stores as little as it can
            context.completeStep();
            info.value = value;
            info.gradientSquares = gradientSquares;
            info.stepSquares = stepSquares;
            return info;
        } catch (RuntimeException | Error e) {
            // the step evaluated at x (or tried to) and threw: count that evaluation, as a step that completes does
            context.stepFailed();
            throw e;
        }
    }

    private OptimizerException wrongDimension(Objective objective, double[] x) {
        return new OptimizerException("this run is for dimension " + dimension + " but was given a point of length "
                + x.length + " and an objective of dimension " + objective.dimension());
    }

    /** The chain's update of a copy of the gradient, then x += u; returns sum_i u_i^2. */
    private double chainStep(Objective objective, double[] x, double value) {
        context.set(objective, x, gradient, value);
        for (int i = 0; i < dimension; i++) { // a loop, not arraycopy: n is often 2, where the call costs more
            direction[i] = gradient[i];
        }
        root.update(direction, context);
        context.unset();
        return apply(direction, x);
    }

    /** x_i &lt;- x_i + u_i, leaving the old x_i in {@code update[i]}; returns sum_i u_i^2 in index order. */
    private static double apply(double[] update, double[] x) {
        double squares = 0;
        for (int i = 0; i < update.length; i++) {
            double u = update[i];
            double old = x[i];
            x[i] = old + u;
            update[i] = old;
            squares += u * u;
        }
        return squares;
    }

    /**
     * sum_i v_i^2, from the last component to the first in four interleaved partial sums, added pairwise at the
     * end. Backwards, because the objective has just written the gradient's tail, which is still in cache, and the
     * chain's pass that follows starts from the head, which this pass leaves in cache; in four sums, because one
     * chain of dependent adds would run slower than memory. The order differs from a plain sum in the last bits of
     * the norm only.
     */
    private static double sumOfSquares(double[] vector) {
        if (vector.length == 2) {
            // the loops below for n = 2: (0 + v_1^2) + v_0^2, and 0 + v_1^2 is v_1^2
            return vector[1] * vector[1] + vector[0] * vector[0];
        }
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
    private void checkFinite(double[] vector, Objective objective) {
        for (int i = 0; i < dimension; i++) {
            if (!Double.isFinite(vector[i])) {
                throw nonFinite("gradient", objective, i, vector[i]);
            }
        }
    }

    private OptimizerException nonFinite(String what, Objective objective, int component, double found) {
        return OptimizerException.atStep("the " + what + " is " + found + " in component " + component + " ("
                + objective.variableNames().get(component) + ") at step " + context.step() + " of "
                + optimizer.spec() + "; x was left unchanged", context.step(), component);
    }

    /**
     * This run as stable text: the optimizer's spec, the dimension, the step counter, the evaluation counts, and
     * every buffer with each double written exactly ({@link Double#toHexString(double)}).
     * {@link Optimizer#restore(String)} reads it. A restored run moves x bit for bit as the run that never stopped;
     * its counts may differ by one gradient evaluation, since the last trial evaluation a step could reuse (a line
     * search's accepted point) is not saved, and the restored run evaluates that point again.
     */
    public String save() {
        return StateText.save(this);
    }

    TransformState root() {
        return root;
    }

    void restore(long restoredSteps, Evaluations counts) {
        context.restore(restoredSteps, counts);
    }
}
