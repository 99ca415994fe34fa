package dev.fluxion.lab.report

import dev.fluxion.lab.LabException
import dev.fluxion.lab.stats.PerformanceProfile
import dev.fluxion.lab.study.RateRow
import dev.fluxion.lab.study.RatesStudy
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.stats.RuntimeEcdf
import dev.fluxion.lab.study.ScanOutcome
import dev.fluxion.lab.study.ScanStudy
import dev.fluxion.landscapes.Landscape
import java.util.function.Function

/**
 * The reports' figures, for scripts as for the reports: each function draws one [Figure] from a study's runs or its
 * analysis, the same figure the HTML page shows (the pages call these functions), and [Figure.save] writes it as SVG
 * or PNG by the file's extension:
 *
 * ```kotlin
 * val runs = store.load(study.runs(engine))
 * Figures.trajectories(engine.landscape("beale"), runs).save(Path.of("beale.svg"))
 * Figures.ecdf(runs).save(Path.of("ecdf.png"))
 * ```
 *
 * ```java
 * Figures.lossCurves(landscape, runs).save(Path.of("loss.svg"));
 * ```
 *
 * A figure that has nothing to draw (no run with a trace, no run that reached a target) is refused with a
 * [LabException] saying so, rather than drawn empty.
 */
object Figures {

    /**
     * Filled contours of the two-dimensional [landscape] (log10(f - min), dark low) with the path of each of [runs]
     * over them, its start an open circle, each named in the legend by [legend] (default: the run's optimizer). The
     * frame covers the paths' points inside the landscape's domain and its global minimizers, padded by a fifth of
     * their spread, within the domain; points outside it are cut off at the frame.
     *
     * @throws LabException when the landscape is not two-dimensional, or no run has recorded positions
     */
    @JvmStatic
    @JvmOverloads
    fun trajectories(landscape: Landscape, runs: List<RunResult>, title: String = "${landscape.name()}: trajectories",
                     legend: Function<RunResult, String> = Function { it.spec.optimizerLabel }): Figure {
        val drawn = runs.filter { it.trace.hasPositions }
        val grid = contourGrid(landscape, runs)
        val series = drawn.map { r ->
            val p = r.trace.positions
            Series(legend.apply(r), DoubleArray(p.size / 2) { p[2 * it] }, DoubleArray(p.size / 2) { p[2 * it + 1] })
        }
        val names = landscape.variables().let { if (it.size == 2) it[0] to it[1] else "x0" to "x1" }
        return LetsPlotFigures.landscape(title, { x, y -> landscape.value(doubleArrayOf(x, y)) },
            grid.xRange, grid.yRange, series, names = names, cells = grid.cells)
    }

    /**
     * The grid [trajectories] samples the two-dimensional [landscape] on for the paths of [runs]: its frame covers
     * the paths' points inside the landscape's domain and its global minimizers, padded by a fifth of their spread
     * (at least a twentieth of the domain's), within the domain.
     *
     * @throws LabException when the landscape is not two-dimensional, or no run has recorded positions
     */
    @JvmStatic
    fun contourGrid(landscape: Landscape, runs: List<RunResult>): ContourGrid {
        if (landscape.dimension() != 2) {
            throw LabException("trajectories of ${landscape.spec()}: contours need a two-dimensional landscape, " +
                "this one has ${landscape.dimension()} variables")
        }
        val drawn = runs.filter { it.trace.hasPositions }
        if (drawn.isEmpty()) throw LabException("trajectories of ${landscape.spec()}: none of the ${runs.size} runs has a trace with positions")
        val box = landscape.facts().domain()
        val lower = box.lower()
        val upper = box.upper()
        val xs = ArrayList<Double>()
        val ys = ArrayList<Double>()
        for (r in drawn) {
            val p = r.trace.positions
            for (i in 0 until p.size / 2) if (box.contains(doubleArrayOf(p[2 * i], p[2 * i + 1]))) { xs.add(p[2 * i]); ys.add(p[2 * i + 1]) }
        }
        landscape.facts().globalMinimizers().filter { box.contains(it) }.forEach { xs.add(it[0]); ys.add(it[1]) }
        fun range(values: List<Double>, lo: Double, hi: Double): Pair<Double, Double> {
            if (values.isEmpty()) return lo to hi
            val a = values.min()
            val b = values.max()
            val pad = maxOf(0.2 * (b - a), 0.05 * (hi - lo))
            return maxOf(lo, a - pad) to minOf(hi, b + pad)
        }
        return ContourGrid(range(xs, lower[0], upper[0]), range(ys, lower[1], upper[1]))
    }

