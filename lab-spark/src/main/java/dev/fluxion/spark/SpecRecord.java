package dev.fluxion.spark;

import dev.fluxion.lab.engine.Budget;
import dev.fluxion.lab.engine.RunSpec;
import dev.fluxion.lab.engine.TracePolicy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's spec as a Spark task carries it to an executor: every field of a {@link RunSpec}, its doubles exact (Java
 * serialization writes their bits), and its position in the list of runs the driver sent, which the result carries
 * back. The executor rebuilds the spec with {@link #toSpec()}, so its key and seed are the driver's.
 */
final class SpecRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    final int position;
    private final String optimizerLabel;
    private final String optimizerSpec;
    private final String landscapeLabel;
    private final String landscapeSpec;
    private final int startIndex;
    private final double[] start;
    private final int seedIndex;
    private final long studySeed;
    private final long maxSteps;
    private final long maxEvaluations;
    private final double[] targets;
    private final double stallGradient;
    private final double stallStep;
    private final int stallPatience;
    private final double divergenceBound;
    private final double gradientNoise;
    /** 0 none, 1 log (with {@link #traceLong} keep-all and {@link #traceRatio}), 2 every {@link #traceLong} steps. */
    private final int traceKind;
    private final long traceLong;
    private final double traceRatio;

    private SpecRecord(int position, RunSpec spec) {
        this.position = position;
        optimizerLabel = spec.getOptimizerLabel();
        optimizerSpec = spec.getOptimizerSpec();
        landscapeLabel = spec.getLandscapeLabel();
        landscapeSpec = spec.getLandscapeSpec();
        startIndex = spec.getStartIndex();
        start = doubles(spec.getStart());
        seedIndex = spec.getSeedIndex();
        studySeed = spec.getStudySeed();
        Budget budget = spec.getBudget();
        maxSteps = budget.getMaxSteps();
        maxEvaluations = budget.getMaxEvaluations();
        targets = doubles(budget.getTargets());
        stallGradient = budget.getStallGradient();
        stallStep = budget.getStallStep();
        stallPatience = budget.getStallPatience();
        divergenceBound = budget.getDivergenceBound();
        gradientNoise = budget.getGradientNoise();
        TracePolicy traces = spec.getTraces();
        if (traces instanceof TracePolicy.Log log) {
            traceKind = 1;
            traceLong = log.getKeepAll();
            traceRatio = log.getRatio();
        } else if (traces instanceof TracePolicy.Every every) {
            traceKind = 2;
            traceLong = every.getInterval();
            traceRatio = 0;
        } else if (traces == TracePolicy.NONE) {
            traceKind = 0;
            traceLong = 0;
            traceRatio = 0;
        } else {
            throw new IllegalArgumentException("trace policy " + traces.getText() + " has no Spark encoding");
        }
    }

    /** The record of {@code spec}, the {@code position}-th run sent. */
    static SpecRecord of(int position, RunSpec spec) {
        return new SpecRecord(position, spec);
    }

    /** The spec again, equal to the one recorded. */
    RunSpec toSpec() {
        Budget budget = new Budget(maxSteps, maxEvaluations, list(targets), stallGradient, stallStep, stallPatience,
            divergenceBound, gradientNoise);
        TracePolicy traces = switch (traceKind) {
            case 1 -> new TracePolicy.Log(traceLong, traceRatio);
            case 2 -> new TracePolicy.Every(traceLong);
            default -> TracePolicy.NONE;
        };
        return new RunSpec(optimizerLabel, optimizerSpec, landscapeLabel, landscapeSpec, startIndex, list(start),
            seedIndex, studySeed, budget, traces);
    }

    private static double[] doubles(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) array[i] = values.get(i);
        return array;
    }

    private static List<Double> list(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) list.add(v);
        return list;
    }
}
