package dev.fluxion.lab.report

import dev.fluxion.lab.tune.ScoredTrial

/** The series of a sensitivity plot: each optimizer's scores in one tuning unit against one hyperparameter. */
internal object SensitivitySeries {

    /**
     * One series per optimizer with a setting of [x] in unit [group]: the settings' [x] values, sorted, against
     * [y] of their scores; joined by a line when [x] is the only tuned hyperparameter.
     */
    fun of(optimizers: List<String>, scored: List<ScoredTrial>, group: Int, x: String, line: Boolean,
           y: (Double) -> Double): List<Series> =
        optimizers.mapIndexedNotNull { o, optimizer ->
            val points = scored.filter { it.trial.group == group && it.trial.optimizer == optimizer }
                .filter { p -> p.trial.configuration.values.any { it.first == x } }
                .sortedBy { it.trial.configuration.value(x) }
            if (points.isEmpty()) return@mapIndexedNotNull null
            Series(optimizer, points.map { it.trial.configuration.value(x) }.toDoubleArray(),
                points.map { y(it.score) }.toDoubleArray(), dots = true, line = line, colour = o)
        }
}
