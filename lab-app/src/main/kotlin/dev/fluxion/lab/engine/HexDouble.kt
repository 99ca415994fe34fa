package dev.fluxion.lab.engine

/**
 * A double as hexadecimal floating-point text, character for character [java.lang.Double.toHexString]'s: the sign
 * (also of -0.0), `0x1.` and the 52 fraction bits as 13 hex digits without their trailing zeros (at least one digit)
 * and `p` and the binary exponent for a normal number, `0x0.` and the exponent -1022 for a subnormal one, `0x0.0p0`
 * for zero, and `NaN`, `Infinity`, `-Infinity`. So 3.0 is `0x1.8p1` and 0.1 is `0x1.999999999999ap-4`: every bit of
 * the double written out, as in a run's key ([RunSpec.key]: its start) and the store's final values.
 *
 * Made here, not by the JDK, which compiles a regular expression at each call to drop the trailing zeros: a
 * microsecond, several times for each run a cluster's driver plans and stores.
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
}
