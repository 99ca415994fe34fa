package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
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
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<GlobalNormClip> SIGNATURE = new Signature<>(
            GlobalNormClip.class, NAME, HYPERPARAMETERS,
            "clip by global norm, g <- g min(1, norm / ||g||) (Pascanu, Mikolov and Bengio, ICML 2013)");
    /** Clipping with every default. */
    public static final GlobalNormClip DEFAULT = SIGNATURE.defaults();

    /** Checks c against its range. */
    public GlobalNormClip {
        Hyperparameter.check(NAME, HYPERPARAMETERS, norm);
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
        return SIGNATURE.spec(this);
    }
}
