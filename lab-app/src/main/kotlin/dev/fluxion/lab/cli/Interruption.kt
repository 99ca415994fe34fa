package dev.fluxion.lab.cli

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/**
 * Ctrl-C for the commands that compute studies. On SIGINT (and SIGTERM, SIGHUP) the JVM runs its shutdown hooks
 * and then halts, whatever its other threads are doing. While [cancelOnShutdown] runs its block, a hook cancels
 * the block's coroutine and waits (at most [GRACE_SECONDS]) for it to unwind: the runs still computing stop at
 * their next cancellation check and are dropped, the run being written is committed (a write is never cancelled
 * half-way, and each is one SQLite transaction), the store closes in its `use`, and a message says what was kept.
 * Only then does the JVM halt, with exit code [EXIT_CODE].
 */
internal object Interruption {
    /** The exit code after Ctrl-C: 128 + SIGINT, as shells report it. */
    const val EXIT_CODE = 130

    /** The longest a shutdown waits for the block to unwind. */
    const val GRACE_SECONDS = 10L

    /**
     * Runs [block] until it completes (true) or a JVM shutdown cancels it (false, after [onInterrupted] has run
     * and before the JVM halts). An exception of the block other than its cancellation is thrown on.
     */
    fun cancelOnShutdown(onInterrupted: () -> Unit, block: suspend CoroutineScope.() -> Unit): Boolean =
        cancelOnShutdown(onInterrupted, onStuck = {}, block)

    /**
     * [cancelOnShutdown], calling [onStuck] (on the shutdown's thread, just before the JVM halts) when the block has
     * not unwound within the grace: a run in a step that never returns, say, which no cancellation reaches.
     */
    fun cancelOnShutdown(onInterrupted: () -> Unit, onStuck: () -> Unit, block: suspend CoroutineScope.() -> Unit): Boolean {
        val unwound = CountDownLatch(1)
        var hook: Thread? = null
        var cancelled = false
        try {
            runBlocking {
                val work = launch { block() }
                hook = Thread({
                    work.cancel()
                    if (!unwound.await(GRACE_SECONDS, TimeUnit.SECONDS)) onStuck()
                }, "fluxion-shutdown")
                Runtime.getRuntime().addShutdownHook(hook)
                work.join()
                cancelled = work.isCancelled // not so when the shutdown came after the block had finished
            }
            if (cancelled) onInterrupted()
            return !cancelled
        } finally {
            unwound.countDown()
            hook?.let {
                try {
                    Runtime.getRuntime().removeShutdownHook(it)
                } catch (e: IllegalStateException) {
                    // the JVM is shutting down already; the hook has seen the latch
                }
            }
        }
    }
}
