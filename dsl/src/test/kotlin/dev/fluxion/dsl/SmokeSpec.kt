package dev.fluxion.dsl
import io.kotest.core.spec.style.StringSpec
import io.kotest.matchers.shouldBe
class SmokeSpec : StringSpec({ "one" { Smoke.one() shouldBe 1 } })
