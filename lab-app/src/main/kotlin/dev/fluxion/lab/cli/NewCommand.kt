package dev.fluxion.lab.cli

import picocli.CommandLine
import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Option
import picocli.CommandLine.Parameters
import picocli.CommandLine.Spec
import java.nio.file.Path
import java.util.concurrent.Callable

/** `fluxion new plugin NAME`: starts a new project; `plugin` is the one kind there is. */
@Command(name = "new", description = ["Start a new project: fluxion new plugin NAME."],
    subcommands = [NewCommand.Plugin::class])
class NewCommand : Runnable {
    @Spec
    lateinit var spec: CommandSpec

    override fun run() {
        throw CommandLine.ParameterException(spec.commandLine(), "say what to start: fluxion new plugin NAME")
    }

    /**
     * `fluxion new plugin NAME [--landscape] [--kotlin] [--dir D] [--package P]`: a Maven project for a plugin in a new
     * folder D/NAME ([PluginScaffold]), built against this Fluxion's artifacts through its BOM.
     */
    @Command(name = "plugin", mixinStandardHelpOptions = true, description = [
        "Write a Maven project for an optimizer plugin (or a landscape plugin with --landscape) into a new folder " +
            "NAME: a pom that imports dev.fluxion:fluxion-bom at this Fluxion's version, a small working plugin, its " +
            "META-INF/services registration and a unit test. Build it with mvn package, after mvn install of Fluxion.",
    ])
    class Plugin : Callable<Int> {
        @Spec
        lateinit var spec: CommandSpec

        @Parameters(index = "0", paramLabel = "NAME",
            description = ["the plugin's name in specs, its folder and artifactId: lower-case letters, digits, hyphens"])
        lateinit var name: String

        @Option(names = ["--kotlin"], description = ["Kotlin sources and a kotest test (default: Java and JUnit)"])
        var kotlin = false

        @Option(names = ["--landscape"], description = ["a landscape plugin (default: an optimizer plugin)"])
        var landscape = false

        @Option(names = ["--dir"], paramLabel = "D", description = ["the folder to create NAME in (default: the current one)"])
        var dir: Path = Path.of("")

        @Option(names = ["--package"], paramLabel = "P", description = ["the sources' package (default: com.example.NAME without hyphens)"])
        var packageName: String? = null

        override fun call(): Int {
            val kind = if (landscape) PluginScaffold.Kind.LANDSCAPE else PluginScaffold.Kind.OPTIMIZER
            val scaffold = PluginScaffold(name, kind, kotlin, packageName ?: PluginScaffold.defaultPackage(name))
            PluginScaffold.checkFree(name, kind, FluxionCommand.pluginsOf(spec).registries)
            val project = scaffold.writeInto(dir)
            val out = spec.commandLine().out
            val article = if (kind == PluginScaffold.Kind.OPTIMIZER) "an" else "a"
            out.println("wrote $article ${kind.word} plugin in ${if (kotlin) "Kotlin" else "Java"} into $project, against " +
                "Fluxion ${PluginScaffold.version("fluxion.version")}:")
            for (path in scaffold.files().keys) out.println("  $path")
            val jar = "$project/target/$name-1.0-SNAPSHOT.jar"
            out.println("next (once mvn -B install -DskipTests in Fluxion's folder has put the BOM and the artifacts " +
                "into the local Maven repository):")
            out.println("  cd $project && mvn -B package")
            out.println("  fluxion --plugins $jar compare ${scaffold.values().getValue("example")}")
            out.flush()
            return 0
        }
    }
}
