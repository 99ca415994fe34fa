package dev.fluxion.spark;

import dev.fluxion.lab.engine.Outcome;
import dev.fluxion.lab.engine.RunResult;
import dev.fluxion.lab.engine.RunSpec;
import dev.fluxion.lab.engine.Trace;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's result as a Spark task sends it back to the driver: every field of a {@link RunResult} but its spec (the
 * driver has it, at {@link #position}), the doubles exact and the trace in its stored bytes ({@link Trace#toBytes()}).
 */
final class ResultRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    final int position;
    private final String outcomeKind;
    private final long outcomeStep;
    private final long outcomeEvaluations;
    private final String cause;
    private final long steps;
    private final long evaluations;
    private final double finalValue;
    private final double finalGap;
    private final double[] finalPoint;
    private final long[] hitSteps;
    private final long[] hitEvaluations;
    private final byte[] trace;

    private ResultRecord(int position, RunResult result) {
        this.position = position;
        Outcome outcome = result.getOutcome();
        outcomeKind = outcome.getKind();
        outcomeStep = outcome.getStep();
        outcomeEvaluations = outcome instanceof Outcome.ReachedTarget reached ? reached.getEvaluations() : 0;
        cause = outcome.getCause();
        steps = result.getSteps();
        evaluations = result.getEvaluations();
        finalValue = result.getFinalValue();
        finalGap = result.getFinalGap();
        finalPoint = result.getFinalPoint().stream().mapToDouble(Double::doubleValue).toArray();
        hitSteps = result.getHitSteps().stream().mapToLong(Long::longValue).toArray();
        hitEvaluations = result.getHitEvaluations().stream().mapToLong(Long::longValue).toArray();
        trace = result.getTrace().toBytes();
    }

    /** The record of {@code result}, the run at {@code position}. */
    static ResultRecord of(int position, RunResult result) {
        return new ResultRecord(position, result);
    }

    /** The result again, of {@code spec} (the spec sent at {@link #position}). */
    RunResult toResult(RunSpec spec) {
        List<Double> point = new ArrayList<>(finalPoint.length);
        for (double v : finalPoint) point.add(v);
        return new RunResult(spec, Outcome.of(outcomeKind, outcomeStep, outcomeEvaluations, cause), steps, evaluations,
            finalValue, finalGap, point, longs(hitSteps), longs(hitEvaluations), Trace.fromBytes(trace));
    }

    private static List<Long> longs(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long v : values) list.add(v);
        return list;
    }
}
