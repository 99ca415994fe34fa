package dev.fluxion.optimizers;

import dev.fluxion.dsl.Metric;
import dev.fluxion.dsl.Objective;
import java.util.Arrays;
import java.util.List;

/**
 * What a transform sees during a step: the current point x, the raw gradient and value there, the step counter,
 * and the objective, which it may evaluate at trial points (a line search, a quasi-Newton update, a trust region).
 * The arrays are the run's own; transforms read them and never write them.
 *
 * <p>Every evaluation goes through this context and is counted by kind ({@link Evaluations}): {@link #value(double[])}
 * as a value, {@link #valueAndGradient(double[], double[])} as a gradient, {@link #hessian(double[], double[][])} and
 * {@link #metric(double[], double[][])} as a Hessian. The step's own evaluation of f and grad f at x counts as a
 * gradient, except when the step before ended exactly at the last point a transform evaluated with its gradient (a
 * line search's accepted point): then that evaluation is reused, not repeated, and counted once.
 *
 * <p>{@link #step()} is the number of steps completed before this one (0 on the first step): it is the position
 * of every learning-rate schedule, and {@code step() + 1} is the t of bias corrections such as Adam's.
 */
public final class StepContext {
    private final int dimension;
    private Objective objective;
    private double[] point;
    private double[] gradient;
    private double value;
    /** The steps completed: the run's step counter, moved by {@link #completeStep()}. */
    private long step;
    private long values;
    /**
     * The gradient evaluations other than one per completed step: trial evaluations, less the steps that reused one,
     * plus the evaluations of steps that threw. A step's own evaluation is counted by the step counter, one increment
     * where there were two (see {@link #gradients()}).
     */
    private long otherGradients;
    private long hessians;
    /** Whether a step is under way on the chain's path, whose transforms may read the counts before it completes. */
    private boolean inStep;
    /** The step whose evaluation at x was the last trial, reused; see {@link #reused()}. */
    private long reusedAt = NEVER;

    /** The last trial evaluation with a gradient, kept for the next step; allocated at the first. */
    private double[] trialPoint;
    private double[] trialGradient;
    private double trialValue;
    private Objective trialObjective;

    private static final long NEVER = Long.MIN_VALUE;

    StepContext(int dimension) {
        this.dimension = dimension;
    }

    /**
     * f and grad f at x for the step about to start, into {@code gradient}: the last trial evaluation when it was
     * made at exactly this x on this objective, else a new (counted) evaluation. Either way the trial is forgotten.
     */
    double evaluateAt(Objective objective, double[] x, double[] gradient) {
        // without a trial evaluation kept (every step of a rule that makes none) nothing is forgotten: no field is
        // set to null, which costs a garbage-collector barrier at every step
        if (trialObjective != null && reuseTrial(objective, x, gradient)) {
            return trialValue;
        }
        // counted by the step counter when the step completes, or by stepFailed: no store here
        return objective.valueAndGradient(x, gradient);
    }

    /** Whether the kept trial evaluation is at this x on this objective, copied into the gradient; it is forgotten. */
    private boolean reuseTrial(Objective objective, double[] x, double[] gradient) {
        boolean reused = trialObjective == objective && Arrays.equals(trialPoint, x);
        trialObjective = null;
        if (reused) {
            System.arraycopy(trialGradient, 0, gradient, 0, dimension);
            otherGradients--;
            reusedAt = step;
        }
        return reused;
    }

    /** Starts the chain's part of a step: what its transforms read. */
    void set(Objective objective, double[] point, double[] gradient, double value) {
        this.objective = objective;
        this.point = point;
        this.gradient = gradient;
        this.value = value;
        this.inStep = true;
    }

    /** Ends the chain's part of a step. */
    void unset() {
        inStep = false;
    }

    /** Counts a completed step, and with it the step's evaluation at x (unless it reused the last trial's). */
    void completeStep() {
        step++;
    }

