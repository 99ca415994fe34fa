package dev.fluxion.dsl.spec

import dev.fluxion.dsl.DslException
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/** The shared spec stack: one parser, one binder and one registry for optimizers, schedules and landscapes. */
class SpecStackSpec : FunSpec({
    val errors = SpecErrors(::DslException)
    fun parse(text: String) = SpecParser.parse(text, errors)

    class Typed(name: String, type: ParameterType, default: Any?, range: Range?, choices: List<String> = listOf()) :
        Parameter(name, type, default, range, choices, "", "a test parameter", null)

    val declared = listOf(
        Typed("dim", ParameterType.INTEGER, 2L, Range.closed(1.0, 100.0)),
        Typed("kappa", ParameterType.REAL, 10.0, Range(1.0, true, Double.POSITIVE_INFINITY, false)),
        Typed("spacing", ParameterType.CHOICE, "log", null, listOf("log", "linear")),
        Typed("formula", ParameterType.TEXT, "x^2", null),
    )
    fun bind(text: String) = SpecBinder.bind(parse(text), "parameter", declared, errors)

    test("a spec is a call with named and positional arguments, nested calls, words, numbers and quoted text") {
        val call = parse("""chain(clip(norm=1), three-hump-camel, f("x^2 + \"y\"", -1e-3, on=true))""")
        call.name() shouldBe "chain"
        val (clip, word, f) = call.arguments().map { it.value() }
        (clip as SpecNode.Call).arguments().single().name() shouldBe "norm"
        (word as SpecNode.Word).text() shouldBe "three-hump-camel"
        val inner = (f as SpecNode.Call).arguments().map { it.value() }
        inner[0] shouldBe SpecNode.Text("x^2 + \"y\"", 41)
        (inner[1] as SpecNode.Number).value() shouldBe -1e-3
        parse("  beale ").name() shouldBe "beale"
    }

    test("a malformed spec names the column, what was expected and what was found") {
        fun error(text: String) = shouldThrow<DslException> { parse(text) }
        error("adam(lr=0.01").let {
            it.column() shouldBe 13
            it.message shouldContain "spec error at column 13: expected ',' or ')' but found the end of the spec"
        }
        error("adam(lr=)").column() shouldBe 9
        error("f(\"x ").column() shouldBe 3
        error("(dim=3)").column() shouldBe 1
        error("adam(lr=1e-3e2)").message shouldContain "malformed number '1e-3e2'"
    }

    test("binding fills defaults, takes positional arguments in order and checks every value") {
        bind("q(5, spacing=linear)") shouldBe
            mapOf("dim" to 5L, "kappa" to 10.0, "spacing" to "linear", "formula" to "x^2")
        bind("q(formula=\"x + y\")")["formula"] shouldBe "x + y"
        fun error(text: String) = shouldThrow<DslException> { bind(text) }.message!!
        error("q(dim=0)") shouldBe
            "q: parameter dim = 0 (column 7) is out of range; dim must be an integer in [1, 100]"
        error("q(dim=2.5)") shouldContain "is not a whole number"
        error("q(kappa=ten)") shouldContain
            "kappa = ten (column 9) is not a number; kappa must be a real number in [1, inf)"
        error("q(spacing=cubic)") shouldContain "spacing must be one of log|linear"
        error("q(n=3)") shouldContain
            "q has no parameter 'n' (column 3); its parameters are dim, kappa, spacing, formula"
        error("q(dim=3, dim=4)") shouldContain "given twice (again at column 10)"
        error("q(1, 2, log, x, 5)") shouldContain "takes at most 4 arguments"
    }

    test("a registry finds providers by name and lists the known ones for an unknown name") {
        val kind = Registry.Kind(String::class.java, "word", { s: String -> s }, { _: String -> },
            mapOf("chain" to "the combinator"), errors, { s: String -> Registry.className(s) })
        val registry = Registry.of(kind, listOf("beta", "alpha"))
        registry.names() shouldBe listOf("alpha", "beta", "chain")
        registry.find("alpha", 0) shouldBe "alpha"
        shouldThrow<DslException> { registry.find("gamma", 7) }.let {
            it.message shouldBe "unknown word 'gamma' at column 7; known words: alpha, beta, chain"
            it.column() shouldBe 7
        }
    }

    test("two providers of one name are one provider when their origins agree, and an error naming both else") {
        // the origin of a word is its first letter: "alpha" and "amigo" stand for one provider, "beta" for another
        val kind = Registry.Kind(String::class.java, "word", { s: String -> s.length.toString() }, { _: String -> },
            mapOf(), errors, { s: String -> s.take(1) })
        Registry.of(kind, listOf("alpha", "amigo")).providers() shouldBe listOf("alpha")
        shouldThrow<DslException> { Registry.of(kind, listOf("alpha", "bravo")) }.message shouldBe
            "two word providers are named 5: a and b"
    }
})
