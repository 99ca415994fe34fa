package dev.fluxion.lab.study

import dev.fluxion.lab.engine.Engine
import dev.fluxion.lab.engine.RunResult
import dev.fluxion.lab.engine.RunSpec

/**
 * A study whose later runs depend on the results of its earlier ones, planned stage by stage: stage 0 is
 * [Study.runs]; [Studies.compute] computes it, then asks for stage 1 with the stored results at hand, and so on
 * until [stage] says there is none. Each stage is a fixed function of the stored results, so a resumed study plans
 * the same stages and computes only the runs missing from them; a tune study ([dev.fluxion.lab.tune.TuneStudy]) is
 * one (the rungs of successive halving, then the comparison at the tuned settings).
 */
interface StagedStudy : Study {
    /**
     * The runs of stage [index] (from 1), given [results], which looks up stored runs of earlier stages (their
     * summaries, in the order asked, all present), or null when the study has no such stage.
     */
    fun stage(index: Int, engine: Engine, results: (List<RunSpec>) -> List<RunResult>): List<RunSpec>?
}
