package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.HyperparameterValues;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * Clipping by global norm, {@code clip(norm=c)} (Pascanu, Mikolov and Bengio, "On the difficulty of training
 * recurrent neural networks", ICML 2013, Algorithm 1): if ||d|| &gt; c then d &lt;- (c / ||d||) d. The direction is
 * kept and the norm becomes c.
 *
 * @param norm c &gt; 0
 */
public record GlobalNormClip(double norm) implements Transform {
    /** The name in specs. */
    public static final String NAME = "clip";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("norm", 1, Range.POSITIVE, "largest allowed Euclidean norm"));
    /** Clipping with every default. */
    public static final GlobalNormClip DEFAULT = of(HyperparameterValues.defaults(NAME, HYPERPARAMETERS));

    /** Checks c against its range. */
    public GlobalNormClip {
        Hyperparameter.check(NAME, HYPERPARAMETERS, norm);
    }

    /** The transform for checked spec values. */
    public static GlobalNormClip of(HyperparameterValues values) {
        return new GlobalNormClip(values.real("norm"));
    }

    /** This clipping with the largest allowed norm c. */
    public GlobalNormClip norm(double norm) {
        return new GlobalNormClip(norm);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            @Override
            public void update(double[] direction, StepContext context) {
                double squares = 0;
                for (double d : direction) {
                    squares += d * d;
                }
                double length = Math.sqrt(squares);
                if (length > norm) {
                    // (d_i c) / ||d|| rather than d_i (c / ||d||): one rounding fewer when c = 1
                    for (int i = 0; i < direction.length; i++) {
                        direction[i] = direction[i] * norm / length;
                    }
                }
            }
        };
    }

    @Override
    public String spec() {
        return Hyperparameter.spec(NAME, HYPERPARAMETERS, norm);
    }
}
