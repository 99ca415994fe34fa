package dev.fluxion.lab.tune

import dev.fluxion.lab.LabException

/**
 * How a tune study picks the settings it tries, each from the same seeded list for every optimizer:
 * - [GRID]: the search space's grid of at most `--budget` settings ([SearchSpace.grid]), each run to the full step
 *   budget;
 * - [RANDOM]: `--budget` settings drawn from the space ([SearchSpace.random]), each run to the full step budget;
 * - [HALVING]: successive halving ([Halving]) over `--budget` drawn settings: short runs first, and only the best
 *   1/eta of each rung go on to runs eta times longer.
 */
enum class Search {
    GRID, RANDOM, HALVING;

    /** The name in `--search`. */
    val text: String get() = name.lowercase()

    companion object {
        /** Reads `--search`. */
        @JvmStatic
        fun parse(text: String): Search = entries.firstOrNull { it.text == text.trim().lowercase() }
            ?: throw LabException("--search '$text' is unknown; known: ${entries.joinToString(", ") { it.text }}")
    }
}

/**
 * One rung of successive halving: [configurations] settings each run [steps] steps.
 */
data class Rung(val index: Int, val configurations: Int, val steps: Long)

/**
 * Successive halving (Jamieson and Talwalkar 2016) on the step budget: rung 0 runs [configurations] settings for a
 * short budget; each rung keeps the best floor(n / [eta]) of its n settings and runs them [eta] times longer, up to
 * the full [maxSteps] at the last rung. With R = 1 + floor(log_eta(n0)) rungs, rung k has floor(n0 / eta^k) settings
 * and max(1, floor(T / eta^(R-1-k))) steps: n0 = 20, eta = 3, T = 1000 gives 20 settings at 111 steps, 6 at 333, 2 at
 * 1000.
 */
data class Halving(val configurations: Int, val eta: Int, val maxSteps: Long) {
    init {
        if (eta < 2) throw LabException("--eta $eta must be at least 2")
        if (configurations < 1) throw LabException("--budget $configurations must be at least 1")
    }

    /** The rungs, from the shortest runs to the full budget. */
    val rungs: List<Rung>
        get() {
            var count = 1
            var left = configurations
            while (left / eta >= 1) {
                left /= eta
                count++
            }
            var n = configurations
            return (0 until count).map { k ->
                var divisor = 1L
                repeat(count - 1 - k) { divisor *= eta }
                Rung(k, n, maxOf(1L, maxSteps / divisor)).also { n /= eta }
            }
        }
}
