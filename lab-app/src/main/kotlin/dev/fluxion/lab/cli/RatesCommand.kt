package dev.fluxion.lab.cli

import dev.fluxion.lab.study.RatesStudy
import dev.fluxion.lab.study.SpecList
import dev.fluxion.lab.engine.StepRule
import picocli.CommandLine.Command
import picocli.CommandLine.Model.CommandSpec
import picocli.CommandLine.Mixin
import picocli.CommandLine.Option
import picocli.CommandLine.Spec
import java.util.concurrent.Callable

/** `fluxion rates`: fitted against theoretical linear rates on quadratics over a range of kappa. */
@Command(name = "rates", description = ["Fitted against theoretical convergence rates on quadratic(dim=D, kappa=k) over kappa;",
    "each rule's step follows from the exact L and mu: ${StepRule.SYNTAX}."])
class RatesCommand : Callable<Int> {
    @Spec
    lateinit var spec: CommandSpec

    @Mixin
    lateinit var options: StudyOptions

    @Mixin
    lateinit var runLength: RunLengthOption

    @Option(names = ["--rules"], paramLabel = "RULES", description = ["rules separated by ';' (default: \${DEFAULT-VALUE}); an optimizer spec without '@' (a plugin's too) runs at fixed hyperparameters, fitted without a theory"])
    var rules = RatesStudy.DEFAULT_RULES

    @Option(names = ["--kappas"], paramLabel = "K,K,...", split = ",", description = ["condition numbers (default: 1,3,10,30,100,300,1000)"])
    var kappas: List<Double> = RatesStudy.DEFAULT_KAPPAS

    @Option(names = ["--dim"], description = ["dimension of the quadratics (default: \${DEFAULT-VALUE})"])
    var dimension = 10

    @Option(names = ["--landscape", "-l"], paramLabel = "SPEC", description = ["landscapes with {kappa} (and {dim}) where the",
        "condition number goes, a plugin's included; they must state L, mu and f* (default: \${DEFAULT-VALUE})"])
    var family = RatesStudy.DEFAULT_FAMILY

    @Option(names = ["--target"], description = ["gap for steps-to-target (default: \${DEFAULT-VALUE})"])
    var target = 1e-8

    @Option(names = ["--steps"], description = ["step budget per run (default: \${DEFAULT-VALUE})"])
    var steps = 200_000L

    @Option(names = ["--seed"], description = ["study seed (default: \${DEFAULT-VALUE})"])
    var seed = 0L

    @Option(names = ["--name"], description = ["study name: the files' base name (default: \${DEFAULT-VALUE})"])
    var name = "rates"

    override fun call(): Int = executeStudy(RatesStudy(SpecList.split(rules).map { StepRule.parse(it) }, kappas, dimension,
        target, maxSteps = steps, seed = seed, name = name, family = family, fixedLength = runLength.fixedLength), options, spec)
}
