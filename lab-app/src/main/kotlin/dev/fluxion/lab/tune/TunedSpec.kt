package dev.fluxion.lab.tune

import dev.fluxion.dsl.spec.SpecNode
import dev.fluxion.dsl.spec.SpecParser
import dev.fluxion.lab.Engine
import dev.fluxion.lab.LabException
import dev.fluxion.optimizers.Hyperparameter
import dev.fluxion.optimizers.OptimizerException

/**
 * An optimizer spec with the tuned hyperparameters set: `gd(lr=0.01)` with `lr=0.002` is `gd(lr=0.002)`. The
 * hyperparameters are those the optimizers declare ([Hyperparameter]); in a chain, each tuned one goes to the one
 * link that declares it (`chain(clip(norm=10), gd(lr=0.01))` tunes gd's lr).
 *
 * @property optimizer the optimizer as the user wrote it (its label)
 * @property canonical the parsed canonical spec, every hyperparameter written out
 */
class TunedSpec private constructor(val optimizer: String, private val canonical: SpecNode.Call,
                                    private val owners: Map<String, Int>) {

    /** The spec with [configuration]'s values in place. */
    fun with(configuration: Configuration): String {
        val byName = configuration.values.toMap()
        if (canonical.name != CHAIN) return written(canonical, byName)
        return CHAIN + "(" + canonical.arguments.mapIndexed { i, argument ->
            written(argument.value as SpecNode.Call, byName.filterKeys { owners[it] == i })
        }.joinToString(", ") + ")"
    }

    companion object {
        private const val CHAIN = "chain"

        /**
         * Checks that the optimizer [label] declares every hyperparameter of [space] (and that the space's values
         * are in their ranges) and prepares the substitution.
         *
         * @throws LabException naming an unknown hyperparameter with the optimizer's known ones and their ranges,
         *   or a value out of range
         */
        @JvmStatic
        fun of(label: String, space: SearchSpace, engine: Engine): TunedSpec {
            val spec = engine.optimizer(label).spec()
            val call = SpecParser.parse(spec) { message, column -> OptimizerException(message, column) }
            val links = if (call.name == CHAIN) call.arguments.map { it.value as SpecNode.Call } else listOf(call)
            val declared = links.map { engine.registries.optimizers.find(it.name).hyperparameters() }
            val owners = space.parameters.associate { p ->
                val holders = declared.indices.filter { i -> declared[i].any { it.name() == p.name } }
                if (holders.isEmpty()) {
                    val known = declared.flatten().joinToString("; ") { "${it.name()} (${it.allowed()})" }
                    throw LabException("--tune: the optimizer '$label' has no hyperparameter '${p.name}'; " +
                        "its hyperparameters: ${known.ifEmpty { "none" }}")
                }
                if (holders.size > 1) throw LabException("--tune: the optimizer '$label' has ${holders.size} links " +
                    "declaring '${p.name}' (${holders.joinToString(", ") { links[it].name }}); tune an optimizer with one")
                val h = declared[holders[0]].first { it.name() == p.name }
                val range = h.range()
                val (low, high) = p.distribution.bounds
                if (range == null || !range.contains(low) || !range.contains(high)) {
                    throw LabException("--tune '${p.text}': ${links[holders[0]].name}'s ${p.name} takes ${h.allowed()}, " +
                        "so the range ${Configuration.written(low)} .. ${Configuration.written(high)} does not fit")
                }
                p.name to holders[0]
            }
            return TunedSpec(label, call, owners)
        }

        /** A call written back as text, with the arguments named in [values] replaced (or added). */
        private fun written(call: SpecNode.Call, values: Map<String, Double>): String {
            val arguments = call.arguments.map { a ->
                if (a.name != null && a.name in values) "${a.name}=${Configuration.written(values.getValue(a.name))}"
                else (if (a.name != null) "${a.name}=" else "") + node(a.value)
            } + values.keys.filter { name -> call.arguments.none { it.name == name } }
                .map { "$it=${Configuration.written(values.getValue(it))}" }
            return if (arguments.isEmpty()) call.name else "${call.name}(${arguments.joinToString(", ")})"
        }

        private fun node(value: SpecNode): String = when (value) {
            is SpecNode.Call -> written(value, emptyMap())
            is SpecNode.Number -> value.text
            is SpecNode.Word -> value.text
            is SpecNode.Text -> "\"" + value.text.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
        }
    }
}