    /**
     * f - f* of each of [runs] against the step (step + 1 on a log axis), on a log y axis where f* is known; where it
     * is not, f itself, on a log axis if every value is positive, on a signed log axis if some fall below -1e3 or
     * rise above 1e3, else linear. Each run is named by [legend] (default: its optimizer).
     *
     * @throws LabException when no run has a trace
     */
    @JvmStatic
    @JvmOverloads
    fun lossCurves(landscape: Landscape, runs: List<RunResult>, title: String? = null,
                   legend: Function<RunResult, String> = Function { it.spec.optimizerLabel }): Figure {
        val drawn = runs.filter { it.trace.size > 0 }
        if (drawn.isEmpty()) throw LabException("loss curves on ${landscape.spec()}: none of the ${runs.size} runs has a trace")
        val minimum = landscape.facts().minimum()
        val gap = minimum.isPresent
        val series = drawn.map { r ->
            val y = DoubleArray(r.trace.size) { if (gap) r.trace.loss[it] - minimum.asDouble else r.trace.loss[it] }
            Series(legend.apply(r), DoubleArray(r.trace.size) { r.trace.steps[it] + 1.0 }, y)
        }
        val logY = gap || series.all { s -> s.y.all { it > 0 || !it.isFinite() } }
        // f without f*, reaching far below zero (a run escaping down a saddle, one diverging): a signed log axis, on
        // which 0, -1e3 and -1e100 all stay readable (a linear one is a single drop)
        val signedLogY = !logY && series.any { s -> s.y.any { it.isFinite() && Math.abs(it) > 1e3 } }
        val label = if (gap) "f - f*" else "f"
        return LetsPlotFigures.lines(title ?: "${landscape.name()}: $label against step", "step + 1", label, series,
            logX = true, logY = logY, signedLogY = signedLogY)
    }

    /**
     * The runtime ECDF of each optimizer of [runs] over every (run, target) pair of the landscapes with a known f*
     * ([RuntimeEcdf.of]): the share of pairs reached against the evaluations, on a log axis.
     *
     * @throws LabException when no run reached any target
     */
    @JvmStatic
    fun ecdf(runs: List<RunResult>): Figure = ecdfs(RuntimeEcdf.of(runs))

    /**
     * The runtime ECDFs [ecdfs] (from [RuntimeEcdf.of] or [dev.fluxion.lab.stats.SummaryColumns.ecdfs]) as step functions.
     *
     * @throws LabException when none of them steps up (no run reached any target)
     */
    @JvmStatic
    @JvmOverloads
    fun ecdfs(ecdfs: List<RuntimeEcdf>, title: String = "ECDF of runtime over targets and problems"): Figure {
        if (ecdfs.all { it.budgets.isEmpty() }) throw LabException("$title: no run reached any target, so there is no runtime distribution to draw")
        return LetsPlotFigures.lines(title, "evaluations", "share of (run, target) pairs reached",
            ecdfs.map { Series(it.optimizer, it.budgets.toDoubleArray(), it.shares.toDoubleArray(), stepped = true) },
            logX = true, logY = false, yRange = 0.0 to 1.0)
    }

    /**
     * The Dolan-Moré performance profiles of the optimizers of [runs] at the target of index [target] of their
     * budget ([PerformanceProfile.of]).
     *
     * @throws LabException when no run reached that target
     */
    @JvmStatic
    fun performanceProfile(runs: List<RunResult>, target: Int): Figure {
        val targets = runs.firstOrNull()?.spec?.budget?.targets ?: throw LabException("a performance profile of no runs")
        if (target !in targets.indices) throw LabException("target index $target: the budget has targets 0 to ${targets.size - 1}")
        return performanceProfiles(PerformanceProfile.of(runs, target))
    }

