package dev.fluxion.lab

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import java.nio.file.Files
import java.util.concurrent.TimeUnit

/**
 * Issue 6, "Must show", at CI scale: a study whose traces do not fit in the heap computes and reports in it. The
 * 10,000-run study of the benchmarks README in a 512 MB heap has the same shape; here 8,000 two-dimensional runs of
 * 1,000 steps (218 kept points, about 10 kB of trace each, 84 MB in all) run in a JVM of 64 MB, which holds the summaries of every
 * run and the traces of the few runs the report plots, but could not hold every trace at once.
 */
class SmallHeapSpec : FunSpec({
    val runs = 8000
    val heapMegabytes = 64

    test("8,000 runs of 1,000 steps, whose traces take more than the heap, compute and report in a 64 MB heap") {
        val out = temporaryFolder("fluxion-small-heap")
        val err = out.resolve("err.txt")
        val process = ForkedFluxion.start(listOf("compare", "--optimizers", "gd(lr=0.001)",
            "--landscapes", "quadratic(dim=2, kappa=10)", "--starts", "default+random:${runs - 1}", "--steps", "1000",
            "--threads", "2", "--out", out.toString(), "--name", "heap"),
            jvm = listOf("-Xmx${heapMegabytes}m", "-XX:+ExitOnOutOfMemoryError"), stderr = err)
        process.waitFor(180, TimeUnit.SECONDS) shouldBe true
        process.exitValue() shouldBe 0
        val store = out.resolve("heap.sqlite")
        ForkedFluxion.storedRuns(store) shouldBe runs
        // what the heap could not have held: every trace, as stored (the decoded arrays take as much again)
        val traceBytes = ForkedFluxion.query(store, "SELECT SUM(LENGTH(trace)) FROM runs") { it.next(); it.getLong(1) }
        (traceBytes > heapMegabytes * 1024L * 1024L) shouldBe true
        Files.readString(out.resolve("heap.html")) shouldContain "$runs runs."
        Files.readAllLines(out.resolve("heap.csv")).size shouldBe 1 + runs
    }
})
