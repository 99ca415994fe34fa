package dev.fluxion.dsl.tape

import io.kotest.assertions.fail
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.io.File

/**
 * The interpreter's loops (`InterpreterSteps.java`) are the rule table's: the file in the sources is exactly what
 * [InterpreterStepsWriter] writes from [Rules] now, so no rule is stated there by hand and the two cannot drift.
 * When they differ, the file written is left in `target/` to be copied over the old one.
 */
class InterpreterStepsSpec : FunSpec({

    test("InterpreterSteps.java is what the rule table writes, to the character") {
        val written = InterpreterStepsWriter.source()
        val file = File(InterpreterStepsWriter.PATH)
        val current = if (file.exists()) file.readText() else ""
        if (current != written) {
            val fresh = File("target/InterpreterSteps.java")
            fresh.parentFile.mkdirs()
            fresh.writeText(written)
            val line = current.lines().zip(written.lines()).indexOfFirst { (a, b) -> a != b }
                .let { if (it < 0) minOf(current.lines().size, written.lines().size) else it } + 1
            fail("${file.path} differs from what Rules gives, first at line $line; the rules' file is in " +
                "${fresh.path}: copy it to ${file.path}")
        }
    }

    test("every operation of the table has its case in every sweep, scalar and element-wise") {
        val written = InterpreterStepsWriter.source()
        for (name in listOf("ADD", "SUB", "MUL", "DIV", "NEG", "SQUARE", "UNARY", "BINARY")) {
            Regex("case Tape\\.$name -> ").findAll(written).count() shouldBe 4
            Regex("case Tape\\.VECTOR_$name -> ").findAll(written).count() shouldBe 4
        }
        for (name in listOf("VECTOR_SCALE", "VECTOR_SHIFT")) {
            Regex("case Tape\\.$name -> ").findAll(written).count() shouldBe 4
        }
    }

    test("the product rule, written out: dw = du v + u dv, adj u += a v, adjDot u += ad v + a dv") {
        val written = InterpreterStepsWriter.source()
        written shouldContain "v[i] = v[l] * v[r];"
        written shouldContain "dot[i] = dot[l] * v[r] + v[l] * dot[r];"
        written shouldContain "adj[l] += a * v[r];"
        written shouldContain "adjDot[l] += ad * v[r] + a * dot[r];"
        written shouldContain "adjDot[l + j] += gd * v[r + j] + g * dot[r + j];"
    }

    test("the quotient's adjoint tangent keeps the rule's parentheses: a (dw - w dv / v) / v") {
        InterpreterStepsWriter.source() shouldContain
            "adjDot[r] -= ad * v[i] / v[r] + a * (dot[i] - v[i] * dot[r] / v[r]) / v[r];"
    }
})