    /**
     * The performance profiles [profiles] (from [PerformanceProfile.of] or
     * [dev.fluxion.lab.stats.SummaryColumns.profiles]): the share of problems each optimizer solves within tau times the
     * best one's evaluations, against tau on a log axis.
     *
     * @throws LabException when no profile has a point (no run reached the target)
     */
    @JvmStatic
    fun performanceProfiles(profiles: List<PerformanceProfile>): Figure {
        val title = "Performance profile at f - f* <= ${profiles.firstOrNull()?.target?.let { ConsoleTable.g(it) } ?: "?"}"
        if (profiles.all { it.taus.isEmpty() }) throw LabException("$title: no run reached the target, so there is no profile to draw")
        return LetsPlotFigures.lines(title, "tau (ratio to the best)", "share of problems",
            profiles.map { Series(it.optimizer, it.taus.toDoubleArray(), it.shares.toDoubleArray(), stepped = true) },
            logX = true, logY = false, yRange = 0.0 to 1.0)
    }

    /**
     * A step-size scan's curve ([ScanStudy.analyse]): the final gap against the learning rate on log-log axes, the
     * grid's points joined, the bisection's points alone, 2/L (and the located edge, when it is more than 5% off)
     * marked by vertical lines. The frame stops at 10^4 times the starting gap; grid points above it (grown past it,
     * or blown up to infinity or NaN) are marked just under its top ([ScanReport.BEYOND]).
     */
    @JvmStatic
    fun scan(study: ScanStudy, outcome: ScanOutcome): Figure {
        val markers = buildList {
            if (!outcome.smoothness.isNaN()) add(Marker(outcome.theoreticalEdge, "2/L"))
            if (!outcome.lastStable.isNaN() && (outcome.smoothness.isNaN() || outcome.edgeError > 0.05)) add(Marker(outcome.edge, "edge"))
        }
        val gaps = outcome.grid.map { it.finalGap.let { g -> if (g.isNaN()) it.finalValue else g } }
        val refined = outcome.refinements.sortedBy { learningRate(it.spec.optimizerLabel, study) }
        // blown-up runs would stretch the axis to 1e100 and beyond: show up to 1e4 times the starting gap
        val first = outcome.grid.first()
        val gap0 = first.trace.loss.firstOrNull()?.let { it - (first.finalValue - first.finalGap) } ?: Double.NaN
        val finite = (gaps + refined.map { it.finalGap }).filter { it.isFinite() && it > 0 }
        val yRange = if (gap0.isFinite() && gap0 > 0 && finite.isNotEmpty()) minOf(finite.min(), gap0) / 10 to gap0 * 1e4 else null
        // the grid points the frame cuts off: marked just under the top edge, so that the figure shows where the
        // runs grew, not a line leaving the frame
        val beyond = if (yRange == null) emptyList() else outcome.learningRates.indices.filter { !(gaps[it] <= yRange.second) }
        val title = "Final gap after ${study.steps} steps against learning rate"
        return LetsPlotFigures.lines(title, "learning rate", "f - f* after ${study.steps} steps", listOf(
            Series("grid", outcome.learningRates.toDoubleArray(), gaps.toDoubleArray(), dots = true, colour = 0),
            Series("bisection", refined.map { learningRate(it.spec.optimizerLabel, study) }.toDoubleArray(),
                refined.map { it.finalGap }.toDoubleArray(), dots = true, line = false, colour = 1),
            Series(ScanReport.BEYOND, beyond.map { outcome.learningRates[it] }.toDoubleArray(),
                DoubleArray(beyond.size) { yRange!!.second / 2 }, dots = true, line = false, colour = 2),
        ).filter { it.x.isNotEmpty() }, logX = true, logY = true, yRange = yRange, markers = markers)
    }

    /** The learning rate written into a run's label by the scan's template. */
    private fun learningRate(label: String, study: ScanStudy): Double {
        val prefix = study.template.substringBefore("{lr}")
        val suffix = study.template.substringAfter("{lr}")
        return label.removePrefix(prefix).removeSuffix(suffix).toDouble()
    }

