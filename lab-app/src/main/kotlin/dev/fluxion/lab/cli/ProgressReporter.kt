package dev.fluxion.lab.cli

import dev.fluxion.lab.engine.Progress
import java.io.PrintWriter

/**
 * A study's progress on stderr. On a terminal, a bar ([ProgressBar]: runs done of those to compute, rate, ETA)
 * rewritten in place at most ten times a second, once the runs have taken a second (a quicker study shows none);
 * otherwise plain lines, one every tenth of the work. A scan's bisection shows its count on a terminal and its end
 * otherwise.
 *
 * @param clock nanoseconds, for the rate and the ETA ([System.nanoTime]; a test gives its own)
 */
internal class ProgressReporter(private val err: PrintWriter, private val terminal: Boolean,
                                private val clock: () -> Long = System::nanoTime) {
    private var lastTenth = -1
    private var started = clock()
    private var lastDrawn = Long.MIN_VALUE
    private var drawnLength = 0

    fun accept(event: Progress) {
        when (event) {
            is Progress.Planned -> {
                started = clock()
                lastDrawn = Long.MIN_VALUE
                lastTenth = -1
                err.println("${event.total} runs, ${event.stored} already stored, " +
                    "${event.total - event.stored} to compute" +
                    if (event.bisections > 0) "; then up to ${event.bisections} bisection runs, if the grid brackets an edge" else "")
            }
            is Progress.Finished -> if (terminal) bar(event.done, event.total) else {
                val tenth = 10 * event.done / event.total
                if (tenth != lastTenth) {
                    lastTenth = tenth
                    err.println("${event.done}/${event.total} runs done (last: ${event.result.summary()})")
                }
            }
            is Progress.Waiting -> err.println("waiting for ${event.runs} runs that other processes are computing")
            is Progress.Refined -> {
                if (terminal) {
                    err.print("\rbisection ${event.done}/${event.total}")
                    if (event.done == event.total) err.println()
                } else if (event.done == event.total) {
                    err.println("${event.total} bisection runs done (last: ${event.result.summary()})")
                }
            }
        }
        err.flush()
    }

    private fun bar(done: Int, total: Int) {
        val now = clock()
        val last = done == total
        if (now - started < SHOW_AFTER_NANOS) return
        if (!last && lastDrawn != Long.MIN_VALUE && now - lastDrawn < REDRAW_NANOS) return
        val line = ProgressBar.line(done, total, now - started)
        // spaces over the rest of a longer line drawn before (an ETA of h:mm:ss, say)
        err.print("\r" + line + " ".repeat((drawnLength - line.length).coerceAtLeast(0)))
        drawnLength = line.length
        lastDrawn = now
        if (last) err.println()
    }

    private companion object {
        /** A study that ends within this shows no bar. */
        const val SHOW_AFTER_NANOS = 1_000_000_000L

        /** The bar is drawn at most this often. */
        const val REDRAW_NANOS = 100_000_000L
    }
}
