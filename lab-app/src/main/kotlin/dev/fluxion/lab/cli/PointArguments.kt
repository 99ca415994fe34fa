package dev.fluxion.lab.cli

import dev.fluxion.dsl.expr.Point
import dev.fluxion.lab.LabException

/*
 * The points the commands take on the command line: `x=1,y=2` by name, `1,2.5` by position.
 */

/** Parses `x=1,y=2` into a point, naming the malformed part. */
internal fun parsePoint(text: String): Point {
    val coordinates = LinkedHashMap<String, Double>()
    for (part in text.split(',').map { it.trim() }.filter { it.isNotEmpty() }) {
        val name = part.substringBefore('=', "").trim()
        val value = part.substringAfter('=', "").trim().toDoubleOrNull()
        if (name.isEmpty() || value == null) {
            throw LabException("--at '$text': '$part' is not name=number (write like x=1,y=2)")
        }
        if (!value.isFinite()) throw LabException("--at '$text': '$part' is not a finite number")
        if (name in coordinates) throw LabException("--at '$text': $name is given twice")
        coordinates[name] = value
    }
    return Point.of(coordinates)
}

/** Parses `1,2.5` into a vector of the given dimension. */
internal fun parseVector(text: String, dimension: Int): DoubleArray {
    val values = text.split(',').map { part ->
        val value = part.trim().toDoubleOrNull() ?: throw LabException("'$text': '${part.trim()}' is not a number")
        if (!value.isFinite()) throw LabException("'$text': '${part.trim()}' is not a finite number")
        value
    }
    if (values.size != dimension) {
        throw LabException("'$text' has ${values.size} coordinates, the landscape has $dimension")
    }
    return values.toDoubleArray()
}
