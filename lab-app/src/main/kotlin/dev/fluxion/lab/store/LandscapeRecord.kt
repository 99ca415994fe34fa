package dev.fluxion.lab.store

import dev.fluxion.dsl.Objective
import dev.fluxion.lab.LabException
import dev.fluxion.lab.report.ContourGrid
import dev.fluxion.landscapes.Box
import dev.fluxion.landscapes.CriticalPoint
import dev.fluxion.landscapes.Curvature
import dev.fluxion.landscapes.Facts
import dev.fluxion.landscapes.Landscape
import dev.fluxion.landscapes.Tag
import java.nio.ByteBuffer
import java.util.EnumSet
import java.util.OptionalDouble

/**
 * What a store records of a landscape whose code a later report may lack (one given by code in a script,
 * `NAME(...)#HASH`): its [facts] and [variables], from which a study's plan is rebuilt (its starts, and so its runs'
 * keys) and its figures are labelled; and, for a two-dimensional landscape a comparison draws with contours, its
 * values on the grid of that figure, [contours] and [values], sampled with its code when the study ran. [landscape]
 * is the stand-in a report reads: its facts are the landscape's, and its value is known at the grid's points only,
 * which are the points the contour figure asks for, so the page drawn from the record is the page drawn from the code.
 */
class LandscapeRecord(val facts: Facts, val variables: List<String>, val contours: ContourGrid? = null,
                      private val values: DoubleArray? = null) {
    init {
        if ((contours == null) != (values == null) || (contours != null && values!!.size != contours.size)) {
            throw LabException("landscape record ${facts.spec()}: a contour grid needs one value per point")
        }
        if (variables.size != facts.dimension()) {
            throw LabException("landscape record ${facts.spec()}: ${variables.size} variable names for dimension ${facts.dimension()}")
        }
    }

    /** The value at point [index] of [contours] (row by row). */
    fun value(index: Int): Double = values!![index]

    /** The stand-in landscape: these facts, with f known at the points of [contours] only. */
    fun landscape(): Landscape = Landscape.of(facts, RecordedObjective())

    /** The facts as text, one `key=value` line each (read back by [of]). */
    fun factsText(): String = buildString {
        fun line(key: String, value: String) {
            append(key).append('=').append(value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")).append('\n')
        }
        fun point(p: DoubleArray) = p.joinToString(" ")
        line("name", facts.name())
        line("spec", facts.spec())
        line("description", facts.description())
        line("dimension", facts.dimension().toString())
        line("lower", point(facts.domain().lower()))
        line("upper", point(facts.domain().upper()))
        facts.minimum().ifPresent { line("minimum", it.toString()) }
        facts.globalMinimizers().forEach { line("minimizer", point(it)) }
        facts.criticalPoints().forEach { line("critical", "${point(it.location())}|${it.value()}|${it.curvature().name}") }
        facts.smoothness().ifPresent { line("smoothness", it.toString()) }
        facts.strongConvexity().ifPresent { line("strongConvexity", it.toString()) }
        line("start", point(facts.start()))
        facts.tags().map { it.name }.sorted().forEach { line("tag", it) }
        facts.sources().forEach { line("source", it) }
        variables.forEach { line("variable", it) }
    }

    /** The contour grid and its values as bytes: x0, x1, y0, y1, the cells a side, then the values (null without). */
    fun contoursBytes(): ByteArray? {
        val grid = contours ?: return null
        val buffer = ByteBuffer.allocate(4 * 8 + 4 + grid.size * 8)
        buffer.putDouble(grid.xRange.first).putDouble(grid.xRange.second).putDouble(grid.yRange.first)
            .putDouble(grid.yRange.second).putInt(grid.cells)
        values!!.forEach { buffer.putDouble(it) }
        return buffer.array()
    }

    /** f known on the contour grid alone; anything else names what is missing and what to do. */
    private inner class RecordedObjective : Objective {
        override fun dimension(): Int = facts.dimension()

        override fun variableNames(): List<String> = variables

        override fun value(x: DoubleArray): Double {
            val index = if (contours != null && x.size == 2) contours.indexOf(x[0], x[1]) else -1
            if (index < 0) throw unknown()
            return values!![index]
        }

        override fun valueAndGradient(x: DoubleArray, gradient: DoubleArray): Double = throw unknown()

        private fun unknown() = LabException("landscape '${facts.spec()}' is known here only by what its store " +
            "recorded (its facts, and its values on its contour figure's grid), not by its code: run the study from " +
            "its script (or with its plugins, --plugins) to compute with it")
    }

    companion object {
        /**
         * The record of [factsText] ([LandscapeRecord.factsText]) and [contours] ([contoursBytes]), as a store
         * holds them under [spec].
         *
         * @throws LabException when the text or bytes are not a record's
         */
        @JvmStatic
        fun of(spec: String, factsText: String, contours: ByteArray?): LandscapeRecord = try {
            val lines = factsText.lineSequence().filter { it.isNotEmpty() }.map { line ->
                val key = line.substringBefore('=')
                key to unescape(line.substring(key.length + 1))
            }.toList()
            fun all(key: String) = lines.filter { it.first == key }.map { it.second }
            fun one(key: String) = all(key).singleOrNull() ?: throw LabException("it has no single '$key'")
            fun optional(key: String) = all(key).singleOrNull()?.let { OptionalDouble.of(it.toDouble()) } ?: OptionalDouble.empty()
            fun point(text: String) = if (text.isBlank()) DoubleArray(0) else text.trim().split(' ').map { it.toDouble() }.toDoubleArray()
            val tags = EnumSet.noneOf(Tag::class.java).apply { all("tag").forEach { add(Tag.valueOf(it)) } }
            val facts = Facts(one("name"), one("spec"), one("description"), one("dimension").toInt(),
                Box(point(one("lower")), point(one("upper"))), optional("minimum"), all("minimizer").map(::point),
                all("critical").map { c ->
                    val (location, value, curvature) = c.split('|')
                    CriticalPoint(point(location), value.toDouble(), Curvature.valueOf(curvature))
                },
                optional("smoothness"), optional("strongConvexity"), point(one("start")), tags, all("source"))
            if (contours == null) {
                LandscapeRecord(facts, all("variable"))
            } else {
                val buffer = ByteBuffer.wrap(contours)
                val grid = ContourGrid(buffer.double to buffer.double, buffer.double to buffer.double, buffer.int)
                if (buffer.remaining() != grid.size * 8) throw LabException("its contour grid has ${buffer.remaining()} bytes of values")
                LandscapeRecord(facts, all("variable"), grid, DoubleArray(grid.size) { buffer.double })
            }
        } catch (e: RuntimeException) {
            throw LabException("the store's record of landscape '$spec' is damaged: ${e.message?.lineSequence()?.first()}", e)
        }

        private fun unescape(text: String): String {
            if ('\\' !in text) return text
            val out = StringBuilder()
            var i = 0
            while (i < text.length) {
                val c = text[i++]
                if (c != '\\' || i == text.length) {
                    out.append(c)
                    continue
                }
                when (val next = text[i++]) {
                    'n' -> out.append('\n')
                    'r' -> out.append('\r')
                    else -> out.append(next)
                }
            }
            return out.toString()
        }
    }
}
