package dev.fluxion.lab.api

import dev.fluxion.lab.engine.Progress
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.RateFit
import dev.fluxion.lab.study.RatesStudy
import dev.fluxion.lab.temporaryFolder
import dev.fluxion.optimizers.StepContext
import dev.fluxion.optimizers.Transform
import dev.fluxion.optimizers.TransformState
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.plusOrMinus
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldMatch
import java.util.function.Consumer

/**
 * Optimizers defined in code take part in a rates study, `rates { optimizers(...) }`, and a tune study,
 * `tune { optimizer(name) { lr -> ... } }`, under `NAME#HASH`, as in a comparison: a resumed study computes
 * nothing, and changing one optimizer's code recomputes exactly its runs.
 *
 * The rates are the closed form: u = -lr g is gradient descent, which on quadratic(kappa=k) (eigenvalues from 1 to
 * k) contracts the error by max(|1 - lr|, |1 - lr k|) per step: 0.95 at lr = 0.05 and 0.975 at lr = 0.025, for
 * k = 10 and 20 alike.
 */
class CodeOptimizerStudiesSpec : FunSpec({
    val store = temporaryFolder("code-rates").resolve("rates.sqlite")

    /** The study over [chosen], with what [Progress.Planned] said of it. */
    fun rates(vararg chosen: Transform): Pair<StudyResults, Progress.Planned> {
        var planned: Progress.Planned? = null
        val results = rates { optimizers(*chosen); kappas(10.0, 20.0); dimension(4); threads(1); store(store) }
            .run(Consumer { if (it is Progress.Planned) planned = it })
        return results to planned!!
    }

    /** The fitted rates by optimizer name (the quadratics' f* is 0). */
    fun fitted(results: StudyResults): Map<String, List<Double>> = results.runs.groupBy(
        { it.spec.optimizerLabel.substringBefore('#') }, { RateFit.of(it.trace, 0.0, (results.study as RatesStudy).floor)!!.rate })

    test("rates of optimizers defined in code: stored under NAME#HASH, resumed without computing, recomputed where changed") {
        val (first, plannedFirst) = rates(Descent05(), Descent025())
        plannedFirst shouldBe Progress.Planned(4, 0)
        first.runs.map { it.spec.optimizerSpec }.distinct().forEach { it shouldMatch Regex("(fast|slow)#[0-9a-f]{12}") }
        fitted(first).getValue("fast").forEach { it shouldBe (0.95 plusOrMinus 1e-4) }
        fitted(first).getValue("slow").forEach { it shouldBe (0.975 plusOrMinus 1e-4) }

        rates(Descent05(), Descent025()).second shouldBe Progress.Planned(4, 4)

        // "slow" now steps with lr = 0.0125 (rate 1 - 0.0125): its two runs, and only they, are computed again
        val (changed, plannedChanged) = rates(Descent05(), Descent0125())
        plannedChanged shouldBe Progress.Planned(4, 2)
        fitted(changed).getValue("slow").forEach { it shouldBe (0.9875 plusOrMinus 1e-4) }
        val slowBefore = first.runs.first { it.spec.optimizerSpec.startsWith("slow#") }.spec.optimizerSpec
        changed.runs.first { it.spec.optimizerSpec.startsWith("slow#") }.spec.optimizerSpec shouldNotBe slowBefore
        ResultStore.open(store).use { it.size() } shouldBe 4
    }

    test("tune of a family defined in code: the lr gd's tuning picks, the same runs bit for bit; changed code reruns only its own") {
        val tuneStore = temporaryFolder("code-tune").resolve("tune.sqlite")
        fun tuned(family: (Double) -> Transform): Pair<StudyResults, List<Progress.Planned>> {
            val planned = ArrayList<Progress.Planned>()
            val results = tune {
                optimizers("gd")
                optimizer("descent", 0.01, family)
                landscapes(quadratic(dim = 2, kappa = 10.0))
                tune("lr=loguniform(1e-3, 0.15)"); budget(4); steps(100); threads(1); store(tuneStore)
            }.run(Consumer { if (it is Progress.Planned) planned += it })
            return results to planned
        }
        fun computed(planned: List<Progress.Planned>) = planned.sumOf { it.total - it.stored }

        // u = -lr g is gd(lr): every tuning run and the final comparison agree with gd's, bit for bit
        val (first, _) = tuned(FullDescent)
        val (ours, gds) = first.runs.partition { it.spec.optimizerLabel.startsWith("descent(") }
        ours.first().spec.optimizerSpec shouldMatch Regex("descent\\(lr=[0-9.e-]+\\)#[0-9a-f]{12}")
        ours.map { it.spec.optimizerSpec.substringAfter("(lr=").substringBefore(')') } shouldBe
            gds.map { it.spec.optimizerSpec.substringAfter("(lr=").substringBefore(')') }
        ours.map { it.finalValue.toRawBits() } shouldBe gds.map { it.finalValue.toRawBits() }

        computed(tuned(FullDescent).second) shouldBe 0
        val gdKeys = ResultStore.open(tuneStore).use { store -> RunRowKeys.of(store, "gd") }
        val descentRuns = ResultStore.open(tuneStore).use { store -> RunRowKeys.of(store, "descent(").size }

        // half the step is other code: its runs, and only they, are computed again; gd's (tuning runs `gd(lr=X)`,
        // final runs `gd`) stay as they were
        val (_, planned) = tuned(HalfDescent)
        ResultStore.open(tuneStore).use { store ->
            RunRowKeys.of(store, "gd") shouldBe gdKeys
            computed(planned) shouldBe RunRowKeys.of(store, "descent(").size
            RunRowKeys.of(store, "descent(").size shouldBe descentRuns
            store.size() shouldBe gdKeys.size + descentRuns
        }
    }
})

/** The keys of the stored runs whose optimizer label starts with a prefix. */
private object RunRowKeys {
    fun of(store: ResultStore, prefix: String): Set<String> =
        dev.fluxion.lab.store.RunRow.read(store, false).filter { it.optimizer.startsWith(prefix) }.map { it.key }.toSet()
}

/** Gradient descent as a family defined in code: u = -lr g. */
private object FullDescent : (Double) -> Transform {
    override fun invoke(lr: Double): Transform = transform("descent") { d, _ -> for (i in d.indices) d[i] = -lr * d[i] }
}

/** Other code under the same name: u = -lr g / 2. */
private object HalfDescent : (Double) -> Transform {
    override fun invoke(lr: Double): Transform = transform("descent") { d, _ -> for (i in d.indices) d[i] = -0.5 * lr * d[i] }
}

/** u = -0.05 g, named `fast`. */
private class Descent05 : Transform {
    override fun init(dimension: Int): TransformState = object : TransformState() {
        override fun update(direction: DoubleArray, context: StepContext) {
            for (i in direction.indices) direction[i] = -0.05 * direction[i]
        }
    }

    override fun spec() = "fast"
}

/** u = -0.025 g, named `slow`. */
private class Descent025 : Transform {
    override fun init(dimension: Int): TransformState = object : TransformState() {
        override fun update(direction: DoubleArray, context: StepContext) {
            for (i in direction.indices) direction[i] = -0.025 * direction[i]
        }
    }

    override fun spec() = "slow"
}

/** `slow` with its code changed: u = -0.0125 g. */
private class Descent0125 : Transform {
    override fun init(dimension: Int): TransformState = object : TransformState() {
        override fun update(direction: DoubleArray, context: StepContext) {
            for (i in direction.indices) direction[i] = -0.0125 * direction[i]
        }
    }

    override fun spec() = "slow"
}
