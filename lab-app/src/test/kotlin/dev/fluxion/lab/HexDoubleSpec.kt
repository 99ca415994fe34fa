package dev.fluxion.lab

import dev.fluxion.lab.engine.HexDouble
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.shouldBe

/**
 * [HexDouble] writes a double as the JDK's [java.lang.Double.toHexString] does, character for character: the texts
 * worked out by hand from the bits, and the JDK's own text for the edges and a million random bit patterns; and reads
 * the text back to the same bits, and other texts as [java.lang.Double.parseDouble] does.
 */
class HexDoubleSpec : StringSpec({
    "the texts worked out from the bits" {
        HexDouble.of(1.0) shouldBe "0x1.0p0" // fraction 0: one digit
        HexDouble.of(3.0) shouldBe "0x1.8p1" // 1.1 (binary) x 2^1
        HexDouble.of(-0.75) shouldBe "-0x1.8p-1"
        HexDouble.of(0.1) shouldBe "0x1.999999999999ap-4" // 13 digits, none trailing zero
        HexDouble.of(0.0) shouldBe "0x0.0p0"
        HexDouble.of(-0.0) shouldBe "-0x0.0p0"
        HexDouble.of(java.lang.Double.MIN_VALUE) shouldBe "0x0.0000000000001p-1022" // the least subnormal
        HexDouble.of(java.lang.Double.MAX_VALUE) shouldBe "0x1.fffffffffffffp1023"
        HexDouble.of(Double.NaN) shouldBe "NaN"
        HexDouble.of(Double.NEGATIVE_INFINITY) shouldBe "-Infinity"
    }

    "the JDK's text for the edges and for random bits" {
        val edges = listOf(java.lang.Double.MIN_NORMAL, Math.nextDown(java.lang.Double.MIN_NORMAL), Math.nextUp(1.0),
            Double.POSITIVE_INFINITY, Double.fromBits(0x7ff8_0000_0000_0123L), 2.0.pow(-1074 + 12))
        for (x in edges) HexDouble.of(x) shouldBe java.lang.Double.toHexString(x)
        val random = java.util.SplittableRandom(20)
        repeat(1_000_000) {
            // all bits random, and a fraction with many trailing zeros (as short as 1.5 or 0.1 in hex)
            val bits = random.nextLong()
            for (x in listOf(Double.fromBits(bits), Double.fromBits(bits and (-1L shl random.nextInt(53))))) {
                val text = HexDouble.of(x)
                if (text != java.lang.Double.toHexString(x)) text shouldBe java.lang.Double.toHexString(x)
            }
        }
    }

    "the text read back is the double written, bit for bit; other texts are read as the JDK reads them" {
        val random = java.util.SplittableRandom(21)
        repeat(1_000_000) {
            val bits = random.nextLong()
            for (x in listOf(Double.fromBits(bits), Double.fromBits(bits and (-1L shl random.nextInt(53))))) {
                val back = HexDouble.parse(HexDouble.of(x))
                if (x.isNaN()) back.isNaN() shouldBe true
                else if (back.toRawBits() != x.toRawBits()) back.toRawBits() shouldBe x.toRawBits()
            }
        }
        for (text in listOf("0x1.8000p1", "0X1.8P1", "0x1.8p+1", "0x1.8p1d", "-0x0.8p-1022", "0x0.8p-1021", "0x1.0p1024",
            "0x1.0p-1023", "0x0.0p5", "0x2.0p1", "1.5", "-2e-3", "NaN", "Infinity", "0x1.fffffffffffff8p0", "0x1.p1")) {
            HexDouble.parse(text).toRawBits() shouldBe java.lang.Double.parseDouble(text).toRawBits()
        }
        for (text in listOf("0x1.8q1", "0x1.8p", "", "-", "0x1.gp0")) {
            io.kotest.assertions.throwables.shouldThrow<NumberFormatException> { HexDouble.parse(text) }
        }
    }
})

private fun Double.pow(n: Int) = Math.pow(this, n.toDouble())
