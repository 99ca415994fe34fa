package dev.fluxion.lab.engine

/**
 * A 64-bit hash that is the same on every machine, JVM and run (unlike [String.hashCode] mixed with identity
 * hashes): FNV-1a over the UTF-8 bytes of each part, parts separated by a 0 byte, finished with SplitMix64's
 * mixer so that nearby inputs give unrelated seeds.
 *
 * Seeds of runs and random starts come from it, so they depend on what a run is, never on which thread ran it.
 */
object StableHash {
    private const val FNV_OFFSET = -0x340d631b7bdddcdbL // 0xcbf29ce484222325
    private const val FNV_PRIME = 0x100000001b3L

    /** The hash of the parts, in order; `of("a", "b") != of("ab")`. */
    @JvmStatic
    fun of(vararg parts: Any): Long {
        var h = FNV_OFFSET
        for (part in parts) {
            for (b in part.toString().toByteArray(Charsets.UTF_8)) {
                h = (h xor (b.toLong() and 0xff)) * FNV_PRIME
            }
            h *= FNV_PRIME // the separator byte 0
        }
        return mix(h)
    }

    /** SplitMix64's finalizer (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014). */
    @JvmStatic
    fun mix(z0: Long): Long {
        var z = z0
        z = (z xor (z ushr 30)) * -0x40a7b892e31b1a47L
        z = (z xor (z ushr 27)) * -0x6b2fb644ecceee15L
        return z xor (z ushr 31)
    }

    /** The hash as 16 hex digits. */
    @JvmStatic
    fun hex(vararg parts: Any): String = java.lang.Long.toHexString(of(*parts)).padStart(16, '0')
}
