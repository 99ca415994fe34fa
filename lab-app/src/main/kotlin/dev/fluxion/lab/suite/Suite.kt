package dev.fluxion.lab.suite

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.LabException
import dev.fluxion.landscapes.Tag
import dev.fluxion.landscapes.bbob.BbobFunction
import dev.fluxion.landscapes.bbob.BbobGroup

/**
 * A standard suite and the part of it a study takes, as `fluxion compare --suite` reads it:
 *
 * - `bbob`: COCO's 24 noiseless functions ([functions] numbers 1 to 24, default all) in each of [dims] (default
 *   `2,5,10`) for each of [instances] (default `1-5`), one landscape `bbob(f=F, dim=D, instance=I)` each. Instances
 *   play the part of COCO's trials: the runs of a function are pooled over them. The report has a part per
 *   dimension and COCO's five function groups ([BbobGroup]).
 * - `mgh`: the 35 Moré-Garbow-Hillstrom problems ([functions] as numbers 1 to 35 in the paper's order or as names,
 *   default all) at their standard sizes, from the standard start times each of [scales] (default `1`; the paper
 *   and MINPACK use 1, 10 and 100), one landscape `mgh(problem=NAME, scale=S)` each. Scales play the part of
 *   instances. The report has one part (evaluations per dimension put the sizes side by side) and two groups:
 *   zero-residual problems (f* = 0) and the others.
 *
 * The numbers and names come from the landscapes' own parameters (their ranges and choices), so a selection is
 * checked against what the providers accept. Text options are kept as written (null for the default), so that a
 * study's properties read back to the same suite.
 *
 * @throws LabException for an unknown suite (naming the known ones), an option the suite does not take, or a
 *   selection that is malformed or out of range (naming the option)
 */
