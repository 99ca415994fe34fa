package dev.fluxion.lab

import dev.fluxion.lab.cli.FluxionCommand
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.io.PrintWriter
import java.io.StringWriter
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * Issue 6, "Must show": a compare study killed with SIGKILL part-way ([Process.destroyForcibly]) and started again
 * finishes with every run stored exactly once, and with the same stored results as a study never interrupted.
 */
class KillResumeSpec : FunSpec({
    // 2 optimizers x 2 landscapes x 50 starts x 2 seeds = 400 runs of up to 3000 noisy steps: a few seconds.
    val total = 2 * 2 * 50 * 2
    fun arguments(out: Path) = arrayOf("compare", "--optimizers", "gd(lr=0.001); adam(lr=0.01)",
        "--landscapes", "rosenbrock(dim=2); quadratic(dim=2, kappa=100)", "--starts", "default+random:49",
        "--seeds", "2", "--noise", "0.01", "--steps", "3000", "--seed", "7", "--threads", "2",
        "--out", out.toString(), "--name", "killed")

    fun spawn(out: Path): Process = ForkedFluxion.start(arguments(out).toList())
    fun storedRuns(store: Path) = ForkedFluxion.storedRuns(store)
    fun rows(store: Path) = ForkedFluxion.rows(store)
    fun <T> query(store: Path, sql: String, read: (java.sql.ResultSet) -> T): T = ForkedFluxion.query(store, sql, read)

    test("a study killed with SIGKILL part-way and started again stores every run once, as an uninterrupted one") {
        val killed = temporaryFolder("fluxion-killed")
        val store = killed.resolve("killed.sqlite")
        val first = spawn(killed)
        var seen = 0
        val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20)
        while (seen < total / 5 && first.isAlive && System.nanoTime() < deadline) {
            Thread.sleep(10)
            seen = storedRuns(store)
        }
        first.isAlive shouldBe true // still computing: the kill lands part-way
        first.destroyForcibly()
        first.waitFor(10, TimeUnit.SECONDS) shouldBe true
        val partial = storedRuns(store)
        (partial in 1 until total) shouldBe true

        val second = spawn(killed)
        second.waitFor(60, TimeUnit.SECONDS) shouldBe true
        second.exitValue() shouldBe 0

        val uninterrupted = temporaryFolder("fluxion-uninterrupted")
        val err = StringWriter()
        FluxionCommand.commandLine(PrintWriter(StringWriter()), PrintWriter(err)).execute(*arguments(uninterrupted)) shouldBe 0

        storedRuns(store) shouldBe total
        query(store, "SELECT COUNT(*) FROM (SELECT run_key FROM runs GROUP BY run_key HAVING COUNT(*) > 1)") {
            it.next(); it.getInt(1)
        } shouldBe 0
        query(store, "SELECT COUNT(DISTINCT run_key) FROM runs") { it.next(); it.getInt(1) } shouldBe total
        val reference = uninterrupted.resolve("killed.sqlite")
        rows(store) shouldBe rows(reference)
        Files.readString(killed.resolve("killed.csv")) shouldBe Files.readString(uninterrupted.resolve("killed.csv"))
    }
})
