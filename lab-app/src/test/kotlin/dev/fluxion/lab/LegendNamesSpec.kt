package dev.fluxion.lab

import dev.fluxion.lab.report.LetsPlotFigures
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

/** Legend entries: whole names, broken after commas into lines of about 24 characters, worked out by hand. */
class LegendNamesSpec : FunSpec({
    test("a chain breaks after its commas where a line would pass 24 characters; a short name stays whole") {
        // "chain(clip(norm=10), " is 21 characters: adding "momentum(lr=0.001," (18) would pass 24, so a new line;
        // "momentum(lr=0.001, " (19) + "momentum=0.9))" (14) passes it too
        LetsPlotFigures.legendNames(listOf("chain(clip(norm=10), momentum(lr=0.001, momentum=0.9))", "adam(lr=0.05)")) shouldBe
            listOf("chain(clip(norm=10),\nmomentum(lr=0.001,\nmomentum=0.9))", "adam(lr=0.05)")
    }

    test("pieces that fit share a line") {
        // "adam(lr=0.01, " (14) + "beta1=0.9," (10) = 24, which fits; then "beta2=0.999)" starts a line
        LetsPlotFigures.legendNames(listOf("adam(lr=0.01, beta1=0.9, beta2=0.999)")) shouldBe
            listOf("adam(lr=0.01, beta1=0.9,\nbeta2=0.999)")
    }

    test("the same name twice gets its position, so the legend keeps both") {
        LetsPlotFigures.legendNames(listOf("gd(lr=0.1)", "gd(lr=0.1)", "nesterov")) shouldBe
            listOf("gd(lr=0.1) (1)", "gd(lr=0.1) (2)", "nesterov")
    }
})
