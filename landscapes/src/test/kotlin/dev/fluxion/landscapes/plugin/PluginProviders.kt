package dev.fluxion.landscapes.plugin

import dev.fluxion.dsl.expr.Expr
import dev.fluxion.landscapes.Arguments
import dev.fluxion.landscapes.Landscape
import dev.fluxion.landscapes.LandscapeProvider

// Providers that only a plugin class loader lists (PluginRegistrySpec writes their services file), never the
// tests' own META-INF/services: each shows one way a plugin joins the registry or fails to.

/** A well-behaved plugin: f(x, y) = x^2 + 4 y^2. */
class SkewedBowlProvider : LandscapeProvider {
    override fun name() = "skewed-bowl"
    override fun description() = "x^2 + 4 y^2; a test plugin"
    override fun create(arguments: Arguments): Landscape =
        Landscape.builder(arguments, Expr.parse("x^2 + 4*y^2"), listOf("x", "y"))
            .description(description()).domain(-2.0, 2.0).minimizers(doubleArrayOf(0.0, 0.0)).start(1.0, 1.0).build()
}

/** A plugin whose name() throws. */
class NamelessProvider : LandscapeProvider {
    override fun name(): String = throw UnsupportedOperationException("no name yet")
    override fun description() = "never listed"
    override fun create(arguments: Arguments): Landscape = error("never built")
}

/** A plugin that takes a built-in's name. */
class ClashingBealeProvider : LandscapeProvider {
    override fun name() = "beale"
    override fun description() = "an impostor"
    override fun create(arguments: Arguments): Landscape = error("never built")
}
