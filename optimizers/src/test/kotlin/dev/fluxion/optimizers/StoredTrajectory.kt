package dev.fluxion.optimizers

import dev.fluxion.dsl.Objective
import dev.fluxion.dsl.expr.Expr

/**
 * One case of the stored trajectories: the optimizer [spec] (as written, not as the optimizer prints it) run from
 * [start] on the [problem] whose [objective] is an expression in [variables], or the name of the fixture
 * [GaussianLikelihood].
 */
data class TrajectoryCase(
    val spec: String,
    val problem: String,
    val objective: String,
    val variables: List<String>,
    val start: List<Double>,
) {

    /** The objective: the fixture it names, or the expression compiled in [variables]. */
    fun compiled(): Objective = if (objective == GAUSSIAN_LIKELIHOOD) GaussianLikelihood()
        else Expr.parse(objective).compile(*variables.toTypedArray())

    /**
     * Runs `Optimizers.parse(spec).start(n)` and up to [steps] steps from [start]. Stops at the first step that
     * throws an [OptimizerException], recording its index and x after it.
     */
    fun run(steps: Int): StoredTrajectory {
        val f = compiled()
        val x = start.toDoubleArray()
        val run = Optimizers.parse(spec).start(x.size)
        val values = mutableListOf<Double>()
        val points = mutableListOf<DoubleArray>()
        for (k in 0 until steps) {
            try {
                values += run.step(f, x).value()
            } catch (failure: OptimizerException) {
                return StoredTrajectory(this, values, points, thrownAt = k, pointAfterThrow = x.copyOf())
            }
            points += x.copyOf()
        }
        return StoredTrajectory(this, values, points, thrownAt = null, pointAfterThrow = null)
    }

    companion object {
        /** The objective text that names the [GaussianLikelihood] fixture, the one objective here with a metric. */
        const val GAUSSIAN_LIKELIHOOD = "GaussianLikelihood"
    }
}

/**
 * What a [TrajectoryCase] did: f(x_k) before step k ([values], StepInfo.value()) and x_{k+1} after it ([points]),
 * for k = 0, 1, ...; and, if step k threw an [OptimizerException], [thrownAt] = k and x after the failed step.
 *
 * As text (one file per case) every double is written exactly, by [java.lang.Double.toHexString]:
 * ```
 * # comment lines
 * spec adam(lr=0.05)
 * problem rosenbrock
 * objective (1 - x)^2 + 100*(y - x^2)^2
 * variables x y
 * start -0x1.3333333333333p0 0x1.0p0
 * step 0 <f(x_0)> <x_1 components>
 * ...
 * thrown 37 <x after the failed step>        (only if a step threw)
 * ```
 */
class StoredTrajectory(
    val case: TrajectoryCase,
    val values: List<Double>,
    val points: List<DoubleArray>,
    val thrownAt: Int?,
    val pointAfterThrow: DoubleArray?,
) {
    /** This trajectory as text, after the [comments] (each line prefixed with "# "). */
    fun text(comments: List<String>): String = buildString {
        comments.forEach { append("# ").append(it).append('\n') }
        append("spec ").append(case.spec).append('\n')
        append("problem ").append(case.problem).append('\n')
        append("objective ").append(case.objective).append('\n')
        append("variables ").append(case.variables.joinToString(" ")).append('\n')
        append("start ").append(hex(case.start)).append('\n')
        values.indices.forEach { k -> append("step $k ${hex(values[k])} ${hex(points[k].asList())}\n") }
        thrownAt?.let { append("thrown $it ${hex(pointAfterThrow!!.asList())}\n") }
    }

    /**
     * The first difference from [other], bit for bit (raw bits of every f and x component), as a sentence naming
     * the step and the component; null if there is none.
     */
    fun firstDifference(other: StoredTrajectory): String? {
        for (k in 0 until minOf(values.size, other.values.size)) {
            if (values[k].toRawBits() != other.values[k].toRawBits()) {
                return "step $k: f = ${exactly(values[k])}, expected ${exactly(other.values[k])}"
            }
            differingComponent(points[k], other.points[k])?.let { return "step $k: $it" }
        }
        if (values.size != other.values.size || thrownAt != other.thrownAt) {
            return "${describeEnd()}, expected ${other.describeEnd()}"
        }
        return if (pointAfterThrow == null || other.pointAfterThrow == null) null
        else differingComponent(pointAfterThrow, other.pointAfterThrow)?.let { "after the failed step $thrownAt: $it" }
    }

    private fun differingComponent(x: DoubleArray, expected: DoubleArray): String? {
        val i = x.indices.firstOrNull { x[it].toRawBits() != expected[it].toRawBits() } ?: return null
        return "x[$i] (${case.variables[i]}) = ${exactly(x[i])}, expected ${exactly(expected[i])}"
    }

    private fun describeEnd() =
        if (thrownAt != null) "step $thrownAt threw an OptimizerException" else "all ${values.size} steps completed"

    companion object {
        /** Reads what [text] wrote. */
        fun parse(text: String): StoredTrajectory {
            val lines = text.lines().filter { it.isNotBlank() && !it.startsWith("#") }
            fun field(key: String) = lines.first { it.startsWith("$key ") }.removePrefix("$key ")
            fun numbers(line: String) = line.split(' ').map(java.lang.Double::parseDouble)
            val case = TrajectoryCase(field("spec"), field("problem"), field("objective"),
                field("variables").split(' '), numbers(field("start")))
            val steps = lines.filter { it.startsWith("step ") }.mapIndexed { k, line ->
                val (_, index, rest) = line.split(' ', limit = 3)
                check(index.toInt() == k) { "'$line' should be step $k of ${case.spec} on ${case.problem}" }
                numbers(rest)
            }
            val thrown = lines.firstOrNull { it.startsWith("thrown ") }?.split(' ', limit = 3)
            return StoredTrajectory(case, steps.map { it[0] }, steps.map { it.drop(1).toDoubleArray() },
                thrown?.get(1)?.toInt(), thrown?.get(2)?.let(::numbers)?.toDoubleArray())
        }

        private fun hex(value: Double) = java.lang.Double.toHexString(value)
        private fun exactly(value: Double) = "$value (${hex(value)})"
        private fun hex(vector: List<Double>) = vector.joinToString(" ") { hex(it) }
    }
}
