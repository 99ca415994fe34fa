package dev.fluxion.lab.engine

/**
 * A list of runs that makes each [RunSpec] when asked for it, and can name the specs its runs use without making
 * them: what the [Engine] parses before any run computes, so that a bad spec fails first. Checking a plan this way
 * parses each distinct spec once; walking it would make every run (its start sampled and hashed) only to read two
 * strings, which cost a 1,000-step run on a two-dimensional quadratic about 6% of its time.
 */
internal interface RunPlan {
    /** The optimizer specs of the plan's runs, each at least once. */
    val optimizerSpecs: Collection<String>

    /** The landscape specs of the plan's runs, each at least once. */
    val landscapeSpecs: Collection<String>
}
