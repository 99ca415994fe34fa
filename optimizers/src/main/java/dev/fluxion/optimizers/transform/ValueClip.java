package dev.fluxion.optimizers.transform;

import dev.fluxion.dsl.spec.Range;
import dev.fluxion.optimizers.Hyperparameter;
import dev.fluxion.optimizers.Signature;
import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;
import java.util.List;

/**
 * Element-wise clipping, {@code clipValue(value=c)}: d_i &lt;- min(max(d_i, -c), c) (Mikolov, 2012, thesis
 * section 3.2.2). Unlike {@link GlobalNormClip} it may change the direction.
 *
 * @param value c &gt; 0
 */
public record ValueClip(double value) implements Transform {
    /** The name in specs. */
    public static final String NAME = "clipValue";
    /** The hyperparameters, in the order of the components and of specs. */
    public static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.real("value", 1, Range.POSITIVE, "largest allowed absolute component"));
    /** The name, description and hyperparameters specs know it by. */
    public static final Signature<ValueClip> SIGNATURE = new Signature<>(ValueClip.class, NAME, HYPERPARAMETERS,
            "clip each component to [-value, value] (Mikolov 2012)");
    /** Clipping with every default. */
    public static final ValueClip DEFAULT = SIGNATURE.defaults();

    /** Checks c against its range. */
    public ValueClip {
        Hyperparameter.check(NAME, HYPERPARAMETERS, value);
    }

    /** This clipping with the largest allowed absolute component c. */
    public ValueClip value(double value) {
        return new ValueClip(value);
    }

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            @Override
            public void update(double[] direction, StepContext context) {
                for (int i = 0; i < direction.length; i++) {
                    direction[i] = Math.min(Math.max(direction[i], -value), value);
                }
            }
        };
    }

    @Override
    public String spec() {
        return SIGNATURE.spec(this);
    }
}
