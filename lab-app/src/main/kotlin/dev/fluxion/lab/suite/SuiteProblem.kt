package dev.fluxion.lab.suite

/**
 * One landscape of a suite and its place in the suite's report.
 *
 * @property spec the landscape's spec, such as `bbob(f=8, dim=5, instance=3)`
 * @property function the function it is an instance of, such as `f8` or `rosenbrock`: the rows of the aRT tables,
 *   which pool a function's instances
 * @property title the function's name in words, such as `Rosenbrock, original`
 * @property group the function group it belongs to, such as COCO's `separable`
 * @property dimension its number of variables
 * @property instance which instance of the function it is, such as `instance 3` or `start 10 x0`
 * @property slice the part of the report it is shown in: a dimension for bbob (`5-D`), all sizes at once for mgh
 */
data class SuiteProblem(
    val spec: String,
    val function: String,
    val title: String,
    val group: String,
    val dimension: Int,
    val instance: String,
    val slice: String,
)
