package dev.fluxion.lab.cli

import dev.fluxion.lab.LabException
import dev.fluxion.lab.suite.Suite
import picocli.CommandLine.Option
import picocli.CommandLine.ParseResult

/** The options that choose a standard suite, which `fluxion compare` and `fluxion tune` take ([Suite]). */
class SuiteOptions {
    @Option(names = ["--suite"], description = ["a standard suite in place of --landscapes: bbob or mgh; its report has " +
        "aRT tables and ECDFs per function group (starts default to 'default', traces to none, the name to the suite's)"])
    var suite: String? = null

    @Option(names = ["--dims"], description = ["bbob's dimensions, such as 2,5,10 (default: 2,5,10)"])
    var dims: String? = null

    @Option(names = ["--instances"], description = ["bbob's instances, such as 1-5 or 1-3,7 (default: 1-5)"])
    var instances: String? = null

    @Option(names = ["--functions"], description = ["the suite's functions: bbob's 1-24, mgh's numbers 1-35 or names (default: all)"])
    var functions: String? = null

    @Option(names = ["--scales"], description = ["mgh's start factors: x0 times each, such as 1,10,100 (default: 1)"])
    var scales: String? = null

    /**
     * The suite chosen, or null without `--suite`.
     *
     * @throws LabException when a suite's option is given without `--suite`, or `--landscapes` with it
     */
    fun chosen(given: ParseResult): Suite? {
        val name = suite ?: run {
            listOf("--dims", "--instances", "--functions", "--scales").firstOrNull { given.hasMatchedOption(it) }?.let {
                throw LabException("$it applies to a suite: add --suite ${Suite.KNOWN.joinToString(" or --suite ")}")
            }
            return null
        }
        if (given.hasMatchedOption("--landscapes")) throw LabException("--landscapes and --suite exclude each other: the suite lists the landscapes")
        return Suite(name, functions, dims, instances, scales)
    }
}
