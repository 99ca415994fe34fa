package dev.fluxion.optimizers.transform;

import dev.fluxion.optimizers.StepContext;
import dev.fluxion.optimizers.Transform;
import dev.fluxion.optimizers.TransformState;

/**
 * Element-wise clipping: d_i &lt;- min(max(d_i, -c), c) (Mikolov, 2012, thesis section 3.2.2). Unlike
 * {@link GlobalNormClip} it may change the direction.
 *
 * @param limit c &gt; 0
 */
public record ValueClip(double limit) implements Transform {

    @Override
    public TransformState init(int dimension) {
        return new TransformState() {
            @Override
            public void update(double[] direction, StepContext context) {
                for (int i = 0; i < direction.length; i++) {
                    direction[i] = Math.min(Math.max(direction[i], -limit), limit);
                }
            }
        };
    }

    @Override
    public String spec() {
        return "clipValue(value=" + limit + ")";
    }
}
