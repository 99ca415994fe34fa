package dev.fluxion.lab.tune

import dev.fluxion.dsl.spec.SpecNode
import dev.fluxion.dsl.spec.SpecParser
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.Extensions
import dev.fluxion.lab.LabException
import dev.fluxion.optimizers.Hyperparameter
import dev.fluxion.optimizers.OptimizerException

/**
 * An optimizer spec with the tuned hyperparameters set: `gd(lr=0.01)` with `lr=0.002` is `gd(lr=0.002)`. The
 * hyperparameters are those the optimizers declare ([Hyperparameter]); in a chain, each tuned one goes to the one
 * link that declares it (`chain(clip(norm=10), gd(lr=0.01))` tunes gd's lr).
 *
 * An optimizer that does not declare a hyperparameter of the space leaves it out of [tunes] ([Tuning] decides what
 * follows: tuned over the others, or not tuned at all). An optimizer defined in code (`NAME#HASH`) declares none,
 * but a family's member `NAME(lr=X)#HASH` declares `lr`, and tuning it names the family's member of each rate.
 *
 * @property optimizer the optimizer as the user wrote it (its label)
 * @property canonical the parsed canonical spec, every hyperparameter written out
 * @property declared the hyperparameters the optimizer's links declare, with their ranges, for error messages
 */
class TunedSpec private constructor(val optimizer: String, private val canonical: SpecNode.Call?,
                                    private val owners: Map<String, Int>, val declared: String,
                                    private val family: String? = null) {

    /** The hyperparameters of the space this optimizer declares, in the space's order; the others are not tuned. */
    val tunes: List<String> get() = owners.keys.toList()

    /** The spec with [configuration]'s values of the hyperparameters in [tunes] in place (others are ignored). */
    fun with(configuration: Configuration): String {
        val byName = configuration.values.toMap().filterKeys { it in owners }
        if (canonical == null) {
            // defined in code: a family's member of the tuned learning rate, or the optimizer as it is
            val rate = byName["lr"] ?: return optimizer
            return family!!.replace("{lr}", Configuration.written(rate))
        }
        if (canonical.name != CHAIN) return written(canonical, byName)
        return CHAIN + "(" + canonical.arguments.mapIndexed { i, argument ->
            written(argument.value as SpecNode.Call, byName.filterKeys { owners[it] == i })
        }.joinToString(", ") + ")"
    }

    companion object {
        private const val CHAIN = "chain"

        /**
         * Finds which hyperparameters of [space] the optimizer [label] declares (checking that the space's values
         * are in their ranges) and prepares the substitution.
         *
         * @throws LabException naming a value range outside the hyperparameter's, or a hyperparameter two links declare
         */
        @JvmStatic
        fun of(label: String, space: SearchSpace, engine: Engine): TunedSpec {
            if (Extensions.isHashed(label)) return ofCode(label, space, engine)
            val spec = engine.optimizer(label).spec()
            val call = SpecParser.parse(spec) { message, column -> OptimizerException(message, column) }
            val links = if (call.name == CHAIN) call.arguments.map { it.value as SpecNode.Call } else listOf(call)
            val declared = links.map { engine.registries.optimizers.find(it.name).hyperparameters() }
            val known = declared.flatten().joinToString("; ") { "${it.name()} (${it.allowed()})" }.ifEmpty { "none" }
            val owners = LinkedHashMap<String, Int>()
            for (p in space.parameters) {
                val holders = declared.indices.filter { i -> declared[i].any { it.name() == p.name } }
                if (holders.isEmpty()) continue
                if (holders.size > 1) throw LabException("--tune: the optimizer '$label' has ${holders.size} links " +
                    "declaring '${p.name}' (${holders.joinToString(", ") { links[it].name }}); tune an optimizer with one")
                val h = declared[holders[0]].first { it.name() == p.name }
                val range = h.range()
                val (low, high) = p.distribution.bounds
                if (range == null || !range.contains(low) || !range.contains(high)) {
                    throw LabException("--tune '${p.text}': ${links[holders[0]].name}'s ${p.name} takes ${h.allowed()}, " +
                        "so the range ${Configuration.written(low)} .. ${Configuration.written(high)} does not fit")
                }
                owners[p.name] = holders[0]
            }
            return TunedSpec(label, call, owners, known)
        }

        /**
         * An optimizer defined in code ([dev.fluxion.lab.engine.HashedOptimizer]): a member `NAME(lr=X)#HASH` of a
         * [dev.fluxion.lab.engine.HashedFamily] tunes `lr`, its one hyperparameter, and any other declares none.
         */
        private fun ofCode(label: String, space: SearchSpace, engine: Engine): TunedSpec {
            engine.optimizer(label) // an optimizer the engine was not given fails here, saying where it came from
            val member = FAMILY_MEMBER.matchEntire(label) ?: return TunedSpec(label, null, emptyMap(), "none (defined in code)")
            val declared = "lr (a family defined in code, for every positive rate)"
            val rate = space.parameters.firstOrNull { it.name == "lr" } ?: return TunedSpec(label, null, emptyMap(), declared)
            val (low, high) = rate.distribution.bounds
            if (!(low > 0)) {
                throw LabException("--tune '${rate.text}': the learning rate of '$label', defined in code, is positive, " +
                    "so the range ${Configuration.written(low)} .. ${Configuration.written(high)} does not fit")
            }
            val (name, _, hash) = member.destructured
            return TunedSpec(label, null, mapOf("lr" to 0), declared, "$name(lr={lr})#$hash")
        }

        private val FAMILY_MEMBER = Regex("(.+)\\(lr=([^()]*)\\)#([0-9a-f]+)")

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
