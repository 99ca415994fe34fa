package dev.fluxion.optimizers

import dev.fluxion.dsl.expr.Expr
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.shouldBe
import io.kotest.property.Arb
import io.kotest.property.PropTestConfig
import io.kotest.property.arbitrary.arbitrary
import io.kotest.property.checkAll

/**
 * Text is the typed values' view: for random optimizers (every named optimizer and building block with random
 * in-range hyperparameters, every schedule kind with nested warm-ups and joins, chains nested up to depth 3), the
 * spec parses back to an equal value, which prints the same spec and runs the same steps bit for bit.
 */
class SpecRoundTripSpec : FunSpec({

    val bowl = Expr.parse("(x - 1)^2 + 3*(y + 2)^2 + x*y").compile("x", "y")

    /** x after each of 5 steps from (0.5, -0.5) as raw bits, and the message of a step that threw, if one did. */
    fun run(optimizer: Optimizer): Pair<List<Long>, String?> {
        val x = doubleArrayOf(0.5, -0.5)
        val run = optimizer.start(2)
        val bits = mutableListOf<Long>()
        repeat(5) {
            try {
                run.step(bowl, x)
            } catch (failure: OptimizerException) {
                return bits to failure.message
            }
            x.forEach { bits += it.toRawBits() }
        }
        return bits to null
    }

    test("every optimizer's spec parses back to an equal optimizer that prints it again and steps the same bits") {
        lateinit var draws: RandomOptimizers
        val optimizers = arbitrary { source -> RandomOptimizers(source.random).also { draws = it }.optimizer() }
        val seen = mutableSetOf<String>()
        checkAll(PropTestConfig(seed = 20260715L, iterations = 600), optimizers) { optimizer ->
            seen += draws.seen
            val spec = optimizer.spec()
            withClue(spec) {
                val parsed = Optimizers.parse(spec)
                parsed shouldBe optimizer
                parsed.hashCode() shouldBe optimizer.hashCode()
                parsed.spec() shouldBe spec
                run(parsed) shouldBe run(optimizer)
            }
        }
        // the draws reached every typed provider and every schedule kind
        seen shouldContainAll Optimizers.list().filterIsInstance<TypedProvider>().map { it.name() }
        seen shouldContainAll listOf("constant", "step", "exponential", "inverseTime", "cosine", "warmup", "join")
    }
})
