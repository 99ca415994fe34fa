package dev.fluxion.lab.engine

/**
 * A double as hexadecimal floating-point text, character for character [java.lang.Double.toHexString]'s: the sign
 * (also of -0.0), `0x1.` and the 52 fraction bits as 13 hex digits without their trailing zeros (at least one digit)
 * and `p` and the binary exponent for a normal number, `0x0.` and the exponent -1022 for a subnormal one, `0x0.0p0`
 * for zero, and `NaN`, `Infinity`, `-Infinity`. So 3.0 is `0x1.8p1` and 0.1 is `0x1.999999999999ap-4`: every bit of
 * the double written out, as in a run's key ([RunSpec.key]: its start) and the store's final values.
 *
 * Made here, not by the JDK, which compiles a regular expression at each call to drop the trailing zeros: a
 * microsecond, several times for each run a cluster's driver plans and stores. [parse] reads the text back, also
 * without one.
 */
object HexDouble {
    private const val DIGITS = "0123456789abcdef"

    /** The text of [x], as [java.lang.Double.toHexString] writes it. */
    @JvmStatic
    fun of(x: Double): String {
        if (!x.isFinite()) return x.toString()
        val bits = java.lang.Double.doubleToRawLongBits(x)
        val text = StringBuilder(24)
        if (bits < 0) text.append('-')
        text.append("0x")
        if (x == 0.0) return text.append("0.0p0").toString()
        val subnormal = Math.abs(x) < java.lang.Double.MIN_NORMAL
        text.append(if (subnormal) "0." else "1.")
        var fraction = bits and 0x000f_ffff_ffff_ffffL // 13 hex digits
        if (fraction == 0L) {
            text.append('0')
        } else {
            var digits = 13
            while (fraction and 0xfL == 0L) {
                fraction = fraction ushr 4
                digits--
            }
            for (d in digits - 1 downTo 0) text.append(DIGITS[((fraction ushr (4 * d)) and 0xfL).toInt()])
        }
        return text.append('p').append(if (subnormal) java.lang.Double.MIN_EXPONENT else Math.getExponent(x)).toString()
    }

    /**
     * The double whose text [of] wrote is [text], read here (the JDK reads hexadecimal text with a regular
     * expression); any other text of a double is read by [java.lang.Double.parseDouble], as is `NaN`.
     *
     * @throws NumberFormatException when [text] is not the text of a double
     */
    @JvmStatic
    fun parse(text: String): Double = written(text) ?: java.lang.Double.parseDouble(text)

    /** The double of [text] when it has the form [of] writes for a finite double, else null. */
    private fun written(text: String): Double? {
        val negative = text.startsWith('-')
        var i = if (negative) 1 else 0
        if (!text.startsWith("0x", i) || !text.startsWith(".", i + 3)) return null
        val lead = text[i + 2]
        if (lead != '0' && lead != '1') return null
        i += 4
        var fraction = 0L
        var digits = 0
        while (i < text.length && text[i] != 'p') {
            val digit = DIGITS.indexOf(text[i])
            if (digit < 0 || digits == 13) return null
            fraction = (fraction shl 4) or digit.toLong()
            digits++
            i++
        }
        if (digits == 0 || i == text.length) return null
        val exponent = exponent(text, i + 1) ?: return null
        fraction = fraction shl (4 * (13 - digits))
        val sign = if (negative) Long.MIN_VALUE else 0L
        val bits = when {
            lead == '1' && exponent in -1022..1023 -> sign or ((exponent + 1023).toLong() shl 52) or fraction
            lead == '0' && fraction == 0L && exponent == 0 -> sign
            lead == '0' && fraction != 0L && exponent == java.lang.Double.MIN_EXPONENT -> sign or fraction
            else -> return null
        }
        return Double.fromBits(bits)
    }

    /** The decimal exponent from [from] to the end of [text] (an optional '-' and 1 to 4 digits), or null. */
    private fun exponent(text: String, from: Int): Int? {
        val negative = from < text.length && text[from] == '-'
        val first = if (negative) from + 1 else from
        if (first == text.length || text.length - first > 4) return null
        var value = 0
        for (j in first until text.length) {
            val c = text[j]
            if (c !in '0'..'9') return null
            value = 10 * value + (c - '0')
        }
        return if (negative) -value else value
    }
}
