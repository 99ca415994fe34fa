package dev.fluxion.optimizers.linesearch;

import dev.fluxion.optimizers.TransformState;

/**
 * The state every searching line search keeps: its {@link SearchLine}, and, under {@code guess=quadratic}, f at the
 * previous step's start (a saved buffer, {@code previousValue}), from which {@link InitialStep} makes the first trial.
 */
abstract class SearchState extends TransformState {
    /** The line of this step: its start, direction, evaluations and the update it hands on. */
    final SearchLine line;
    private final InitialStep firstStep;
    private final double[] previousValue;

    SearchState(String search, long maxEvaluations, int dimension, String guess) {
        line = new SearchLine(search, maxEvaluations, dimension);
        firstStep = InitialStep.of(guess);
        previousValue = firstStep == InitialStep.QUADRATIC ? buffer("previousValue", 1, Double.NaN) : null;
    }

    /** The first trial step along the line just started, {@code init} or its cap. */
    final double firstTrial(double init) {
        return firstStep.first(init, line.value0(), previousValue == null ? Double.NaN : previousValue[0],
                line.slope0(), line.directionNorm());
    }

    /** Keeps f at this step's start for the next step's first trial. */
    final void remember() {
        if (previousValue != null) {
            previousValue[0] = line.value0();
        }
    }
}
