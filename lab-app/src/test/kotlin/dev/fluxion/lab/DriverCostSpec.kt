package dev.fluxion.lab

import dev.fluxion.lab.engine.Budget
import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.RunSpec
import dev.fluxion.lab.engine.StableHash
import dev.fluxion.lab.store.ClaimBlocks
import dev.fluxion.lab.store.ResultStore
import dev.fluxion.lab.study.CompareStudy
import dev.fluxion.lab.study.StartPlan
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.shouldBe
import java.sql.DriverManager

/**
 * The serial work a study does per run on the calling thread (the driver, on a cluster), cut down: a plan makes each
 * start once for the runs that share it and still gives every run its own spec; claims made in large blocks with
 * statements prepared once, and a backend's one claim on the rest of the study, still grant exactly the runs that are
 * neither stored nor another process's.
 */
class DriverCostSpec : StringSpec({
    "a plan's runs, asked in any order, are the specs made from their definition, sharing a start made once" {
        val study = CompareStudy(listOf("gd(lr=0.01)", "adam(lr=0.01)"), listOf("quadratic(dim=2)", "booth"),
            StartPlan("default+random:3"), seeds = 3, budget = Budget(maxSteps = 10), seed = 7)
        val engine = Engine(1)
        val plan = study.runs(engine)
        // the order (landscape, optimizer, start, seed) written out, each spec made from its parts here
        val expected = ArrayList<RunSpec>()
        for (landscape in study.landscapes) for (optimizer in study.optimizers) for (start in 0 until 4) for (seed in 0 until 3) {
            val l = engine.landscape(landscape)
            val point = if (start == 0) l.facts().start().toList()
                else l.facts().domain().sample(java.util.SplittableRandom(StableHash.of(7L, l.spec(), "random", start))).toList()
            expected += RunSpec(optimizer, engine.optimizer(optimizer).spec(), landscape, l.spec(), start, point, seed, 7L,
                study.budget, study.traces)
        }
        plan.size shouldBe expected.size
        // forwards (each start made once, then shared), then shuffled (a start asked out of turn is made again)
        plan.indices.map { plan[it] } shouldBe expected
        val shuffled = plan.indices.shuffled(java.util.Random(1))
        shuffled.map { plan[it] } shouldBe shuffled.map { expected[it] }
        // seeds vary fastest: consecutive runs of one start share one start object
        (plan[1].start === plan[2].start) shouldBe true
    }

    "claims in one large block skip the stored runs and another process's, and keep this process's own" {
        val folder = temporaryFolder("driver-claims")
        val path = folder.resolve("claims.sqlite")
        ResultStore.open(path).use { store ->
            val study = CompareStudy(listOf("gd(lr=0.01)"), listOf("quadratic(dim=2)"), StartPlan("random:10"),
                budget = Budget(maxSteps = 5))
            val engine = Engine(1)
            val runs = study.runs(engine)
            store.claimStudy(study.properties(), runs.map { it.key })
            store.put(engine.run(runs[2])) // stored: not claimed
            store.claimAll(listOf(runs[7].key)) shouldBe setOf(runs[7].key) // this process's claim: still its own
            DriverManager.getConnection("jdbc:sqlite:$path").use { c ->
                c.createStatement().use { it.executeUpdate("INSERT INTO claims VALUES ('${runs[4].key}', 'elsewhere/1/1', 0)") }
            }
            val asked = ArrayList<Int>()
            val claims = ClaimBlocks(store, runs.size, { asked += it; runs[it].key }, 4096)
            runs.indices.filter { claims.granted(it) } shouldBe (0 until 10).filter { it != 2 && it != 4 }
            asked shouldBe (0 until 10).toList() // one block: each key asked once, in order
        }
    }

    "a backend's one claim on the rest of the study grants the runs neither stored nor another's, and holds off others" {
        val folder = temporaryFolder("driver-rest")
        val path = folder.resolve("rest.sqlite")
        fun sql(statement: String) = DriverManager.getConnection("jdbc:sqlite:$path").use { c ->
            c.createStatement().use { it.executeUpdate(statement) }
        }
        fun rows(query: String) = DriverManager.getConnection("jdbc:sqlite:$path").use { c ->
            c.createStatement().use { st -> st.executeQuery(query).use { rs -> buildList { while (rs.next()) add(rs.getString(1)) } } }
        }
        ResultStore.open(path).use { store ->
            val study = CompareStudy(listOf("gd(lr=0.01)"), listOf("quadratic(dim=2)"), StartPlan("random:10"),
                budget = Budget(maxSteps = 5))
            val engine = Engine(1)
            val runs = study.runs(engine)
            val key = runs.map { it.key }
            store.claimStudy(study.properties(), key)
            store.put(engine.run(runs[2]))
            val seen = store.storedKeys() // the caller's view: run 2 stored, so it asks for the other nine
            val asked = key.filterIndexed { i, _ -> i != 2 }
            store.put(engine.run(runs[3])) // stored since: found and left out
            store.claimAll(listOf(key[7])) shouldBe setOf(key[7]) // this process's own claim: still its own
            sql("INSERT INTO claims VALUES ('${key[4]}', 'elsewhere/1/1', 0)") // another process's run
            val granted = store.claimRest(asked, seen)
            asked.filterIndexed { i, _ -> granted[i] } shouldBe key.filterIndexed { i, _ -> i !in setOf(2, 3, 4) }
            rows("SELECT run_key FROM claims WHERE owner <> 'elsewhere/1/1' ORDER BY run_key") shouldBe listOf("*", key[7]).sorted()
            store.releaseRest()
            rows("SELECT run_key FROM claims WHERE run_key = '*'") shouldBe emptyList()

            // another process's claim on the rest: this one is granted no run, by either kind of claim, but its own
            sql("INSERT INTO claims VALUES ('*', 'elsewhere/1/1', 0)")
            store.claimRest(asked, store.storedKeys()).any { it } shouldBe false
            store.claimAll(listOf(key[8])) shouldBe emptySet()
            store.claimAll(listOf(key[7])) shouldBe setOf(key[7])
            // once that process has ended (a process of this host that is not running), its claims go, the rest's too
            val host = java.lang.management.ManagementFactory.getRuntimeMXBean().name.substringAfter('@')
            sql("UPDATE claims SET owner = '$host/999999999/1' WHERE owner = 'elsewhere/1/1'")
            store.releaseAbandonedClaims() shouldBe 2 // run 4's and the rest's
            store.claimAll(listOf(key[8])) shouldBe setOf(key[8])
        }
    }
})
