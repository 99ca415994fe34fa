package dev.fluxion.optimizers;

import dev.fluxion.dsl.Objective;

/**
 * One run of an {@link Optimizer}: the step counter, every transform's buffers, and scratch arrays for the
 * gradient and the update. {@link #step(Objective, double[])} allocates nothing (for the first-order rules).
 *
 * <p>A step computes g = grad f(x), checks it is finite, passes a copy through the chain to get the update u,
 * checks u is finite, and sets x &lt;- x + u. A non-finite gradient or update is reported as an
 * {@link OptimizerException} naming the step and the component, and x is left unchanged.
 */
public final class OptimizerState {
    private final Optimizer optimizer;
    private final int dimension;
    private final TransformState root;
    private final double[] gradient;
    private final double[] direction;
    private final StepContext context = new StepContext();
    private final StepInfo info = new StepInfo();
    private long steps;

    OptimizerState(Optimizer optimizer, int dimension, TransformState root) {
        this.optimizer = optimizer;
        this.dimension = dimension;
        this.root = root;
        this.gradient = new double[dimension];
        this.direction = new double[dimension];
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
     *                            non-finite update may leave the transforms' buffers advanced)
     */
    public StepInfo step(Objective objective, double[] x) {
        if (x.length != dimension || objective.dimension() != dimension) {
            throw new OptimizerException("this run is for dimension " + dimension + " but was given a point of length "
                    + x.length + " and an objective of dimension " + objective.dimension());
        }
        double value = objective.valueAndGradient(x, gradient);
        // branch-free sums in the hot path, each folded into a pass that happens anyway (the copy into the
        // update); a non-finite sum sends us looking for the culprit
        double gradientSquares = 0;
        for (int i = 0; i < dimension; i++) {
            double g = gradient[i];
            direction[i] = g;
            gradientSquares += g * g;
        }
        if (!Double.isFinite(gradientSquares)) {
            checkFinite("gradient", gradient, objective);
        }
        context.set(objective, x, gradient, value, steps);
        root.update(direction, context);
        double stepSquares = sumOfSquares(direction);
        if (!Double.isFinite(stepSquares)) {
            checkFinite("update", direction, objective);
        }
        for (int i = 0; i < dimension; i++) {
            x[i] += direction[i];
        }
        steps++;
        info.value = value;
        info.gradientNorm = Math.sqrt(gradientSquares);
        info.stepLength = Math.sqrt(stepSquares);
        info.steps = steps;
        return info;
    }

    private static double sumOfSquares(double[] vector) {
        double sum = 0;
        for (double component : vector) {
            sum += component * component;
        }
        return sum;
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
