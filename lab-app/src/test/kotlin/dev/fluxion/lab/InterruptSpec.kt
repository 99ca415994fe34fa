package dev.fluxion.lab

import dev.fluxion.lab.cli.FluxionCommand
import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Trace
import dev.fluxion.lab.store.HitCounts
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.io.PrintWriter
import java.io.StringWriter
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * Issue 6, "Must show": Ctrl-C ends a study promptly and keeps what finished. A compare study in its own JVM gets
 * SIGINT (`kill -INT`, what Ctrl-C sends) part-way; it must end within a few seconds with exit code 130, its store
 * closed cleanly (SQLite removes the write-ahead log when the last connection closes) and intact, every stored run
 * whole, and a message saying how many runs were kept. Started again, the study computes only the rest and ends
 * with the same store as a study never interrupted.
 */
class InterruptSpec : FunSpec({
    // 2 optimizers x 2 landscapes x 50 starts x 2 seeds = 400 runs of up to 3000 noisy steps: a few seconds.
    val total = 2 * 2 * 50 * 2
    fun arguments(out: Path) = listOf("compare", "--optimizers", "gd(lr=0.001); adam(lr=0.01)",
        "--landscapes", "rosenbrock(dim=2); quadratic(dim=2, kappa=100)", "--starts", "default+random:49",
        "--seeds", "2", "--noise", "0.01", "--steps", "3000", "--seed", "11", "--threads", "2",
        "--out", out.toString(), "--name", "stopped")

    /**
     * SIGINT, unless this JVM was started with SIGINT ignored (a background job of a shell without job control):
     * a child inherits that, and the JVM then leaves SIGINT ignored, so SIGTERM, which goes through the same
     * shutdown, stands in for it.
     */
    val signal = run {
        val ignored = Files.readAllLines(Path.of("/proc/self/status")).firstOrNull { it.startsWith("SigIgn:") }
            ?.substringAfter(':')?.trim()?.toLong(16) ?: 0L
        if (ignored and (1L shl (2 - 1)) != 0L) "TERM" to 143 else "INT" to 130
    }

    /**
     * The number of runs in [store] once it holds at least [runs], polled every 10 ms while [study] is alive, for at
     * most [seconds]: the point at which the signal is sent.
     */
    fun storedOnceAtLeast(study: Process, store: Path, runs: Int, seconds: Long): Int {
        var seen = 0
        val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        while (seen < runs && study.isAlive && System.nanoTime() < deadline) {
            Thread.sleep(10)
            seen = ForkedFluxion.storedRuns(store)
        }
        return seen
    }

    test("Ctrl-C part-way ends a study within seconds, keeps every finished run whole, and a re-run computes the rest") {
        val out = temporaryFolder("fluxion-interrupted")
        val store = out.resolve("stopped.sqlite")
        val firstErr = out.resolve("first.err")
        val first = ForkedFluxion.start(arguments(out), stderr = firstErr)
        val seen = storedOnceAtLeast(first, store, total / 5, seconds = 30)
        first.isAlive shouldBe true // still computing: the signal lands part-way
        val sent = System.nanoTime()
        ProcessBuilder("kill", "-${signal.first}", first.pid().toString()).start().waitFor() shouldBe 0
        first.waitFor(5, TimeUnit.SECONDS) shouldBe true
        val seconds = (System.nanoTime() - sent) / 1e9
        println("InterruptSpec: SIG${signal.first} after $seen stored runs; the study ended ${"%.2f".format(seconds)} s later")
        first.exitValue() shouldBe signal.second

        Files.exists(out.resolve("stopped.sqlite-wal")) shouldBe false
        ForkedFluxion.query(store, "PRAGMA integrity_check") { it.next(); it.getString(1) } shouldBe "ok"
        val kept = ForkedFluxion.storedRuns(store)
        (kept in seen until total) shouldBe true
        // every stored run is whole: its trace decodes and ends at the step the run ended at
        ForkedFluxion.query(store, "SELECT steps, trace, hit_steps FROM runs") { rs ->
            var whole = 0
            while (rs.next()) {
                val trace = Trace.fromBytes(rs.getBytes("trace"))
                if (trace.size > 0 && trace.steps.last() == rs.getLong("steps") &&
                    HitCounts.decodeOrNull(rs.getBytes("hit_steps"))?.size == Budget.DEFAULT_TARGETS.size) whole++
            }
            whole
        } shouldBe kept
        Files.readString(firstErr) shouldContain "interrupted; $kept of $total runs are stored"
        Files.exists(out.resolve("stopped.html")) shouldBe false

        val secondErr = out.resolve("second.err")
        val second = ForkedFluxion.start(arguments(out), stderr = secondErr)
        second.waitFor(90, TimeUnit.SECONDS) shouldBe true
        second.exitValue() shouldBe 0
        Files.readString(secondErr) shouldContain "$total runs, $kept already stored, ${total - kept} to compute"

        val uninterrupted = temporaryFolder("fluxion-not-interrupted")
        FluxionCommand.commandLine(PrintWriter(StringWriter()), PrintWriter(StringWriter()))
            .execute(*arguments(uninterrupted).toTypedArray()) shouldBe 0
        ForkedFluxion.rows(store) shouldBe ForkedFluxion.rows(uninterrupted.resolve("stopped.sqlite"))
    }

    test("Ctrl-C during a scan's bisection ends it within seconds and keeps the bisection runs that finished") {
        // quadratic(dim=2, kappa=10): 2/L = 0.2, bracketed by the grid 0.01, 0.046, 0.22, 1; each bisection run lies
        // closer to the edge, where gradient descent barely contracts or grows, so the later ones take their whole
        // budget of steps (10^7, about a second each): the signal lands while they compute
        val points = 4
        val bisections = 24
        fun scan(out: Path) = listOf("scan", "-o", "gd", "-l", "quadratic(dim=2, kappa=10)", "--from", "0.01",
            "--to", "1", "--points", "$points", "--steps", "10000000", "--threads", "2", "--out", out.toString(),
            "--name", "edge")
        val out = temporaryFolder("fluxion-interrupted-scan")
        val store = out.resolve("edge.sqlite")
        val err = out.resolve("first.err")
        val first = ForkedFluxion.start(scan(out), stderr = err)
        val seen = storedOnceAtLeast(first, store, points + bisections / 2, seconds = 60)
        first.isAlive shouldBe true // still bisecting
        ProcessBuilder("kill", "-${signal.first}", first.pid().toString()).start().waitFor() shouldBe 0
        first.waitFor(5, TimeUnit.SECONDS) shouldBe true
        first.exitValue() shouldBe signal.second
        Files.exists(out.resolve("edge.sqlite-wal")) shouldBe false
        val kept = ForkedFluxion.storedRuns(store)
        (kept in seen until points + bisections) shouldBe true
        Files.readString(err) shouldContain "interrupted; $points of $points runs and ${kept - points} bisection runs are stored"
        Files.exists(out.resolve("edge.html")) shouldBe false

        // started again, it bisects on from the stored runs, and ends with the store of a scan never interrupted
        val second = ForkedFluxion.start(scan(out), stderr = out.resolve("second.err"))
        second.waitFor(120, TimeUnit.SECONDS) shouldBe true
        second.exitValue() shouldBe 0
        ForkedFluxion.storedRuns(store) shouldBe points + bisections
        val uninterrupted = temporaryFolder("fluxion-scan-not-interrupted")
        FluxionCommand.commandLine(PrintWriter(StringWriter()), PrintWriter(StringWriter()))
            .execute(*scan(uninterrupted).toTypedArray()) shouldBe 0
        ForkedFluxion.rows(store) shouldBe ForkedFluxion.rows(uninterrupted.resolve("edge.sqlite"))
    }
})