    /**
     * A rates study's contraction ([RatesStudy.analyse]): 1 - rho against kappa on log-log axes, fitted (solid, with
     * dots) and theoretical (dashed) per rule, so 1/kappa and 1/sqrt(kappa) are lines of slope -1 and -1/2.
     */
    @JvmStatic
    fun rates(rows: List<RateRow>): Figure {
        val title = "1 - rho against kappa: fitted (solid) and theory (dashed)"
        return LetsPlotFigures.lines(title, "kappa", "1 - rho", rows.groupBy { it.rule }.entries.flatMapIndexed { i, (rule, r) ->
            listOf(
                Series("$rule fit", r.map { it.kappa }.toDoubleArray(), r.map { 1 - it.fittedRate }.toDoubleArray(), dots = true, colour = i),
                Series("$rule theory", r.map { it.kappa }.toDoubleArray(), r.map { 1 - it.theoreticalRate }.toDoubleArray(), dashed = true, colour = i),
            )
        }, logX = true, logY = true)
    }

    /**
     * A rates study's steps to its [target] against kappa on log-log axes: measured (solid, with dots; runs that
     * never reached it left out) and predicted (dashed) per rule.
     */
    @JvmStatic
    fun rateSteps(rows: List<RateRow>, target: Double): Figure {
        val title = "Steps to f - f* <= ${ConsoleTable.g(target)}: measured (solid), predicted (dashed)"
        return LetsPlotFigures.lines(title, "kappa", "steps", rows.groupBy { it.rule }.entries.flatMapIndexed { i, (rule, r) ->
            listOf(
                Series("$rule steps", r.map { it.kappa }.toDoubleArray(),
                    r.map { if (it.stepsToTarget < 0) Double.NaN else it.stepsToTarget.toDouble() }.toDoubleArray(), dots = true, colour = i),
                Series("$rule predicted", r.map { it.kappa }.toDoubleArray(), r.map { it.predictedSteps }.toDoubleArray(), dashed = true, colour = i),
            )
        }, logX = true, logY = true)
    }

    /**
     * The gap curves of a rates study's runs on its landscape of condition number [kappa]: f - f* against the step
     * (linear) on a log axis, one curve per rule, f* being each run's final value less its final gap (0 for the
     * quadratics).
     *
     * @throws LabException when none of [results] ran on that landscape
     */
    @JvmStatic
    fun rateCurves(study: RatesStudy, results: List<RunResult>, kappa: Double): Figure {
        val curves = results.filter { it.spec.landscapeLabel == study.landscape(kappa) }
        if (curves.isEmpty()) throw LabException("no run of the rates study at kappa = ${ConsoleTable.g(kappa)}")
        return LetsPlotFigures.lines("f - f* against step at kappa = ${ConsoleTable.g(kappa)}", "step", "f - f*", curves.map { r ->
            val minimum = if (r.knowsMinimum) r.finalValue - r.finalGap else 0.0
            Series(r.spec.optimizerLabel, DoubleArray(r.trace.size) { r.trace.steps[it].toDouble() },
                DoubleArray(r.trace.size) { r.trace.loss[it] - minimum })
        }, logX = false, logY = true)
    }

    /**
     * A line plot of any [series] against the axes [x] and [y] (linear or log, [Axis]), titled [title]: the figure a
     * script draws of its own numbers, say an error against the step on log-log axes,
     *
     * ```java
     * Figures.lines("Secant error", Axis.log("h"), Axis.log("error"), List.of(new Series("sin at 1", steps, errors)))
     *     .save(Path.of("secant.svg"));
     * ```
     *
     * Points that an axis cannot show (not finite, or not positive on a log axis) are left out.
     *
     * @throws LabException when no series has a point to show
     */
    @JvmStatic
    fun lines(title: String, x: Axis, y: Axis, series: List<Series>): Figure {
        if (series.none { it.plottable(x.log, y.log).isNotEmpty() }) {
            throw LabException("figure '$title': none of its ${series.size} series has a point to draw on these axes " +
                "(finite values${if (x.log || y.log) ", positive on a log axis" else ""})")
        }
        return LetsPlotFigures.lines(title, x.label, y.label, series, logX = x.log, logY = y.log)
    }
}