data class Suite(
    val name: String,
    val functions: String? = null,
    val dims: String? = null,
    val instances: String? = null,
    val scales: String? = null,
) {
    init {
        if (name !in KNOWN) throw LabException("unknown suite '$name'; known: ${KNOWN.joinToString(", ")}")
        if (name == MGH) {
            if (dims != null) throw LabException("--dims applies to --suite bbob; mgh's problems have their standard sizes")
            if (instances != null) throw LabException("--instances applies to --suite bbob; mgh's instances are its --scales")
        }
        if (name == BBOB && scales != null) {
            throw LabException("--scales applies to --suite mgh; bbob's instances are its --instances")
        }
    }

    /**
     * The suite's landscapes, built on [engine] (so a study's runs reuse them). A landscape without a stated minimum
     * f*, or one its provider refuses (an mgh start at which f overflows), cannot have targets relative to f*: it is
     * left out and named in [SuiteExpansion.leftOut].
     *
     * @throws LabException for a malformed selection, or when every landscape is left out
     */
    fun expand(engine: Engine): SuiteExpansion {
        val candidates = if (name == BBOB) bbob(engine) else mgh(engine)
        val problems = ArrayList<SuiteProblem>()
        val leftOut = ArrayList<String>()
        for (problem in candidates) {
            val landscape = try {
                engine.landscape(problem.spec)
            } catch (e: RuntimeException) {
                if (name == BBOB) throw e
                leftOut += "${problem.spec}: ${e.message?.lineSequence()?.first()}"
                continue
            }
            if (!landscape.facts().minimum().isPresent) {
                leftOut += "${problem.spec}: no stated minimum f*, so no targets relative to it"
                continue
            }
            val group = if (name == BBOB) problem.group else MGH_GROUPS[if (landscape.facts().has(Tag.ZERO_RESIDUAL)) 0 else 1]
            problems += problem.copy(group = group, dimension = landscape.dimension())
        }
        if (problems.isEmpty()) throw LabException("the suite $this has no landscape with a stated minimum: ${leftOut.first()}")
        return SuiteExpansion(problems, leftOut)
    }

    /**
     * The suite a tuned study tunes on ([dev.fluxion.lab.tune.SuiteTuneStudy]): the same functions and dimensions
     * on other instances, so that no setting is picked on the problems it is then judged on. [tuning] is
     * `--tune-instances` as written: bbob's instance numbers (default: the three after the largest evaluated one,
     * 6-8 for the default 1-5), mgh's start scales (default: 2, or the first of 5, 20, 0.5 not evaluated).
     *
     * @throws LabException when [tuning] selects an instance (a scale) the study evaluates, naming it
     */
    fun tuningSuite(tuning: String?): Suite {
        if (name == BBOB) {
            val evaluated = IntegerSelection.parse("--instances", instances ?: DEFAULT_INSTANCES, 1..Int.MAX_VALUE, "instances")
            val text = tuning ?: (evaluated.max() + 1).let { "$it-${it + 2}" }
            val chosen = IntegerSelection.parse("--tune-instances", text, 1..Int.MAX_VALUE, "instances")
            chosen.firstOrNull { it in evaluated }?.let {
                throw LabException("--tune-instances '$text': instance $it is also evaluated (--instances " +
                    "${instances ?: DEFAULT_INSTANCES}); tune on instances the comparison does not judge")
            }
            return copy(instances = text)
        }
        val evaluated = (scales ?: "1").split(',').mapNotNull { it.trim().toDoubleOrNull() }
        val text = tuning ?: dev.fluxion.landscapes.Parameter.format(listOf(2.0, 5.0, 20.0, 0.5).first { it !in evaluated })
        text.split(',').mapNotNull { it.trim().toDoubleOrNull() }.firstOrNull { it in evaluated }?.let {
            throw LabException("--tune-instances '$text': the start scale ${dev.fluxion.landscapes.Parameter.format(it)} is " +
                "also evaluated (--scales ${scales ?: "1"}); tune on scales the comparison does not judge")
        }
        return copy(scales = text)
    }

    /** The groups of the suite's report, in order. */
    fun groups(): List<String> = if (name == BBOB) BbobGroup.values().map { it.title() } else MGH_GROUPS

    private fun bbob(engine: Engine): List<SuiteProblem> {
        val parameters = engine.registries.landscapes.provider(BBOB).parameters().associateBy { it.name() }
        fun allowed(parameter: String): IntRange = parameters.getValue(parameter).range().let { it.min().toInt()..it.max().toInt() }
        val fs = IntegerSelection.parse("--functions", functions ?: "1-24", allowed("f"), "bbob's functions")
        val ds = IntegerSelection.parse("--dims", dims ?: "2,5,10", allowed("dim"), "bbob's dimensions")
        val `is` = IntegerSelection.parse("--instances", instances ?: DEFAULT_INSTANCES, allowed("instance"), "bbob's instances")
        return ds.flatMap { d ->
            fs.flatMap { f ->
                val function = BbobFunction.of(f)
                `is`.map { i ->
                    SuiteProblem("bbob(f=$f, dim=$d, instance=$i)", "f$f", function.title(), function.group().title(), d,
                        "instance $i", "$d-D")
                }
            }
        }
    }

    private fun mgh(engine: Engine): List<SuiteProblem> {
        val names = engine.registries.landscapes.provider(MGH).parameters().first { it.name() == "problem" }.choices()
        val chosen = if (functions == null) names else mghProblems(names, functions)
        val scaleRange = engine.registries.landscapes.provider(MGH).parameters().first { it.name() == "scale" }.range()
        val factors = (scales ?: "1").split(',').map { it.trim() }.map { word ->
            val s = word.toDoubleOrNull()
                ?: throw LabException("--scales '$scales': '$word' is not a number; give factors such as 1,10,100")
            if (!scaleRange.contains(s)) throw LabException("--scales '$scales': $word is outside $scaleRange, the scales mgh takes")
            s
        }
        factors.groupBy { it }.values.firstOrNull { it.size > 1 }?.let {
            throw LabException("--scales '$scales': ${dev.fluxion.landscapes.Parameter.format(it[0])} is selected twice")
        }
        return chosen.flatMap { problem ->
            factors.map { s ->
                val scale = dev.fluxion.landscapes.Parameter.format(s)
                val landscape = "mgh(problem=$problem, scale=$scale)"
                // the size and the group (by the zero-residual tag) are known once built: [expand] fills them in
                SuiteProblem(landscape, problem, problem, "", 0, "start $scale x0", "standard sizes")
            }
        }
    }

    /** The problems [text] names: numbers and ranges of the paper's numbering, or names, separated by commas. */
    private fun mghProblems(names: List<String>, text: String): List<String> {
        val words = text.split(',').map { it.trim() }
        return if (words.all { it.isNotEmpty() && (it[0].isDigit()) }) {
            IntegerSelection.parse("--functions", text, 1..names.size, "mgh's problem numbers").map { names[it - 1] }
        } else {
            words.map { word ->
                if (word !in names) {
                    throw LabException("--functions '$text': unknown mgh problem '$word'; known: ${names.joinToString(", ")}")
                }
                word
            }.also { chosen ->
                chosen.groupBy { it }.values.firstOrNull { it.size > 1 }?.let {
                    throw LabException("--functions '$text': ${it[0]} is selected twice")
                }
            }
        }
    }

    override fun toString(): String = name + listOfNotNull(functions?.let { "functions $it" }, dims?.let { "dims $it" },
        instances?.let { "instances $it" }, scales?.let { "scales $it" }).joinToString("") { ", $it" }

    companion object {
        /** COCO's bbob suite. */
        const val BBOB = "bbob"

        /** The Moré-Garbow-Hillstrom set. */
        const val MGH = "mgh"

        /** The suites `--suite` knows. */
        @JvmField
        val KNOWN: List<String> = listOf(BBOB, MGH)

        private val MGH_GROUPS = listOf("zero residual, f* = 0", "non-zero residual")

        /** bbob's instances when `--instances` is not given. */
        const val DEFAULT_INSTANCES = "1-5"
    }
}

/**
 * What a suite expanded to: its landscapes with a stated minimum, in order, and the ones left out, each with why.
 */
data class SuiteExpansion(val problems: List<SuiteProblem>, val leftOut: List<String>)
