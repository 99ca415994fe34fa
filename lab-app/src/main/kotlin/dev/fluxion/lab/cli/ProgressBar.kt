package dev.fluxion.lab.cli

import java.util.Locale
import kotlin.math.ceil

/**
 * The text of a study's progress bar on a terminal, from the runs done of those to compute and the time since they
 * started: `[#########.....................] 120/400 runs, 12.0 runs/s, ETA 0:24`. The rate is runs per second
 * (seconds per run below one run a second); the ETA is the runs left at the rate so far, rounded up to a second;
 * when every run is done the line says how long they took instead.
 */
object ProgressBar {
    /** The characters between the brackets. */
    const val WIDTH = 30

    /** The bar's line after [done] of [total] runs in [elapsedNanos] nanoseconds. */
    fun line(done: Int, total: Int, elapsedNanos: Long): String {
        val filled = if (total <= 0) WIDTH else (WIDTH.toLong() * done / total).toInt().coerceIn(0, WIDTH)
        val bar = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] $done/$total runs"
        val seconds = elapsedNanos / 1e9
        if (done <= 0 || seconds <= 0) return "$bar, ETA --:--"
        val rate = done / seconds
        val speed = if (rate >= 1) String.format(Locale.ROOT, "%.1f runs/s", rate)
        else String.format(Locale.ROOT, "%.1f s/run", 1 / rate)
        if (done >= total) return "$bar, $speed, in ${duration(ceil(seconds).toLong())}"
        return "$bar, $speed, ETA ${duration(ceil((total - done) * seconds / done).toLong())}"
    }

    /** A duration in whole seconds as `m:ss`, or `h:mm:ss` from an hour on. */
    fun duration(seconds: Long): String {
        val hours = seconds / 3600
        val minutes = seconds % 3600 / 60
        val rest = seconds % 60
        return if (hours > 0) String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
        else String.format(Locale.ROOT, "%d:%02d", minutes, rest)
    }
}
