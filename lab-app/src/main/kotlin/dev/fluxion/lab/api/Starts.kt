@file:JvmName("Starts")

package dev.fluxion.lab.api

import dev.fluxion.lab.study.StartPlan

/*
 * Where a study's runs start, as values: `default() + random(100)` is the plan `default+random:100` (see
 * [StartPlan]). The study builders offer the same functions as members, so that `starts(default() + random(100))`
 * reads the same inside `compare { ... }`.
 */

/** The landscape's default start from the literature. */
fun defaultStart(): StartPlan = StartPlan("default")

/** [count] points uniform in the landscape's domain box, drawn from the study seed. */
fun randomStarts(count: Int): StartPlan = StartPlan("random:$count")

/** [count] of COCO's restart proposals. */
fun proposalStarts(count: Int): StartPlan = StartPlan("proposal:$count")

/** The centres of a [count]^d grid over the domain box (d <= 3). */
fun gridStarts(count: Int): StartPlan = StartPlan("grid:$count")

/**
 * The one point [coordinates], in the landscape's variables in order: `pointStart(3.0, 4.0)` is the plan
 * `point:3.0,4.0` (each coordinate written so that it reads back to the same double).
 */
fun pointStart(vararg coordinates: Double): StartPlan = StartPlan("point:" + coordinates.joinToString(","))

/** Both plans' starts, this one's first: `default+random:100`. */
operator fun StartPlan.plus(other: StartPlan): StartPlan = StartPlan("$text+${other.text}")
