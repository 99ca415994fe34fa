package dev.fluxion.optimizers.provider;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Chain;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.OptimizerProvider;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.linesearch.PolyakStep;
import java.util.List;

/** The spec name {@code polyak}: Polyak's step size along the incoming direction, a = (f - f*) / (-g'd) (Polyak 1987) */
public final class PolyakProvider implements OptimizerProvider {

    @Override
    public String name() {
        return "polyak";
    }

    @Override
    public String description() {
        return "Polyak's step size along the incoming direction (-g if it is not a descent direction),"
                + " a = scale (f - f*) / (-g'd), no evaluations (Polyak 1987, section 5.3)";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(
                Hyperparameter.real("fStar", 0, new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY,
                        false), "the optimal value f* (a landscape's known minimum)"),
                Hyperparameter.real("scale", 1, Range.POSITIVE, "a factor on the step; 1 is Polyak's"));
    }

    @Override
    public Transform create(HyperparameterValues v) {
        return new Chain(List.of(new PolyakStep(v.real("fStar"), v.real("scale"))), v.spec());
    }
}
