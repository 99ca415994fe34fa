package dev.fluxion.lab.suite

import dev.fluxion.lab.LabException

/**
 * A selection of whole numbers written as a command-line option: numbers and ranges separated by commas, such as
 * `2,5,10`, `1-5` or `1-3,7,10-12`, kept in the order written.
 */
object IntegerSelection {
    /**
     * The numbers [text] selects, each within [allowed]; [option] (such as `--dims`) and [what] (such as "bbob's
     * dimensions") name them in errors.
     *
     * @throws LabException naming the option and the part that is wrong: not a number, a range that runs downward,
     *   a number outside [allowed], a number listed twice, or nothing at all
     */
    @JvmStatic
    fun parse(option: String, text: String, allowed: IntRange, what: String): List<Int> {
        val parts = text.split(',').map { it.trim() }
        if (parts.all { it.isEmpty() }) {
            throw LabException("$option is empty; give numbers such as 2,5,10 or ranges such as 1-5")
        }
        val numbers = LinkedHashSet<Int>()
        for (part in parts) {
            val bounds = part.split('-').map { it.trim() }
            val range = when (bounds.size) {
                1 -> number(option, text, bounds[0]).let { it..it }
                2 -> {
                    val low = number(option, text, bounds[0])
                    val high = number(option, text, bounds[1])
                    if (high < low) throw LabException("$option '$text': the range $part runs downward; write $high-$low")
                    low..high
                }
                else -> throw LabException("$option '$text': '$part' is not a whole number or a range such as 1-5")
            }
            for (end in listOf(range.first, range.last)) {
                if (end !in allowed) {
                    throw LabException("$option '$text': $end is outside $what, ${allowed.first} to ${allowed.last}")
                }
            }
            for (n in range) {
                if (!numbers.add(n)) throw LabException("$option '$text': $n is selected twice")
            }
        }
        return numbers.toList()
    }

    private fun number(option: String, text: String, word: String): Int = word.toIntOrNull()
        ?: throw LabException("$option '$text': '$word' is not a whole number or a range such as 1-5")
}