    /**
     * Counts the evaluation of a step that threw after evaluating at x (the step counter did not move), and makes
     * {@link #reused()} say whether that step reused the last trial's.
     */
    void stepFailed() {
        inStep = false;
        otherGradients++;
        // reused() asks whether reusedAt is the last step started, step - 1 once a step completes
        reusedAt = reusedAt == step ? step - 1 : NEVER;
    }

    void restore(long steps, Evaluations counts) {
        step = steps;
        values = counts.values();
        otherGradients = counts.gradients() - steps;
        hessians = counts.hessians();
        reusedAt = NEVER;
    }

    /** The number of variables. */
    public int dimension() {
        return dimension;
    }

    /** The current point x, before this step's update (read only). */
    public double[] point() {
        return point;
    }

    /** The raw gradient of the objective at x (read only). */
    public double[] gradient() {
        return gradient;
    }

    /** f(x) at the current point. */
    public double value() {
        return value;
    }

    /** The number of steps completed before this one: 0, 1, 2, .... */
    public long step() {
        return step;
    }

    /** The names of the objective's variables, for messages. */
    public List<String> variableNames() {
        return objective.variableNames();
    }

    /** f at a trial point; counted as a value. */
    public double value(double[] x) {
        values++;
        return objective.value(x);
    }

    /**
     * f and grad f at a trial point, the gradient into {@code gradientOut}; counted as a gradient. When the step
     * ends at exactly this point, the next step reuses this evaluation instead of repeating it: so a line search
     * that hands on the update u should evaluate at the point x_i + u_i, computed as the step will compute it.
     */
    public double valueAndGradient(double[] x, double[] gradientOut) {
        otherGradients++;
        double f = objective.valueAndGradient(x, gradientOut);
        if (trialPoint == null) {
            trialPoint = new double[dimension];
            trialGradient = new double[dimension];
        }
        System.arraycopy(x, 0, trialPoint, 0, dimension);
        System.arraycopy(gradientOut, 0, trialGradient, 0, dimension);
        trialValue = f;
        trialObjective = objective;
        return f;
    }

    /** The objective's known minimum f*, if it states one ({@link Objective#minimum()}, a landscape's facts). */
    public java.util.OptionalDouble minimum() {
        return objective.minimum();
    }

    /** Whether the objective has a Hessian ({@link #hessian(double[], double[][])}). */
    public boolean hasHessian() {
        return objective.hasHessian();
    }

    /**
     * The Hessian at a point into {@code out} (n by n); counted as a Hessian.
     *
     * @throws OptimizerException if the objective has none, naming the transform that asked
     */
    public void hessian(double[] x, double[][] out, String askedBy) {
        if (!objective.hasHessian()) {
            throw new OptimizerException(askedBy + " needs the objective's Hessian, and "
                    + objective.getClass().getSimpleName() + " has none; compile it from an expression");
        }
        hessians++;
        objective.hessian(x, out);
    }

    /** The Hessian at a point into {@code out}; counted as a Hessian. */
    public void hessian(double[] x, double[][] out) {
        hessian(x, out, "this transform");
    }

    /** Whether the objective has a metric of its own ({@link Objective#metric()}, such as a Fisher information). */
    public boolean hasMetric() {
        return objective.metric().isPresent();
    }

    /**
     * The objective's metric at a point into {@code out} (n by n); counted as a Hessian.
     *
     * @throws OptimizerException if it has none
     */
    public void metric(double[] x, double[][] out) {
        Metric metric = objective.metric().orElseThrow(() -> new OptimizerException("the objective "
                + objective.getClass().getSimpleName() + " has no metric (Objective.metric() is empty)"));
        hessians++;
        metric.at(x, out);
    }

    /** The evaluations of this run so far, this step's included. */
    public Evaluations evaluations() {
        return new Evaluations(values, gradients(), hessians);
    }

    /** Whether the last step's evaluation at x was the last trial evaluation, reused (the step under way's, in it). */
    boolean reused() {
        return reusedAt == (inStep ? step : step - 1);
    }

    long values() {
        return values;
    }

    /** One a completed step, less the reused, plus the others; the step under way's too, in it. */
    long gradients() {
        return step + otherGradients + (inStep ? 1 : 0);
    }

    long hessians() {
        return hessians;
    }
}
