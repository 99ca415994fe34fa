package dev.fluxion.optimizers

import dev.fluxion.dsl.spec.ParameterType
import dev.fluxion.dsl.spec.SpecNode
import dev.fluxion.dsl.spec.SpecParser
import dev.fluxion.optimizers.schedule.Schedules
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.listDirectoryEntries
import kotlin.io.path.name
import kotlin.io.path.readText
import kotlin.io.path.writeText

/** The number of steps of every stored trajectory. */
private const val STEPS = 60

/** The system property that makes this spec write the trajectories instead of replaying them. */
private const val REGENERATE = "fluxion.regenerateTrajectories"

/**
 * Golden trajectories: `src/test/resources/trajectories` holds, for each of [storedTrajectoryCases], f before and x
 * after each of up to 60 steps as the code of the time computed them, and every run must replay them bit for bit.
 * They guard refactors that must not change the mathematics; regenerate them (then run again to replay) only when it
 * is meant to change:
 * ```
 * mvn -B -o -pl optimizers test -Dfluxion.regenerateTrajectories=true -Dtest=StoredTrajectoriesSpec
 * ```
 */
class StoredTrajectoriesSpec : FunSpec({
    if (System.getProperty(REGENERATE).toBoolean()) {
        test("write the trajectory of every case to src/test/resources/trajectories") { regenerate() }
    } else {
        val folder = StoredTrajectoriesSpec::class.java.getResource("/trajectories")
            ?: error("no folder trajectories on the test class path; write it with -D$REGENERATE=true")
        val stored = Path.of(folder.toURI()).listDirectoryEntries("*.txt").sortedBy { it.name }
            .map { StoredTrajectory.parse(it.readText()) }

        for (expected in stored) {
            val case = expected.case
            test("${case.spec} on ${case.problem} replays its stored trajectory bit for bit") {
                case.run(STEPS).firstDifference(expected)?.let {
                    throw AssertionError("${case.spec} on ${case.problem} from ${case.start}: $it")
                }
            }
        }

        test("the stored cases are those of storedTrajectoryCases, so that none was added or changed unrecorded") {
            stored.map { it.case }.toSet() shouldBe storedTrajectoryCases.toSet()
        }

        test("the stored cases name every optimizer, every switch both ways, every choice and every schedule") {
            uncovered(stored.map { it.case.spec }).shouldBeEmpty()
        }
    }
})

/**
 * Writes the trajectory of every one of [storedTrajectoryCases] to `src/test/resources/trajectories`, in place of
 * the files there, after checking that it moves x at every step and stays finite.
 */
private fun regenerate() {
    val module = Path.of(System.getProperty("basedir", "."))
    val folder = module.resolve("src/test/resources/trajectories")
    Files.createDirectories(folder)
    folder.listDirectoryEntries("*.txt").forEach(Files::delete)
    val comments = listOf(
        "Up to $STEPS steps of Optimizers.parse(spec).start(n), then run.step(objective, x), recorded from the",
        "optimizers of commit ${sourceCommit(module)}. The objective is an expression in the variables, or the",
        "name of the test fixture GaussianLikelihood (Fixtures.kt). 'step k f x...' holds StepInfo.value()",
        "and x after step k; 'thrown k x...' the step that threw an OptimizerException and x after it.",
        "Doubles are Double.toHexString. Replayed bit for bit by StoredTrajectoriesSpec; regenerate with",
        "-D$REGENERATE=true only when the mathematics is meant to change.",
    )
    storedTrajectoryCases.groupBy(::fileName).filterValues { it.size > 1 }.keys.shouldBeEmpty()
    for (case in storedTrajectoryCases) {
        val trajectory = case.run(STEPS)
        withClue("${case.spec} on ${case.problem}") {
            trajectory.stalledOrNonFinite().shouldBeNull()
        }
        folder.resolve(fileName(case)).writeText(trajectory.text(comments))
    }
}

/**
 * What [specs] leave out, as `name(` for an optimizer none calls, `name(switch=value)` for a boolean value or a
 * choice none writes explicitly, and the name of a schedule kind none uses. The building blocks that named optimizers
 * are chains of (`scaleByAdam`, `trace`, ...) run in those optimizers' trajectories and are not asked for again.
 */
private fun uncovered(specs: List<String>): List<String> {
    val calls = specs.flatMap { callsIn(SpecParser.parse(it, ::OptimizerException)) }
    val names = calls.map { it.name }.toSet()
    val written = calls.flatMap { call -> call.arguments.map { "${call.name}(${it.name}=${it.value.text()})" } }.toSet()
    val links = Optimizers.list().map { it.create(HyperparameterValues.defaults(it.name(), it.hyperparameters())) }
        .filterIsInstance<NamedOptimizer>().flatMap { it.chain().links() }.map { it.spec().substringBefore('(') }
    val optimizers = Optimizers.list().filter { it.name() !in links }.flatMap { provider ->
        val formulations = provider.hyperparameters().flatMap { h ->
            when (h.type()) {
                ParameterType.BOOLEAN -> listOf("true", "false")
                ParameterType.CHOICE -> h.choices()
                else -> listOf()
            }.map { "${provider.name()}(${h.name()}=$it)" }
        }
        listOf("${provider.name()}(").filter { provider.name() !in names } + formulations.filter { it !in written }
    }
    return optimizers + Schedules.SIGNATURES.map { it.name() }.filter { it !in names }
}

/** Every call in a spec tree: the optimizers, the transforms of chains, and the schedules nested in them. */
private fun callsIn(call: SpecNode.Call): List<SpecNode.Call> =
    listOf(call) + call.arguments.flatMap { argument ->
        (SpecParser.asCallIfWord(argument.value) as? SpecNode.Call)?.let(::callsIn) ?: listOf()
    }

/**
 * Why a recorded trajectory would make a poor golden one: a step that left x unchanged (but for a trust region's
 * rejected step, which leaves x where it is by design), or a non-finite number.
 */
private fun StoredTrajectory.stalledOrNonFinite(): String? {
    var previous = case.start.toDoubleArray()
    val rejects = "newton-tr" in case.spec || "trustRegion" in case.spec
    for (k in values.indices) {
        if (!values[k].isFinite() || points[k].any { !it.isFinite() }) return "step $k is not finite"
        if (points[k].contentEquals(previous) && !rejects) return "step $k left x unchanged"
        previous = points[k]
    }
    return null
}

/** A file name from the spec and the problem, such as `adam-lr-0.05-on-rosenbrock.txt`. */
private fun fileName(case: TrajectoryCase) =
    case.spec.replace(Regex("[^A-Za-z0-9.]+"), "-").trim('-') + "-on-" + case.problem + ".txt"

/** The commit of the optimizers' code, as git names it, with a mark if their sources have uncommitted changes. */
private fun sourceCommit(module: Path): String {
    fun git(vararg arguments: String) = ProcessBuilder("git", *arguments).directory(module.toFile())
        .redirectErrorStream(true).start().inputStream.bufferedReader().readText().trim()
    val modified = git("status", "--porcelain", "--", "../dsl/src/main", "src/main").isNotEmpty()
    return git("rev-parse", "--short", "HEAD") + if (modified) " (with uncommitted changes to src/main)" else ""
}
