package dev.fluxion.lab.api

import dev.fluxion.lab.study.StartPlan
import dev.fluxion.lab.engine.TracePolicy

/**
 * A builder of a study that runs each optimizer on each landscape from a plan of starts, with the settings of those
 * runs that `fluxion compare` and `fluxion tune` share: starts, seeds, the step budget, gradient noise and traces.
 */
abstract class RunPlanBuilder<B : RunPlanBuilder<B>> internal constructor(name: String, defaultSteps: Long) :
    StudyBuilder<B>(name) {
    /** Where runs start. */
    protected var starts = StartPlan("default+random:4")
        private set

    /** Seeds per start. */
    protected var seeds = 1
        private set

    /** The step budget of each run. */
    protected var steps = defaultSteps
        private set

    /** The gradient noise's standard deviation. */
    protected var noise = 0.0
        private set

    /** Which steps of each run the store keeps. */
    protected var traces: TracePolicy = TracePolicy.LOG
        private set

    /** Where runs start (`--starts`, default `default+random:4`). */
    fun starts(starts: StartPlan): B = self().also { this.starts = starts }

    /** Where runs start, as text such as `default+random:100`. */
    fun starts(text: String): B = starts(StartPlan(text))

    /** The landscape's default start, for [starts]: `default() + random(100)`. */
    fun default(): StartPlan = defaultStart()

    /** [count] random starts in the domain box, for [starts]. */
    fun random(count: Int): StartPlan = randomStarts(count)

    /** The one point [coordinates], for [starts]: `starts(point(3.0, 4.0))`. */
    fun point(vararg coordinates: Double): StartPlan = pointStart(*coordinates)

    /** Seeds per start (`--seeds`, default 1). */
    fun seeds(seeds: Int): B = self().also { this.seeds = seeds }

    /** The step budget of each run (`--steps`). */
    fun steps(steps: Long): B = self().also { this.steps = steps }

    /** [steps] as an Int, for `steps(10_000)`. */
    fun steps(steps: Int): B = steps(steps.toLong())

    /** The gradient noise's standard deviation (`--noise`, default 0). */
    fun noise(noise: Double): B = self().also { this.noise = noise }

    /** Which steps of each run the store keeps for plots (`--traces`: log, every:N or none). */
    fun traces(policy: String): B = self().also { traces = TracePolicy.parse(policy) }
}
