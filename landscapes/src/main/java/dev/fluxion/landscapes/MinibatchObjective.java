package dev.fluxion.landscapes;

import dev.fluxion.dsl.Metric;
import dev.fluxion.dsl.Objective;
import dev.fluxion.dsl.tape.CompiledExpression;
import java.util.List;
import java.util.Optional;

/**
 * One run's stochastic view of a data landscape: the t-th gradient evaluation (t = 0, 1, ...) returns the value and
 * gradient of the loss on minibatch t of the run's {@link MinibatchSchedule}, f_t(x) = (1/B) sum_{i in batch t}
 * loss_i(x) + (the loss's sample-free terms, such as the L2 penalty). A value without a gradient is taken on the
 * batch of the latest gradient evaluation (batch 0 before the first), so a line search's trial points within one
 * step see the same batch as that step's gradient: a stochastic line search on a fixed batch. A line search that
 * also asks gradients at trial points moves to the next batch with each of them.
 *
 * <p>The batch is a weight vector u (u_i = 1/B on the batch, 0 elsewhere) that the compiled loss takes as extra
 * variables after x, so one compiled expression serves every batch; a gradient costs what the full one does.
 * Values reported as a run's progress (its final gap, its targets) are the full objective's, not these: see
 * {@link Landscape#objectiveForRun(long)}.
 *
 * <p>It belongs to one run on one thread (it counts its gradient evaluations and has scratch arrays of its own). The
 * batch Hessian, f*, L and mu are not offered: they are the full objective's facts, not the batch's.
 */
public final class MinibatchObjective implements Objective {
    private final String spec;
    private final CompiledExpression weighted;
    private final MinibatchSchedule schedule;
    private final Metric metric;
    private final List<String> variableNames;
    private final int dimension;
    private final double[] point;
    private final double[] fullGradient;
    private final int[] order;
    private long epochInOrder = -1;
    private long gradientEvaluations;

    MinibatchObjective(String spec, CompiledExpression weighted, int dimension, MinibatchSchedule schedule,
                       Metric metric, long gradientEvaluations) {
        this.spec = spec;
        this.weighted = weighted;
        this.dimension = dimension;
        this.schedule = schedule;
        this.metric = metric;
        this.variableNames = weighted.variableNames().subList(0, dimension);
        this.point = new double[weighted.dimension()];
        this.fullGradient = new double[weighted.dimension()];
        this.order = new int[schedule.samples()];
        this.gradientEvaluations = gradientEvaluations;
        loadBatch(Math.max(0, gradientEvaluations - 1));
    }

    /** The schedule the batches come from. */
    public MinibatchSchedule schedule() {
        return schedule;
    }

    /** The number of gradient evaluations so far: the next one uses batch {@code gradientEvaluations()}. */
    public long gradientEvaluations() {
        return gradientEvaluations;
    }

    /** Puts batch t's weights into the point's trailing slots, reshuffling when t starts a new epoch. */
    private void loadBatch(long t) {
        java.util.Arrays.fill(point, dimension, point.length, 0.0);
        int batch = schedule.batch();
        double share = 1.0 / batch;
        int from = 0;
        if (schedule.withReplacement()) {
            schedule.drawInto(t, order);
        } else {
            long epoch = schedule.epochOf(t);
            if (epoch != epochInOrder) {
                schedule.permutationInto(epoch, order);
                epochInOrder = epoch;
            }
            from = (int) (t % schedule.batchesPerEpoch()) * batch;
        }
        for (int i = from; i < from + batch; i++) {
            point[dimension + order[i]] += share; // an index drawn twice counts twice
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<String> variableNames() {
        return variableNames;
    }

    /** The loss on the batch of the latest gradient evaluation (batch 0 before the first). */
    @Override
    public double value(double[] x) {
        checkDimension(x);
        System.arraycopy(x, 0, point, 0, dimension);
        return weighted.value(point);
    }

    /** The loss and its gradient on the next batch, t = {@link #gradientEvaluations()}. */
    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        checkDimension(x);
        if (gradient.length != dimension) {
            throw new LandscapeException("the gradient array has length " + gradient.length + " but " + spec
                    + " has dimension " + dimension);
        }
        loadBatch(gradientEvaluations++);
        System.arraycopy(x, 0, point, 0, dimension);
        double value = weighted.valueAndGradient(point, fullGradient);
        System.arraycopy(fullGradient, 0, gradient, 0, dimension);
        return value;
    }

    @Override
    public Optional<Metric> metric() {
        return Optional.ofNullable(metric);
    }

    @Override
    public void checkDimension(double[] x) {
        if (x.length != dimension) {
            throw new LandscapeException("a point of dimension " + x.length + " was given to " + spec
                    + ", which has dimension " + dimension + " (variables " + variableNames + ")");
        }
    }

    @Override
    public String toString() {
        return spec + " on minibatches of " + schedule.batch();
    }
}
