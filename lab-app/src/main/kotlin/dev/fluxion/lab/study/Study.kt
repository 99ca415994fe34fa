package dev.fluxion.lab.study

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.LabException
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.engine.StepRule
import dev.fluxion.lab.engine.TracePolicy

/**
 * A study: a named, fixed plan of runs that [Studies] computes into a [ResultStore]. Its [properties] are stored
 * with its runs, so `fluxion report` can rebuild the study (and so its report) from the SQLite file alone.
 */
interface Study {
    /** The study's name: the base name of its files. */
    val name: String

    /** The budget every run of the study has. */
    val budget: Budget

    /** Every run of the study, in a fixed order; parses every spec first, so a bad one fails before any run. */
    fun runs(engine: Engine): List<RunSpec>

    /** The study as text properties, `kind` naming the study type; [Study.of] reads them back. */
    fun properties(): Map<String, String>

    companion object {
        /**
         * Rebuilds a study from its stored [properties].
         *
         * @throws LabException when the kind is unknown or a property is missing
         */
        @JvmStatic
        fun of(properties: Map<String, String>): Study {
            fun p(key: String) = properties[key] ?: throw LabException("the stored study lacks the property '$key'")
            return try {
                of(properties, ::p)
            } catch (e: LabException) {
                throw e
            } catch (e: NumberFormatException) {
                val bad = properties.entries.firstOrNull { e.message?.contains("\"${it.value}\"") == true }
                throw LabException("the stored study is malformed: " +
                    (bad?.let { "its property ${it.key} = '${it.value.take(40)}' is not a number" } ?: "a number: ${e.message}"))
            } catch (e: RuntimeException) {
                throw LabException("the stored study is malformed (${e.message?.lineSequence()?.first()})")
            }
        }

        private fun of(properties: Map<String, String>, p: (String) -> String): Study {
            return when (val kind = p("kind")) {
                "compare" -> CompareStudy(SpecList.split(p("optimizers")), SpecList.split(p("landscapes")),
                    StartPlan(p("starts")), p("seeds").toInt(), budgetOf(properties),
                    p("seed").toLong(), p("name"), properties["traces"]?.let { TracePolicy.parse(it) } ?: TracePolicy.LOG)
                "rates" -> RatesStudy(SpecList.split(p("rules")).map { StepRule.parse(it) },
                    p("kappas").split(',').map { it.trim().toDouble() }, p("dimension").toInt(), p("target").toDouble(),
                    p("floor").toDouble(), p("maxSteps").toLong(), p("seed").toLong(), p("name"),
                    properties["family"] ?: RatesStudy.DEFAULT_FAMILY, fixedLengthOf(properties))
                "scan" -> ScanStudy(p("optimizer"), p("landscape"), p("low").toDouble(), p("high").toDouble(),
                    p("points").toInt(), p("steps").toLong(), p("seed").toLong(), p("name"),
                    fixedLength = fixedLengthOf(properties))
                "suite" -> dev.fluxion.lab.suite.SuiteStudy.of(properties)
                "tune" -> dev.fluxion.lab.tune.TuneStudy.of(properties, p)
                "suite-tune" -> dev.fluxion.lab.tune.SuiteTuneStudy.of(properties)
                else -> throw LabException("unknown study kind '$kind' in the store; known: compare, rates, scan, suite, tune, suite-tune")
            }
        }

        /**
         * The most runs a study may plan, checked before anything is allocated for the plan. A comparison's plan
         * makes its runs' specs as they are asked for ([ComparisonPlan]); what a study holds per run while it
         * computes and reports is a few primitives (positions, key values, per-pair columns).
         */
        const val MAX_RUNS = 1_000_000

        /**
         * Checks a study's name, which names its files (`NAME.sqlite`, `NAME.csv`, `NAME.html`): 1 to 100 letters,
         * digits, dots, dashes and underscores, starting with a letter or a digit, so a name never points into
         * another folder or makes a hidden file.
         *
         * @throws LabException naming the name and what a name may hold
         */
        @JvmStatic
        fun checkName(name: String): String {
            if (!NAME.matches(name)) {
                val shown = name.take(120).map { if (it.isISOControl()) "\\u%04x".format(it.code) else "$it" }.joinToString("")
                throw LabException("study name '$shown' is not allowed: use 1 to 100 letters, digits, '.', '-' " +
                    "and '_', starting with a letter or digit (a name is a file name, not a path)")
            }
            return name
        }

        private val NAME = Regex("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")

        /** The budget written by [budgetProperties]; a stall threshold or divergence bound not written is the default. */
        internal fun budgetOf(properties: Map<String, String>) = Budget(
            maxSteps = (properties["steps"] ?: throw LabException("the stored study lacks the property 'steps'")).toLong(),
            maxEvaluations = properties["evaluations"]?.toLong() ?: Long.MAX_VALUE,
            targets = properties["targets"]?.split(',')?.map { it.trim().toDouble() } ?: Budget.DEFAULT_TARGETS,
            stallGradient = properties["stall-gradient"]?.toDouble() ?: DEFAULT_BUDGET.stallGradient,
            stallStep = properties["stall-step"]?.toDouble() ?: DEFAULT_BUDGET.stallStep,
            stallPatience = properties["stall-patience"]?.toInt() ?: DEFAULT_BUDGET.stallPatience,
            divergenceBound = properties["divergence-bound"]?.toDouble() ?: DEFAULT_BUDGET.divergenceBound,
            gradientNoise = properties["noise"]?.toDouble() ?: 0.0,
            fixedLength = fixedLengthOf(properties))

        /**
         * A budget as properties, read back by [budgetOf]. `fixed-length`, the stall thresholds and the divergence
         * bound are written only when they differ from the defaults (which the command line always uses), so a study
         * at the defaults has the properties it had before they were recorded, and its store is the same study's.
         */
        internal fun budgetProperties(budget: Budget): Map<String, String> {
            val unlessDefault = listOf(
                Triple("stall-gradient", budget.stallGradient, DEFAULT_BUDGET.stallGradient),
                Triple("stall-step", budget.stallStep, DEFAULT_BUDGET.stallStep),
                Triple("stall-patience", budget.stallPatience, DEFAULT_BUDGET.stallPatience),
                Triple("divergence-bound", budget.divergenceBound, DEFAULT_BUDGET.divergenceBound),
            ).filter { (_, value, default) -> value != default }.associate { (key, value, _) -> key to value.toString() }
            return mapOf("steps" to budget.maxSteps.toString(), "evaluations" to budget.maxEvaluations.toString(),
                "targets" to budget.targets.joinToString(","), "noise" to budget.gradientNoise.toString()) +
                unlessDefault + fixedLengthProperty(budget.fixedLength)
        }

        /** The defaults of the stall thresholds and the divergence bound. */
        private val DEFAULT_BUDGET = Budget()

        /**
         * The property `fixed-length=true` of a study of fixed-length runs, none otherwise: a study without them
         * has the properties it had before the option, so its store is the same study's.
         */
        internal fun fixedLengthProperty(fixedLength: Boolean) =
            if (fixedLength) mapOf("fixed-length" to "true") else emptyMap()

        /** Whether stored [properties] are those of fixed-length runs ([fixedLengthProperty]). */
        private fun fixedLengthOf(properties: Map<String, String>) = properties["fixed-length"] == "true"
    }
}

/** Lists of specs written on one line: separated by `;`, since commas live inside specs. */
object SpecList {
    /**
     * Splits a `;`-separated list of specs, dropping blanks; a `;` inside quotes or parentheses belongs to its spec
     * (`formula(expression="x^2", minimizers="-1 0; 1 0")` is one spec).
     */
    @JvmStatic
    fun split(text: String): List<String> {
        val specs = ArrayList<String>()
        var depth = 0
        var quoted = false
        var start = 0
        for ((i, c) in text.withIndex()) {
            when {
                c == '"' -> quoted = !quoted
                quoted -> {}
                c == '(' -> depth++
                c == ')' -> depth--
                c == ';' && depth <= 0 -> {
                    specs += text.substring(start, i)
                    start = i + 1
                }
            }
        }
        specs += text.substring(start)
        return specs.map { it.trim() }.filter { it.isNotEmpty() }
    }

    /** Joins specs with `; `. */
    @JvmStatic
    fun join(specs: List<String>): String = specs.joinToString("; ")
}
